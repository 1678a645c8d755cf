import type { Logger } from 'pino';
import type { StoreLimits } from './limits.js';

/** A question the bot could not answer, or answered with low confidence. */
export interface AskRecord {
  question: string;
  /** The member's Discord id: hashed before it is stored, never kept as is. */
  askerId: string;
  bestEntryId: string | null;
  confidence: number | null;
  kind: AskKind;
}

export type AskKind = 'unanswered' | 'low-confidence';

/** A member's "helpful" / "not helpful" on one answer. */
export interface VoteRecord {
  entryId: string;
  /** The answer message or interaction id: one vote per member per answer. */
  answerId: string;
  /** The member's Discord id: hashed before it is stored, never kept as is. */
  voterId: string;
  helpful: boolean;
}

export type VoteOutcome = 'recorded' | 'duplicate' | 'unavailable';

/** One distinct (normalised) unanswered question. */
export interface UnansweredRow {
  normalized: string;
  /** The question as first typed, cleaned and shortened. */
  sample: string;
  /** Every ask, repeats by one member included. */
  count: number;
  /** Distinct members who asked it (saturates at limits.askersPerQuestion). */
  askers: number;
  firstSeen: string;
  lastSeen: string;
  bestEntryId: string | null;
  confidence: number | null;
  kind: AskKind;
}

export interface FeedbackRow {
  entryId: string;
  helpful: number;
  notHelpful: number;
}

export interface ServedRow {
  entryId: string;
  count: number;
}

export interface StoreStatus {
  recording: boolean;
  engine: 'sqlite' | 'postgres' | 'none';
  /** The database file, or the server and database (never the password), written to. */
  location: string;
  /** What is wrong, or what was repaired, in words a moderator can act on. */
  problem?: string;
  /** When the current state (recording or not) began, ISO 8601. */
  since?: string;
}

/**
 * What the bot keeps. Async so that a PostgreSQL implementation can share it. Writes never
 * throw: a failing database turns recording off (see status) and the bot keeps answering.
 */
export interface Store {
  recordAsk(r: AskRecord): Promise<void>;
  recordServed(entryId: string): Promise<void>;
  /** Resolves only once the vote is durable, so an acknowledged vote survives a crash. */
  recordVote(v: VoteRecord): Promise<VoteOutcome>;
  /** Ranked by distinct askers, then asks, so one member's spam cannot lead. */
  unansweredTop(limit: number): Promise<UnansweredRow[]>;
  feedback(): Promise<FeedbackRow[]>;
  servedCounts(): Promise<ServedRow[]>;
  status(): StoreStatus;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The SQLite file (DATABASE_PATH); its folder is created if missing. Unused with url. */
  path: string;
  /**
   * A PostgreSQL connection URL (DATABASE_URL): when set, the store is that database, shared
   * by every shard and replica, instead of the SQLite file. URL parameters (sslmode,
   * options=-c search_path=…, statement_timeout…) are passed on to the server.
   */
  url?: string | undefined;
  logger: Logger;
  now?: () => Date;
  limits?: Partial<StoreLimits>;
  /**
   * For report tools: never writes, migrates or repairs the file; writes are refused
   * quietly, and status.recording then means "open and readable".
   */
  readOnly?: boolean;
}

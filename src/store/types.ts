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

export type AutoAnswerMode = 'off' | 'shadow' | 'on';

/** How the bot answers questions posted in one channel of one server. */
export interface AutoAnswerSetting {
  guildId: string;
  channelId: string;
  mode: AutoAnswerMode;
  /** The least confidence to answer at; null: the default. */
  minConfidence: number | null;
  /** The role pinged when an auto-answer was not what the member asked; null: none. */
  helperRoleId: string | null;
}

export interface AutoAnswerRow extends AutoAnswerSetting {
  updatedAt: string;
}

export type SettingOutcome = 'saved' | 'too-many' | 'unavailable';

/** What the bot would have answered to a question in a shadow channel. No user ids. */
export interface ShadowRecord {
  guildId: string;
  channelId: string;
  question: string;
  entryId: string;
  confidence: number;
}

export type ShadowGrade = 'right' | 'wrong';

export interface ShadowRow {
  /** A short random id, for the moderators' Right / Wrong buttons. */
  id: string;
  /** The question, cleaned and cut as unanswered questions are. */
  question: string;
  entryId: string;
  confidence: number;
  askedAt: string;
  grade: ShadowGrade | null;
}

export type GradeOutcome = 'graded' | 'not-found' | 'unavailable';

/** Shadow answers graded so far (at or above a confidence), and how many were right. */
export interface ShadowPrecision {
  graded: number;
  right: number;
}

/** A member resolved a question to an entry: clicked it under the bot's reply, or marked its answer solved. */
export interface ResolutionRecord {
  entryId: string;
  /** The member's Discord id: hashed within the entry before it is stored, never kept as is. */
  memberId: string;
  /** The question's text, or the key of the recorded unanswered question it is (askKey, what buttons carry). */
  question: { text: string } | { askKey: string };
}

/** One question resolved to one entry, and by whom. */
export interface ResolvedQuestion {
  entryId: string;
  /** The question's key (the digest of its normalised text). */
  key: string;
  /** The question, cleaned and cut as unanswered questions are. */
  sample: string;
  /** Keyed hashes of the members, within the entry (the same member on two questions of it, the same hash). Never shown. */
  resolvers: string[];
}

export type AlternateDecision = 'accepted' | 'rejected';

/** A moderator's Accept or Reject of a proposed alternate. */
export interface DecisionRecord {
  entryId: string;
  /** The proposed question's key. */
  key: string;
  sample: string;
  decision: AlternateDecision;
}

export interface DecisionEntry extends DecisionRecord {
  decidedAt: string;
}

/** 'already': that proposal was decided before (a second press). */
export type DecisionOutcome = 'saved' | 'already' | 'unavailable';

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
  /** Saves a channel's setting; 'too-many' when the server has limits.autoAnswerChannels that are not off. */
  setAutoAnswer(s: AutoAnswerSetting): Promise<SettingOutcome>;
  /** One server's channel settings, or every server's (for a process starting up). */
  autoAnswerSettings(guildId?: string): Promise<AutoAnswerRow[]>;
  /** Records a would-be answer; its id, or null when nothing was recorded. */
  recordShadow(r: ShadowRecord): Promise<string | null>;
  /** A channel's latest shadow answers, newest first. */
  latestShadow(guildId: string, channelId: string, limit: number): Promise<ShadowRow[]>;
  /** Grades one of this server's shadow answers (a moderator's Right / Wrong). */
  gradeShadow(guildId: string, id: string, grade: ShadowGrade): Promise<GradeOutcome>;
  /** Of a channel's graded shadow answers with confidence ≥ minConfidence (default 0), how many were right. */
  shadowPrecision(guildId: string, channelId: string, minConfidence?: number): Promise<ShadowPrecision>;
  /** Records that a member resolved a question to an entry; false when nothing was recorded (a forgotten question, not recording). */
  recordResolution(r: ResolutionRecord): Promise<boolean>;
  /** Resolved questions, by entry. */
  resolvedQuestions(limit: number): Promise<ResolvedQuestion[]>;
  /** Saves a decision once per proposal: whoever presses first decides. */
  decideAlternate(d: DecisionRecord): Promise<DecisionOutcome>;
  /** Takes back a decision whose change could not be made, so the proposal can be decided again. */
  withdrawDecision(entryId: string, key: string): Promise<void>;
  /** The latest decisions, newest first. */
  alternateDecisions(limit: number): Promise<DecisionEntry[]>;
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

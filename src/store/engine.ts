import type { Logger } from 'pino';
import type { StoreLimits } from './limits.js';
import type { Fault } from './messages.js';
import type { Param, Plan } from './plan.js';
import type { StoreStatus } from './types.js';

/**
 * What differs between SQLite and PostgreSQL, and nothing more: how to open (and migrate) a
 * database, run a plan in one write transaction, read rows, and what a failure means. The
 * store (store.ts) holds everything else once: hashing, bounds, pruning, status and retries.
 */
export interface Engine {
  readonly name: Exclude<StoreStatus['engine'], 'none'>;
  /** The file, or the server and database (never the password), for status and logs. */
  readonly location: string;
  /** Opens, checks and (unless read-only) migrates the database. Throws on any problem. */
  connect(): Promise<Connection>;
  classify(err: unknown): Fault;
}

export interface Connection {
  /** The per-database hashing secret (see privacy.ts). */
  readonly secret: Buffer;
  /** Something repaired while opening that a moderator should still see. */
  readonly note?: string;
  /** Runs a plan in one write transaction. `durable`: on disk before it resolves (votes). */
  run<R>(plan: Plan<R>, durable: boolean): Promise<R>;
  all<T>(sql: string, ...params: Param[]): Promise<T[]>;
  /** Never throws: a connection that went bad is dropped either way. */
  close(): Promise<void>;
}

/** What the store and its engine are opened with, resolved once (defaults filled in). */
export interface StoreSettings {
  readonly limits: StoreLimits;
  readonly readOnly: boolean;
  readonly now: () => Date;
  readonly log: Logger;
}

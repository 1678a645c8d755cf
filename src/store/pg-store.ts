/**
 * The store on PostgreSQL (DATABASE_URL), for shards and replicas that share one database.
 * It keeps exactly what the SQLite store keeps, the same way (see sqlite-store.ts for what
 * and why): the same migrations, the same SQL plans (writes.ts), the same hashing, bounds
 * and eviction. Differences:
 * - Durable: a vote's transaction commits with the server's synchronous_commit (on, unless
 *   an operator turned it off), so an acknowledged vote is on the server's disk; asks and
 *   counters commit without waiting for that flush.
 * - Shared: one vote per member per answer is the PRIMARY KEY on votes.ballot; every
 *   replica reads the hashing secret the first one created; writers take turns on an
 *   advisory lock, as SQLite writers do on the file's lock.
 * - Faults: an unreachable server (or a lost connection) turns recording off, says why in
 *   status, and opening is tried again every limits.retryMs; a lock or statement timeout is
 *   passing and the next write tries again. Answers never wait on any of it for long: every
 *   wait is bounded (limits.pg*).
 * - Bounded by the row caps; there is no byte cap on the server.
 */
import type { Logger } from 'pino';
import { RecordingStatus } from './recording-status.js';
import { STORE_LIMITS, type StoreLimits } from './limits.js';
import { STORE_MESSAGES as M } from './messages.js';
import { classifyPgError, createPool, describeUrl, preparePg, readAll, runPlan, type Pool } from './pg-open.js';
import type { Plan } from './plan.js';
import { askRow, ballotRow, cleanId } from './privacy.js';
import type { AskRecord, FeedbackRow, OpenStoreOptions, ServedRow, Store, StoreStatus, UnansweredRow, VoteOutcome, VoteRecord } from './types.js';
import { Retry } from './retry.js';
import { DAY_MS, prune, READS, rowLimit, writeAsk, writeServed, writeVote } from './writes.js';


export class PgStore implements Store {
  private readonly url: string;
  private readonly location: string;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly limits: StoreLimits;
  private readonly readOnly: boolean;
  private pool: Pool | null = null;
  private secret: Buffer = Buffer.alloc(0);
  private readonly status_: RecordingStatus;
  private readonly retry: Retry;
  private closed = false;
  private lastPrune = 0;

  constructor(opts: OpenStoreOptions & { url: string }) {
    this.url = opts.url;
    this.location = describeUrl(opts.url);
    this.log = opts.logger.child({ component: 'store' });
    this.now = opts.now ?? (() => new Date());
    this.limits = Object.freeze({ ...STORE_LIMITS, ...opts.limits });
    this.readOnly = opts.readOnly ?? false;
    this.status_ = new RecordingStatus('postgres', this.location, this.log, this.now);
    this.retry = new Retry(this.limits.retryMs, () => void this.open());
  }

  /** Connects, migrates and reads the secret; on failure stays not recording and tries again later. Never throws. */
  async open(): Promise<void> {
    if (this.closed) return;
    const wasFailing = this.status_.failing;
    const pool = createPool(this.url, this.limits);
    // An idle connection the server dropped: the next query on the pool finds out and reports.
    pool.on('error', (err) => this.log.debug({ err }, 'idle database connection lost'));
    try {
      this.secret = await preparePg(pool, this.readOnly, this.now());
    } catch (err) {
      await endQuietly(pool);
      if (this.closed) return;
      return this.fail(err);
    }
    if (this.closed) return endQuietly(pool);
    this.pool = pool;
    this.lastPrune = 0;
    this.status_.recordingNow();
    if (wasFailing) this.log.info({ location: this.location }, M.resumed);
    else this.log.debug({ location: this.location }, M.opened);
  }

  async recordAsk(r: AskRecord): Promise<void> {
    await this.write(() => {
      const row = askRow(r, this.limits, this.secret, this.now().toISOString());
      return row === null ? null : writeAsk(this.limits, row);
    }, undefined, false);
  }

  async recordServed(entryId: string): Promise<void> {
    await this.write(() => writeServed(this.limits, cleanId(entryId, this.limits.idChars), this.now().toISOString()), undefined, false);
  }

  async recordVote(v: VoteRecord): Promise<VoteOutcome> {
    const cast = await this.write(() => writeVote(this.limits, ballotRow(v, this.limits, this.secret, this.now().toISOString())), null, true);
    return cast === null ? 'unavailable' : cast ? 'recorded' : 'duplicate';
  }

  async unansweredTop(limit: number): Promise<UnansweredRow[]> {
    return this.read<UnansweredRow>(READS.unansweredTop, rowLimit(limit));
  }

  async feedback(): Promise<FeedbackRow[]> {
    return this.read<FeedbackRow>(READS.feedback);
  }

  async servedCounts(): Promise<ServedRow[]> {
    return this.read<ServedRow>(READS.servedCounts);
  }

  status(): StoreStatus {
    return this.status_.snapshot;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.retry.cancel();
    const pool = this.pool;
    this.pool = null;
    this.status_.closed();
    if (pool !== null) await endQuietly(pool);
  }

  /**
   * Runs a write plan; never throws. `plan` builds the plan from the record (cleaning and
   * hashing it), or returns null when there is nothing to write.
   */
  private async write<T, F>(plan: () => Plan<T> | null, fallback: F, durable: boolean): Promise<T | F> {
    const pool = this.pool;
    // A read-only store (the report tools) refuses writes rather than failing on them.
    if (pool === null || this.readOnly) return fallback;
    try {
      const steps = plan();
      if (steps === null) return fallback;
      await this.maybePrune(pool);
      const result = await runPlan(pool, steps, durable);
      if (!this.status_.recording && this.pool === pool) this.status_.resumedAfterBusy();
      return result;
    } catch (err) {
      this.handle(err, pool);
      return fallback;
    }
  }

  private async read<T>(sql: string, ...params: (string | number)[]): Promise<T[]> {
    const pool = this.pool;
    if (pool === null) return [];
    try {
      return await readAll<T>(pool, sql, ...params);
    } catch (err) {
      this.handle(err, pool);
      return [];
    }
  }

  private handle(err: unknown, pool: Pool): void {
    // The pool was closed or replaced meanwhile (a failure already reported, or close()).
    if (this.pool !== pool) return;
    const fault = classifyPgError(err);
    if (fault === 'busy') this.status_.failed(err, null);
    else if (fault === 'input') this.log.warn({ err }, M.notRecorded);
    else this.fail(err);
  }

  private async maybePrune(pool: Pool): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastPrune < DAY_MS) return;
    this.lastPrune = now;
    await runPlan(pool, prune(new Date(now - this.limits.retentionDays * DAY_MS).toISOString()), false);
  }

  /** Drops the pool, says why, and schedules another try at opening. */
  private fail(err: unknown): void {
    const pool = this.pool;
    this.pool = null;
    if (pool !== null) void endQuietly(pool);
    this.status_.failed(err, this.limits.retryMs);
    if (!this.closed) this.retry.schedule();
  }


}

async function endQuietly(pool: Pool): Promise<void> {
  try {
    await pool.end();
  } catch {
    // Already ended, or its connections were already gone: nothing is left to release.
  }
}

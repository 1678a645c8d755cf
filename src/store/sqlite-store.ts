/**
 * What the bot records, and why (this block is the reference; the README summarises it):
 *
 * - Questions it could not answer, or answered with low confidence: the text (cleaned of
 *   mentions, ids and control characters, cut to 300 characters) and its normalised form,
 *   because a moderator needs the wording to write an alternate or a new entry. Counted per
 *   normalised question with first and last time seen, the closest entry and confidence.
 * - Who asked: never the Discord id. A keyed hash (HMAC-SHA256 with a random secret kept in
 *   this database) of the member within that one question, only to count each member once
 *   so one member's spam cannot lead the report. Hashes of one member in two questions, or
 *   on two answers, are unrelated values; at most 25 are kept per question.
 * - Votes: the entry, helpful or not, and a ballot, the keyed hash of (answer, member), so
 *   that a member votes once per answer. Per-entry totals are kept apart and outlive the
 *   ballots.
 * - How often each entry is served: a counter per entry id.
 *
 * Durable: a vote is synced to disk before recordVote resolves (the member is then told it
 * counted); WAL mode, an integrity check on open, damaged files moved aside.
 * Bounded: 5,000 distinct questions, 50,000 ballots, 2,000 entry counters, a 64 MB cap on
 * the file, and questions and ballots older than 180 days are forgotten (see limits.ts).
 * Pseudonymous, not anonymous: whoever holds this file and knows a member's id and an
 * answer's id can test whether that member voted on it. Treat the file as private;
 * deleting it forgets everything.
 */
import type { Logger } from 'pino';
import { RecordingStatus } from './recording-status.js';
import { STORE_LIMITS, type StoreLimits } from './limits.js';
import { askRow, ballotRow, cleanId } from './privacy.js';
import { STORE_MESSAGES as M } from './messages.js';
import { isBusy, isDamaged, isDatabaseError, moveAside, openSqlite, type Db } from './sqlite-open.js';
import { all, runPlan } from './sqlite-writes.js';
import { Retry } from './retry.js';
import { DAY_MS, prune, READS, rowLimit, writeAsk, writeServed, writeVote } from './writes.js';
import type { AskRecord, FeedbackRow, OpenStoreOptions, ServedRow, Store, StoreStatus, UnansweredRow, VoteOutcome, VoteRecord } from './types.js';


export class SqliteStore implements Store {
  private readonly path: string;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly limits: StoreLimits;
  private readonly readOnly: boolean;
  private db: Db | null = null;
  private secret: Buffer = Buffer.alloc(0);
  private readonly status_: RecordingStatus;
  private readonly retry: Retry;
  private closed = false;
  private lastPrune = 0;
  private synchronous = '';

  constructor(opts: OpenStoreOptions) {
    this.path = opts.path;
    this.log = opts.logger.child({ component: 'store' });
    this.now = opts.now ?? (() => new Date());
    this.limits = Object.freeze({ ...STORE_LIMITS, ...opts.limits });
    this.readOnly = opts.readOnly ?? false;
    this.status_ = new RecordingStatus('sqlite', this.path, this.log, this.now);
    this.retry = new Retry(this.limits.retryMs, () => this.open());
  }

  /** Opens the file; on failure stays not recording and tries again later. Never throws. */
  open(): void {
    if (this.closed) return;
    const wasFailing = this.status_.failing;
    try {
      this.attach(openSqlite(this.path, this.limits, this.readOnly, this.now()));
    } catch (err) {
      if (!isDamaged(err) || this.readOnly) return this.fail(err);
      try {
        // A damaged file will not heal: keep it for inspection and start afresh.
        const aside = moveAside(this.path, this.now());
        this.attach(openSqlite(this.path, this.limits, false, this.now()), M.movedAside(aside));
        this.log.error({ err, aside }, M.movedAside(aside));
      } catch (again) {
        return this.fail(again);
      }
      return;
    }
    if (wasFailing) this.log.info({ location: this.path }, M.resumed);
    else this.log.debug({ location: this.path }, M.opened);
  }

  async recordAsk(r: AskRecord): Promise<void> {
    this.write(() => {
      const row = askRow(r, this.limits, this.secret, this.now().toISOString());
      if (row !== null) runPlan(this.db!, writeAsk(this.limits, row));
    }, undefined, 'NORMAL');
  }

  async recordServed(entryId: string): Promise<void> {
    this.write(() => runPlan(this.db!, writeServed(this.limits, cleanId(entryId, this.limits.idChars), this.now().toISOString())), undefined, 'NORMAL');
  }

  async recordVote(v: VoteRecord): Promise<VoteOutcome> {
    return this.write<VoteOutcome>(() => {
      const ballot = ballotRow(v, this.limits, this.secret, this.now().toISOString());
      return runPlan(this.db!, writeVote(this.limits, ballot)) ? 'recorded' : 'duplicate';
    }, 'unavailable', 'FULL');
  }

  async unansweredTop(limit: number): Promise<UnansweredRow[]> {
    return this.read(() => all<UnansweredRow>(this.db!, READS.unansweredTop, rowLimit(limit)));
  }

  async feedback(): Promise<FeedbackRow[]> {
    return this.read(() => all<FeedbackRow>(this.db!, READS.feedback));
  }

  async servedCounts(): Promise<ServedRow[]> {
    return this.read(() => all<ServedRow>(this.db!, READS.servedCounts));
  }

  status(): StoreStatus {
    return this.status_.snapshot;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.retry.cancel();
    this.detach();
    this.status_.closed();
  }

  private attach(opened: { db: Db; secret: Buffer }, note?: string): void {
    this.db = opened.db;
    this.secret = opened.secret;
    this.status_.recordingNow(note);
    this.lastPrune = 0;
    this.synchronous = 'FULL';
  }

  private detach(): void {
    try {
      this.db?.close();
    } catch {
      // Closing a connection whose file went bad can fail too; it is dropped either way.
    }
    this.db = null;
  }

  /**
   * Runs a write; a database failure turns recording off. FULL syncs to disk before
   * returning (a vote is acknowledged to the member). NORMAL skips that sync: with WAL it
   * still survives kill -9 (the OS has the data); only a power cut could lose the last asks.
   */
  private write<T>(action: () => T, fallback: T, synchronous: 'FULL' | 'NORMAL'): T {
    // A read-only store (the report tools) refuses writes rather than failing on them.
    if (this.db === null || this.readOnly) return fallback;
    try {
      if (this.synchronous !== synchronous) this.db.pragma(`synchronous = ${(this.synchronous = synchronous)}`);
      this.maybePrune();
      const result = action();
      if (!this.status_.recording) this.status_.resumedAfterBusy();
      return result;
    } catch (err) {
      // Another process (a shard, a replica, a report) held the lock too long: the
      // connection is fine, so the very next write tries again instead of a retry timer.
      if (isBusy(err)) this.status_.failed(err, null);
      else if (isDatabaseError(err)) this.fail(err);
      // Bad input (a bug in a caller) loses that one record, nothing more.
      else this.log.warn({ err }, M.notRecorded);
      return fallback;
    }
  }

  private read<T>(query: () => T[]): T[] {
    if (this.db === null) return [];
    try {
      return query();
    } catch (err) {
      this.fail(err);
      return [];
    }
  }

  private maybePrune(): void {
    const now = this.now().getTime();
    if (this.readOnly || now - this.lastPrune < DAY_MS) return;
    this.lastPrune = now;
    runPlan(this.db!, prune(new Date(now - this.limits.retentionDays * DAY_MS).toISOString()));
  }

  /** Closes the connection, says why, and schedules another try at opening. */
  private fail(err: unknown): void {
    this.detach();
    this.status_.failed(err, this.limits.retryMs);
    if (!this.closed) this.retry.schedule();
  }


}

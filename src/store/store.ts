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
 * - Auto-answer: each channel's setting (mode, threshold, helper role), and in shadow
 *   channels what the bot would have answered: the question (cleaned and cut as above), the
 *   entry, its confidence, the time and a moderator's grade. No user id of any kind.
 *
 * - Resolutions: a question (cleaned and cut as above) and the entry a member resolved it
 *   to (a suggestion clicked under the bot's reply, a related question clicked after a 👎 on
 *   the answer, an auto-answer marked solved), with the keyed hash of the member within
 *   that entry, to count members once per entry when alternates are proposed. Written only while recording, like questions; forgotten after
 *   the same 180 days. Moderators' Accept / Reject of a proposal: the entry, the question
 *   and the decision, no member.
 *
 * Durable: a vote is on disk before recordVote resolves (the member is then told it
 * counted).
 * Bounded: 5,000 distinct questions, 50,000 ballots, 2,000 entry counters (and on SQLite a
 * 64 MB cap on the file); questions and ballots older than 180 days are forgotten (see
 * limits.ts).
 * Pseudonymous, not anonymous: whoever holds the database and knows a member's id and an
 * answer's id can test whether that member voted on it. Treat the file as private;
 * deleting it forgets everything.
 */
import type { Connection, Engine, StoreSettings } from './engine.js';
import { STORE_MESSAGES as M } from './messages.js';
import type { Plan } from './plan.js';
import { AUTO_ANSWER_READS, writeGrade, writeSetting, writeShadow } from './auto-answer.js';
import { askRow, ballotRow, cleanId, cleanQuestion, resolutionRow, settingRow, shadowRow } from './privacy.js';
import { deleteDecision, RESOLUTION_READS, writeDecision, writeResolution } from './resolutions.js';
import { RecordingStatus } from './recording-status.js';
import { Retry } from './retry.js';
import type {
  AskRecord,
  AutoAnswerRow,
  AutoAnswerSetting,
  DecisionEntry,
  DecisionOutcome,
  DecisionRecord,
  FeedbackRow,
  GradeOutcome,
  ResolutionRecord,
  ResolvedQuestion,
  ServedRow,
  SettingOutcome,
  ShadowGrade,
  ShadowPrecision,
  ShadowRecord,
  ShadowRow,
  Store,
  StoreStatus,
  UnansweredRow,
  VoteOutcome,
  VoteRecord,
} from './types.js';
import { DAY_MS, prune, READS, rowLimit, writeAsk, writeServed, writeVote } from './writes.js';

/**
 * The one store, over either engine (sqlite-engine.ts, pg-engine.ts). Faults: a database
 * that cannot be opened or written turns recording off, says why in status, and opening is
 * tried again every limits.retryMs; a lock or statement timeout is passing and the next
 * write tries again; a bad record loses that record only. Nothing here throws, so answers
 * never depend on it.
 */
export class DatabaseStore implements Store {
  private conn: Connection | null = null;
  private readonly status_: RecordingStatus;
  private readonly retry: Retry;
  private closed = false;
  private lastPrune = 0;

  constructor(
    private readonly engine: Engine,
    private readonly s: StoreSettings,
  ) {
    this.status_ = new RecordingStatus(engine.name, engine.location, s.log, s.now);
    this.retry = new Retry(s.limits.retryMs, () => void this.open());
  }

  /** Opens the database; on failure stays not recording and tries again later. Never throws. */
  async open(): Promise<void> {
    if (this.closed) return;
    const wasFailing = this.status_.failing;
    let conn: Connection;
    try {
      conn = await this.engine.connect();
    } catch (err) {
      if (!this.closed) this.fail(err);
      return;
    }
    if (this.closed) return conn.close();
    this.conn = conn;
    this.lastPrune = 0;
    this.status_.recordingNow(conn.note);
    if (wasFailing) this.s.log.info({ location: this.engine.location }, M.resumed);
    else this.s.log.debug({ location: this.engine.location }, M.opened);
  }

  async recordAsk(r: AskRecord): Promise<void> {
    await this.write((secret, at) => {
      const row = askRow(r, this.s.limits, secret, at);
      return row === null ? null : writeAsk(this.s.limits, row);
    }, undefined, false);
  }

  async recordServed(entryId: string): Promise<void> {
    await this.write((_, at) => writeServed(this.s.limits, cleanId(entryId, this.s.limits.idChars), at), undefined, false);
  }

  async recordVote(v: VoteRecord): Promise<VoteOutcome> {
    const cast = await this.write((secret, at) => writeVote(this.s.limits, ballotRow(v, this.s.limits, secret, at)), null, true);
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

  async setAutoAnswer(setting: AutoAnswerSetting): Promise<SettingOutcome> {
    const saved = await this.write((_, at) => writeSetting(this.s.limits, settingRow(setting, this.s.limits, at)), null, true);
    return saved === null ? 'unavailable' : saved ? 'saved' : 'too-many';
  }

  async autoAnswerSettings(guildId?: string): Promise<AutoAnswerRow[]> {
    return guildId === undefined ? this.read<AutoAnswerRow>(AUTO_ANSWER_READS.settings) : this.read<AutoAnswerRow>(AUTO_ANSWER_READS.serverSettings, guildId);
  }

  async recordShadow(r: ShadowRecord): Promise<string | null> {
    return this.write((_, at) => {
      const row = shadowRow(r, this.s.limits, at);
      return row === null ? null : writeShadow(this.s.limits, row);
    }, null, false);
  }

  async latestShadow(guildId: string, channelId: string, limit: number): Promise<ShadowRow[]> {
    return this.read<ShadowRow>(AUTO_ANSWER_READS.latestShadow, guildId, channelId, rowLimit(limit));
  }

  async gradeShadow(guildId: string, id: string, grade: ShadowGrade): Promise<GradeOutcome> {
    const graded = await this.write(() => writeGrade(guildId, id, grade), null, true);
    return graded === null ? 'unavailable' : graded ? 'graded' : 'not-found';
  }

  async shadowPrecision(guildId: string, channelId: string, minConfidence = 0): Promise<ShadowPrecision> {
    const threshold = Number.isFinite(minConfidence) ? minConfidence : 0;
    const [counts] = await this.read<ShadowPrecision>(AUTO_ANSWER_READS.precision, guildId, channelId, threshold);
    return counts ?? { graded: 0, right: 0 };
  }

  async recordResolution(r: ResolutionRecord): Promise<boolean> {
    return this.write((secret, at) => {
      const row = resolutionRow(r, this.s.limits, secret, at);
      return row === null ? null : writeResolution(this.s.limits, row);
    }, false, false);
  }

  async resolvedQuestions(limit: number): Promise<ResolvedQuestion[]> {
    const rows = await this.read<{ entryId: string; key: string; sample: string; resolver: string }>(RESOLUTION_READS.resolutions, rowLimit(limit));
    // One row a (question, entry, member) in the database; one a (question, entry) here.
    const out = new Map<string, ResolvedQuestion>();
    for (const r of rows) {
      const id = `${r.entryId}\u0000${r.key}`;
      const q = out.get(id) ?? { entryId: r.entryId, key: r.key, sample: r.sample, resolvers: [] };
      q.resolvers.push(r.resolver);
      out.set(id, q);
    }
    return [...out.values()];
  }

  async decideAlternate(d: DecisionRecord): Promise<DecisionOutcome> {
    const saved = await this.write((_, at) => writeDecision(this.s.limits, {
      entryId: cleanId(d.entryId, this.s.limits.idChars),
      key: cleanId(d.key, this.s.limits.idChars),
      sample: cleanQuestion(d.sample, this.s.limits.questionChars),
      decision: d.decision,
      at,
    }), null, true);
    return saved === null ? 'unavailable' : saved ? 'saved' : 'already';
  }

  async withdrawDecision(entryId: string, key: string): Promise<void> {
    await this.write(() => deleteDecision(cleanId(entryId, this.s.limits.idChars), cleanId(key, this.s.limits.idChars)), undefined, true);
  }

  async alternateDecisions(limit: number): Promise<DecisionEntry[]> {
    return this.read<DecisionEntry>(RESOLUTION_READS.decisions, rowLimit(limit));
  }

  status(): StoreStatus {
    return this.status_.snapshot;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.retry.cancel();
    const conn = this.conn;
    this.conn = null;
    this.status_.closed();
    await conn?.close();
  }

  /**
   * Runs a write plan; never throws. `plan` builds it from the record (cleaning and hashing
   * it), or returns null when there is nothing to write. `durable`: see Connection.run.
   */
  private async write<T, F>(plan: (secret: Buffer, at: string) => Plan<T> | null, fallback: F, durable: boolean): Promise<T | F> {
    const conn = this.conn;
    // A read-only store (the report tools) refuses writes rather than failing on them.
    if (conn === null || this.s.readOnly) return fallback;
    try {
      const steps = plan(conn.secret, this.s.now().toISOString());
      if (steps === null) return fallback;
      await this.maybePrune(conn);
      const result = await conn.run(steps, durable);
      if (!this.status_.recording && this.conn === conn) this.status_.resumedAfterBusy();
      return result;
    } catch (err) {
      this.handle(err, conn);
      return fallback;
    }
  }

  private async read<T>(sql: string, ...params: (string | number)[]): Promise<T[]> {
    const conn = this.conn;
    if (conn === null) return [];
    try {
      return await conn.all<T>(sql, ...params);
    } catch (err) {
      this.handle(err, conn);
      return [];
    }
  }

  private handle(err: unknown, conn: Connection): void {
    // The connection was closed or replaced meanwhile (a failure already reported, or close()).
    if (this.conn !== conn) return;
    const fault = this.engine.classify(err);
    // Another process (a shard, a replica, a report) held the lock too long: the connection
    // is fine, so the very next write tries again instead of a retry timer.
    if (fault === 'busy') this.status_.failed(err, null);
    else if (fault === 'input') this.s.log.warn({ err }, M.notRecorded);
    else this.fail(err);
  }

  private async maybePrune(conn: Connection): Promise<void> {
    const now = this.s.now().getTime();
    if (now - this.lastPrune < DAY_MS) return;
    this.lastPrune = now;
    await conn.run(prune(new Date(now - this.s.limits.retentionDays * DAY_MS).toISOString()), false);
  }

  /** Drops the connection, says why, and schedules another try at opening. */
  private fail(err: unknown): void {
    const conn = this.conn;
    this.conn = null;
    void conn?.close();
    this.status_.failed(err, this.s.limits.retryMs);
    if (!this.closed) this.retry.schedule();
  }
}

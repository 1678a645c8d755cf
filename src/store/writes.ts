import type { StoreLimits } from './limits.js';
import { row, run, type Param, type Plan } from './plan.js';
import type { AskKind } from './types.js';

/**
 * The store's writes, each one transaction, with the eviction that keeps every table
 * bounded; and its reads. Plain SQL shared by SQLite and PostgreSQL (see plan.ts).
 */

export interface AskRow {
  key: string;
  normalized: string;
  sample: string;
  kind: AskKind;
  bestEntryId: string | null;
  confidence: number | null;
  asker: string;
  at: string;
}

export interface BallotRow {
  ballot: string;
  entryId: string;
  helpful: boolean;
  at: string;
}

export function* writeAsk(limits: StoreLimits, a: AskRow): Plan<void> {
  const existing = yield* row<{ askers: number }>('SELECT askers FROM asks WHERE question_key = ?', a.key);
  if (existing === undefined) {
    yield* run(
      `INSERT INTO asks (question_key, normalized, sample, kind, best_entry_id, confidence, ask_count, askers, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`,
      a.key, a.normalized, a.sample, a.kind, a.bestEntryId, a.confidence, a.at, a.at,
    );
    // Single-asker questions seen longest ago go first: a flood of distinct questions
    // from one member cannot push out what many members asked.
    yield* evict('asks', 'question_key', 'askers, last_seen', limits.questions, a.key);
  } else {
    yield* run(
      `UPDATE asks SET ask_count = ask_count + 1, last_seen = ?, kind = ?, best_entry_id = ?, confidence = ?
       WHERE question_key = ?`,
      a.at, a.kind, a.bestEntryId, a.confidence, a.key,
    );
  }
  if ((existing?.askers ?? 0) >= limits.askersPerQuestion) return;
  const added = yield* run('INSERT INTO ask_askers (question_key, asker) VALUES (?, ?) ON CONFLICT DO NOTHING', a.key, a.asker);
  if (added > 0) yield* run('UPDATE asks SET askers = askers + 1 WHERE question_key = ?', a.key);
}

export function* writeServed(limits: StoreLimits, entryId: string, at: string): Plan<void> {
  const updated = yield* run('UPDATE served SET served_count = served_count + 1, last_served = ? WHERE entry_id = ?', at, entryId);
  if (updated > 0) return;
  yield* run('INSERT INTO served (entry_id, served_count, last_served) VALUES (?, 1, ?)', entryId, at);
  yield* evict('served', 'entry_id', 'last_served', limits.entries, entryId);
}

/**
 * Records a ballot and its entry's totals together; false when the ballot was already cast.
 * One vote per member per answer is the PRIMARY KEY on votes.ballot: the database refuses a
 * second row whichever process (shard, replica) tries to write it.
 */
export function* writeVote(limits: StoreLimits, v: BallotRow): Plan<boolean> {
  const cast = yield* run(
    'INSERT INTO votes (ballot, entry_id, helpful, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT (ballot) DO NOTHING',
    v.ballot, v.entryId, v.helpful ? 1 : 0, v.at,
  );
  if (cast === 0) return false;
  // Only the ballot ledger is trimmed; the totals below keep every vote ever counted.
  yield* evict('votes', 'ballot', 'voted_at', limits.votes, v.ballot);
  const [h, n] = v.helpful ? [1, 0] : [0, 1];
  const updated = yield* run(
    'UPDATE feedback SET helpful = helpful + ?, not_helpful = not_helpful + ?, last_vote = ? WHERE entry_id = ?',
    h, n, v.at, v.entryId,
  );
  if (updated === 0) {
    yield* run('INSERT INTO feedback (entry_id, helpful, not_helpful, last_vote) VALUES (?, ?, ?, ?)', v.entryId, h, n, v.at);
    yield* evict('feedback', 'entry_id', 'last_vote', limits.entries, v.entryId);
  }
  return true;
}

/** A day, for the once-a-day prune and the retention cut-off. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Forgets questions, ballots, resolutions and shadow answers older than the retention period (totals stay). */
export function* prune(before: string): Plan<void> {
  yield* run('DELETE FROM asks WHERE last_seen < ?', before);
  yield* run('DELETE FROM votes WHERE voted_at < ?', before);
  yield* run('DELETE FROM shadow_answers WHERE asked_at < ?', before);
  yield* run('DELETE FROM resolutions WHERE resolved_at < ?', before);
}

/** Rows of a table a cap applies to: all of them, or those matching a condition (one server, one channel). */
export interface Scope {
  readonly where: string;
  readonly params: readonly Param[];
}
const WHOLE_TABLE: Scope = { where: '1 = 1', params: [] };

/** Deletes the rows of `scope` beyond `cap`, first in `order`, never the row just written. */
export function* evict(table: string, key: string, order: string, cap: number, keep: string, scope: Scope = WHOLE_TABLE): Plan<void> {
  const counted = yield* row<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${table} WHERE ${scope.where}`, ...scope.params);
  const n = counted?.n ?? 0;
  if (n <= cap) return;
  yield* run(
    `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${scope.where} AND ${key} <> ? ORDER BY ${order} LIMIT ?)`,
    ...scope.params, keep, n - cap,
  );
}

/** The reads, shared too. Aliases are quoted so both engines return the same keys. */
export const READS = {
  unansweredTop: `SELECT normalized, sample, ask_count AS "count", askers, first_seen AS "firstSeen", last_seen AS "lastSeen",
      best_entry_id AS "bestEntryId", confidence, kind FROM asks ORDER BY askers DESC, ask_count DESC, last_seen DESC LIMIT ?`,
  feedback: 'SELECT entry_id AS "entryId", helpful, not_helpful AS "notHelpful" FROM feedback ORDER BY not_helpful DESC, entry_id',
  servedCounts: 'SELECT entry_id AS "entryId", served_count AS "count" FROM served ORDER BY served_count DESC, entry_id',
} as const;

/** A row limit from a caller: a whole number, at least 0. */
export function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/** A resolved question as stored (resolutions.ts): made by privacy.ts's resolutionRow. */
export interface ResolutionRow {
  entryId: string;
  /** The question's key: the same digest as an unanswered question's, when it is given as text. */
  key: string | null;
  /** The key of a stored unanswered question, when the question is given by reference (a button's). */
  askKey: string | null;
  sample: string | null;
  resolver: string;
  at: string;
}

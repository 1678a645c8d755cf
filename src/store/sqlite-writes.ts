import type { Statement } from 'better-sqlite3';
import type { StoreLimits } from './limits.js';
import type { Db } from './sqlite-open.js';
import type { AskKind } from './types.js';

/**
 * The store's writes, each one transaction, with the eviction that keeps every table
 * bounded. Plain SQL shared with PostgreSQL (only the `?` placeholders differ).
 */

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection. */
export function q(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

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

export function writeAsk(db: Db, limits: StoreLimits, a: AskRow): void {
  db.transaction(() => {
    const existing = q(db, 'SELECT askers FROM asks WHERE question_key = ?').get(a.key) as { askers: number } | undefined;
    if (existing === undefined) {
      q(
        db,
        `INSERT INTO asks (question_key, normalized, sample, kind, best_entry_id, confidence, ask_count, askers, first_seen, last_seen)
         VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`,
      ).run(a.key, a.normalized, a.sample, a.kind, a.bestEntryId, a.confidence, a.at, a.at);
      // Single-asker questions seen longest ago go first: a flood of distinct questions
      // from one member cannot push out what many members asked.
      evict(db, 'asks', 'question_key', 'askers, last_seen', limits.questions, a.key);
    } else {
      q(
        db,
        `UPDATE asks SET ask_count = ask_count + 1, last_seen = ?, kind = ?, best_entry_id = ?, confidence = ?
         WHERE question_key = ?`,
      ).run(a.at, a.kind, a.bestEntryId, a.confidence, a.key);
    }
    if ((existing?.askers ?? 0) >= limits.askersPerQuestion) return;
    const added = q(db, 'INSERT INTO ask_askers (question_key, asker) VALUES (?, ?) ON CONFLICT DO NOTHING').run(a.key, a.asker);
    if (added.changes > 0) q(db, 'UPDATE asks SET askers = askers + 1 WHERE question_key = ?').run(a.key);
  }).immediate();
}

export function writeServed(db: Db, limits: StoreLimits, entryId: string, at: string): void {
  db.transaction(() => {
    const updated = q(db, 'UPDATE served SET served_count = served_count + 1, last_served = ? WHERE entry_id = ?').run(at, entryId);
    if (updated.changes > 0) return;
    q(db, 'INSERT INTO served (entry_id, served_count, last_served) VALUES (?, 1, ?)').run(entryId, at);
    evict(db, 'served', 'entry_id', 'last_served', limits.entries, entryId);
  }).immediate();
}

/** Records a ballot and its entry's totals together; false when the ballot was already cast. */
export function writeVote(db: Db, limits: StoreLimits, ballot: string, entryId: string, helpful: boolean, at: string): boolean {
  return db.transaction(() => {
    const cast = q(db, 'INSERT INTO votes (ballot, entry_id, helpful, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT (ballot) DO NOTHING')
      .run(ballot, entryId, helpful ? 1 : 0, at);
    if (cast.changes === 0) return false;
    // Only the ballot ledger is trimmed; the totals below keep every vote ever counted.
    evict(db, 'votes', 'ballot', 'voted_at', limits.votes, ballot);
    const [h, n] = helpful ? [1, 0] : [0, 1];
    const updated = q(db, 'UPDATE feedback SET helpful = helpful + ?, not_helpful = not_helpful + ?, last_vote = ? WHERE entry_id = ?')
      .run(h, n, at, entryId);
    if (updated.changes === 0) {
      q(db, 'INSERT INTO feedback (entry_id, helpful, not_helpful, last_vote) VALUES (?, ?, ?, ?)').run(entryId, h, n, at);
      evict(db, 'feedback', 'entry_id', 'last_vote', limits.entries, entryId);
    }
    return true;
  }).immediate();
}

/** Forgets questions and ballots older than the retention period (totals stay). */
export function prune(db: Db, before: string): void {
  db.transaction(() => {
    q(db, 'DELETE FROM asks WHERE last_seen < ?').run(before);
    q(db, 'DELETE FROM votes WHERE voted_at < ?').run(before);
  }).immediate();
}

/** Deletes the rows beyond `cap`, first in `order`, never the row just written. */
function evict(db: Db, table: string, key: string, order: string, cap: number, keep: string): void {
  const { n } = q(db, `SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number };
  if (n <= cap) return;
  q(
    db,
    `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${key} <> ? ORDER BY ${order} LIMIT ?)`,
  ).run(keep, n - cap);
}

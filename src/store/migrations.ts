import { randomBytes } from 'node:crypto';
import { SchemaMismatchError } from './errors.js';
import { STORE_MESSAGES as M } from './messages.js';
import { row, run, type Plan } from './plan.js';

/**
 * The schema, as numbered SQL migrations, one list for both engines. Applied in order, once
 * each, in one transaction; SQLite tracks the count in PRAGMA user_version, PostgreSQL in a
 * schema_migrations table (one row per migration, written under an advisory lock so that
 * replicas starting together migrate once). Never edit a released migration: add the next
 * one. The SQL sticks to types and syntax both engines share (TEXT, INTEGER, REAL,
 * ON CONFLICT, ON DELETE CASCADE; no AUTOINCREMENT, no SQLite-only ALTER); the test
 * test/store/migrations.test.ts checks both engines end with the same tables and columns.
 * Note PostgreSQL's REAL is single precision: fine for a confidence shown as a percentage.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'asks, votes, feedback and served counters',
    sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- One row per normalised question; question_key is a hash of it, to keep ask_askers small.
CREATE TABLE asks (
  question_key TEXT PRIMARY KEY,
  normalized TEXT NOT NULL,
  sample TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('unanswered', 'low-confidence')),
  best_entry_id TEXT,
  confidence REAL,
  ask_count INTEGER NOT NULL,
  askers INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE INDEX asks_eviction ON asks (askers, last_seen);
CREATE INDEX asks_last_seen ON asks (last_seen);
-- Keyed hashes of the members who asked, per question, to count each member once.
CREATE TABLE ask_askers (
  question_key TEXT NOT NULL REFERENCES asks (question_key) ON DELETE CASCADE,
  asker TEXT NOT NULL,
  PRIMARY KEY (question_key, asker)
);
-- One row per (answer, member): the ballot is a keyed hash of both, nothing else links them.
CREATE TABLE votes (
  ballot TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  voted_at TEXT NOT NULL
);
CREATE INDEX votes_age ON votes (voted_at);
CREATE TABLE feedback (
  entry_id TEXT PRIMARY KEY,
  helpful INTEGER NOT NULL,
  not_helpful INTEGER NOT NULL,
  last_vote TEXT NOT NULL
);
CREATE TABLE served (
  entry_id TEXT PRIMARY KEY,
  served_count INTEGER NOT NULL,
  last_served TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'auto-answer settings per channel, and shadow answers',
    sql: `
-- Per server and channel: whether the bot answers questions posted there (off, shadow, on).
CREATE TABLE auto_answer (
  guild_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('off', 'shadow', 'on')),
  min_confidence REAL,
  helper_role_id TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (guild_id, channel_id)
);
-- What the bot would have answered in a shadow channel, graded by moderators. No user ids.
CREATE TABLE shadow_answers (
  id TEXT PRIMARY KEY,
  guild_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  question TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  confidence REAL NOT NULL,
  asked_at TEXT NOT NULL,
  grade TEXT CHECK (grade IN ('right', 'wrong'))
);
CREATE INDEX shadow_answers_channel ON shadow_answers (guild_id, channel_id, asked_at);
CREATE INDEX shadow_answers_age ON shadow_answers (asked_at);
`,
  },
  {
    version: 3,
    name: 'questions members resolved to an entry, and moderators\' decisions on proposed alternates',
    sql: `
-- A question and the entry a member resolved it to (a suggestion clicked, a post marked
-- solved). resolver: a keyed hash of the member within that entry, to count members once;
-- id: a digest of the three (one row each), the one column eviction deletes by.
CREATE TABLE resolutions (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL,
  question_key TEXT NOT NULL,
  sample TEXT NOT NULL,
  resolver TEXT NOT NULL,
  resolved_at TEXT NOT NULL
);
CREATE INDEX resolutions_age ON resolutions (resolved_at);
-- A moderator's Accept or Reject of a proposed alternate, so that it is not proposed again;
-- id: a digest of the entry and the question (one decision each).
CREATE TABLE alternate_decisions (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL,
  question_key TEXT NOT NULL,
  sample TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  decided_at TEXT NOT NULL
);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Throws when a database at schema `found` is not for this version (`exact`: read-only tools, which cannot upgrade it). */
export function checkSchemaVersion(found: number, exact: boolean): void {
  if (found > SCHEMA_VERSION) throw new SchemaMismatchError(M.newerSchema(found, SCHEMA_VERSION));
  if (exact && found !== SCHEMA_VERSION) throw new SchemaMismatchError(M.olderSchema(found, SCHEMA_VERSION));
}

/**
 * The per-database hashing secret, created once (INSERT ... ON CONFLICT DO NOTHING, then
 * read back: every replica gets the first one's); writing also proves the database writable.
 */
export function* ensureSecret(now: Date): Plan<Buffer> {
  yield* run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', 'member_secret', randomBytes(32).toString('hex'));
  yield* run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', 'opened_at', now.toISOString());
  return yield* readSecret();
}

export function* readSecret(): Plan<Buffer> {
  const secret = yield* row<{ value: string }>('SELECT value FROM meta WHERE key = ?', 'member_secret');
  if (secret === undefined) throw new SchemaMismatchError(M.noSecret);
  return Buffer.from(secret.value, 'hex');
}

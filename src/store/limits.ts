/**
 * Every bound the store keeps, in one frozen place. Row caps keep the file small (a few
 * tens of MB at worst); maxBytes is the hard stop behind them should a cap be raised.
 */
export const STORE_LIMITS = Object.freeze({
  /** Characters kept of a question (and of its normalised key). */
  questionChars: 300,
  /** Characters kept of an entry id; real ids are at most 60. */
  idChars: 100,
  /** Distinct unanswered questions; beyond, single-asker and stale ones go first. */
  questions: 5000,
  /** Member hashes kept per question; "askers" stops counting there. */
  askersPerQuestion: 25,
  /** Individual votes kept for one-vote-per-member; totals per entry outlive them. */
  votes: 50_000,
  /** Entries with counters (served, feedback); far more than any FAQ has. */
  entries: 2000,
  /** Channels with auto-answer settings per server; beyond, the oldest turned off goes first. */
  autoAnswerChannels: 100,
  /** Shadow answers kept per channel; beyond, the oldest ungraded go first. */
  shadowPerChannel: 1000,
  /** Questions members resolved to an entry (one row per question, entry and member); beyond, the oldest go first. */
  resolutions: 20_000,
  /** Moderators' Accept / Reject of proposed alternates; beyond, the oldest go first. */
  decisions: 5000,
  /** Questions, individual votes, resolutions and shadow answers older than this are forgotten. */
  retentionDays: 180,
  /** Hard cap on the SQLite file (PRAGMA max_page_count); hitting it reads as a full disk. PostgreSQL: the row caps only. */
  maxBytes: 64 * 1024 * 1024,
  /** How long a write waits for a lock. better-sqlite3 blocks the event loop meanwhile. */
  busyTimeoutMs: 250,
  /** While not recording, how often opening is tried again. */
  retryMs: 30_000,
  /** PostgreSQL: connections per process (each shard or replica has its own pool). */
  pgPoolSize: 5,
  /** PostgreSQL: how long to wait for a connection, or for a free one from the pool. */
  pgConnectTimeoutMs: 5_000,
  /** PostgreSQL: a statement running longer is cancelled by the server (and the write dropped). */
  pgStatementTimeoutMs: 5_000,
  /** PostgreSQL: how long a write waits for the write lock (it does not block the event loop). */
  pgLockTimeoutMs: 2_000,
});

export type StoreLimits = { readonly [K in keyof typeof STORE_LIMITS]: number };

import { SchemaMismatchError } from './errors.js';

/**
 * Every text the store logs or shows moderators (in /faq-admin stats), in one place; and,
 * beside each database error's words, what it means for recording (one table for both
 * engines, so the words and the handling cannot drift apart).
 */

interface CodedError {
  code?: unknown;
  message?: unknown;
}

/**
 * What a failure means for recording. 'database': stop recording and try opening again
 * later (the server is unreachable, the file is full or damaged…); 'busy': passing (a lock
 * or statement timeout), the next write tries again; 'input': a bad record (or a bug in a
 * caller), only that record is lost.
 */
export type Fault = 'database' | 'busy' | 'input';

const KNOWN: readonly [RegExp, string, Fault][] = [
  [/^SQLITE_FULL/, 'the disk (or the database size cap) is full', 'database'],
  [/^SQLITE_READONLY|^EROFS$/, 'the database is read-only', 'database'],
  [/^SQLITE_(BUSY|LOCKED)/, 'the database is locked by another program', 'busy'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'the database file is damaged', 'database'],
  [/^SQLITE_CANTOPEN|^ENOTDIR$|^EACCES$|^EPERM$|^ENOENT$|^EEXIST$/, 'the database file cannot be opened or created', 'database'],
  [/^SQLITE_IOERR|^EIO$/, 'a disk error occurred', 'database'],
  [/^ENOSPC$/, 'the disk is full', 'database'],
  // PostgreSQL (SQLSTATE codes) and the network on the way to its server.
  [/^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE)$/, 'the database server cannot be reached', 'database'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, "the database server's host name cannot be resolved", 'database'],
  [/^08/, 'the connection to the database server failed', 'database'],
  [/^28/, 'the database server refused the user name or password', 'database'],
  [/^3D000$/, 'the database does not exist on the server', 'database'],
  [/^3F000$/, 'the schema named in search_path does not exist', 'database'],
  [/^57P0[123]$/, 'the database server is shutting down or starting up', 'database'],
  [/^53300$/, 'the database server has no connection slots left', 'database'],
  [/^53100$/, "the database server's disk is full", 'database'],
  [/^25006$/, 'the database is read-only', 'database'],
  [/^(55P03|57014|40001|40P01)$/, 'the database is busy (a lock or a statement took too long)', 'busy'],
  [/^42501$/, 'the database user lacks a permission (it needs to create tables in its schema)', 'database'],
];

// node-postgres says these without a code.
const CONNECTION_LOST = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|connection error/i;

function codeOf(err: unknown): string {
  const code = (typeof err === 'object' && err !== null ? (err as CodedError) : {}).code;
  return typeof code === 'string' ? code : '';
}

/** What a database error means, for a moderator, with the code for whoever debugs it. */
export function describeDbError(err: unknown): string {
  const code = codeOf(err);
  const detail = errorDetail(err);
  const meaning = KNOWN.find(([re]) => re.test(code))?.[1];
  if (meaning !== undefined) return `${meaning} (${code}: ${detail})`;
  if (CONNECTION_LOST.test(detail)) return `the database server did not answer in time or closed the connection (${detail})`;
  return detail;
}

/**
 * What a failure means for recording. `fromDriver`: the engine's own driver raised it (a
 * SqliteError, a PostgreSQL DatabaseError), so it is about the database, not the record,
 * unless PostgreSQL calls it bad data (SQLSTATE class 22).
 */
export function faultOf(err: unknown, fromDriver: boolean): Fault {
  if (err instanceof SchemaMismatchError) return 'database';
  const code = codeOf(err);
  const known = KNOWN.find(([re]) => re.test(code))?.[2];
  if (known !== undefined) return known;
  if (fromDriver) return /^22/.test(code) ? 'input' : 'database';
  // A system error (a socket, a file), node-postgres's own words, or a failed connection to several addresses.
  if (/^(SQLITE_|E[A-Z]+$)/.test(code) || CONNECTION_LOST.test(errorDetail(err)) || err instanceof AggregateError) return 'database';
  return 'input';
}

/** An error's message; a failed connection to several addresses has none of its own. */
function errorDetail(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as CodedError & { errors?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (message !== '' || !Array.isArray(e.errors)) return message;
  return e.errors.map((inner) => errorDetail(inner)).join('; ');
}

export const STORE_MESSAGES = {
  notRecording: (problem: string, retryMs: number | null) =>
    `not recording: ${problem}; answers continue, ${retryMs === null ? 'trying again at the next write' : `retrying every ${Math.round(retryMs / 1000)} s`}`,
  stillNotRecording: 'still not recording',
  notRecorded: 'one record was dropped: it could not be stored',
  resumed: 'recording resumed',
  opened: 'recording to the database',
  idleConnectionLost: 'idle database connection lost',
  movedAside: (aside: string) =>
    `the database file was damaged; it was moved aside to ${aside} and a fresh database started`,
  damaged: (detail: string) => `integrity check failed: ${detail}`,
  newerSchema: (found: number, known: number) =>
    `the database was written by a newer version of the bot (schema ${found}, this one knows ${known})`,
  olderSchema: (found: number, known: number) =>
    `the database schema is older (${found}, current ${known}); start the bot once to upgrade it`,
  noSecret: 'the database has no hashing secret; start the bot once to set it up',
  noSchema: "the database has none of the bot's tables yet; start the bot once to create them",
  closed: 'the store is closed',
} as const;

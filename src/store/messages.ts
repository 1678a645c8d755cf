/** Every text the store logs or shows moderators (in /faq-admin stats), in one place. */

interface CodedError {
  code?: unknown;
  message?: unknown;
}

/** What a database error means, for a moderator, with the code for whoever debugs it. */
export function describeDbError(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as CodedError;
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = errorDetail(err);
  const known: [RegExp, string][] = [
    [/^SQLITE_FULL/, 'the disk (or the database size cap) is full'],
    [/^SQLITE_READONLY|^EROFS$/, 'the database is read-only'],
    [/^SQLITE_(BUSY|LOCKED)/, 'the database is locked by another program'],
    [/^SQLITE_(CORRUPT|NOTADB)/, 'the database file is damaged'],
    [/^SQLITE_CANTOPEN|^ENOTDIR$|^EACCES$|^EPERM$|^ENOENT$|^EEXIST$/, 'the database file cannot be opened or created'],
    [/^SQLITE_IOERR|^EIO$/, 'a disk error occurred'],
    [/^ENOSPC$/, 'the disk is full'],
    // PostgreSQL (SQLSTATE codes) and the network on the way to its server.
    [/^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE)$/, 'the database server cannot be reached'],
    [/^(ENOTFOUND|EAI_AGAIN)$/, "the database server's host name cannot be resolved"],
    [/^08/, 'the connection to the database server failed'],
    [/^28/, 'the database server refused the user name or password'],
    [/^3D000$/, 'the database does not exist on the server'],
    [/^3F000$/, 'the schema named in search_path does not exist'],
    [/^57P0[123]$/, 'the database server is shutting down or starting up'],
    [/^53300$/, 'the database server has no connection slots left'],
    [/^53100$/, "the database server's disk is full"],
    [/^25006$/, 'the database is read-only'],
    [/^(55P03|57014|40001|40P01)$/, 'the database is busy (a lock or a statement took too long)'],
    [/^42501$/, 'the database user lacks a permission (it needs to create tables in its schema)'],
  ];
  const meaning = known.find(([re]) => re.test(code))?.[1];
  if (meaning !== undefined) return `${meaning} (${code}: ${detail})`;
  // node-postgres says these without a code.
  if (/^Connection terminated|timeout exceeded when trying to connect|Query read timeout/i.test(detail)) {
    return `the database server did not answer in time or closed the connection (${detail})`;
  }
  return detail;
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
  disabled: 'recording is turned off',
} as const;

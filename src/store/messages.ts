/** Every text the store logs or shows moderators (in /faq-admin stats), in one place. */

interface CodedError {
  code?: unknown;
  message?: unknown;
}

/** What a database error means, for a moderator, with the code for whoever debugs it. */
export function describeDbError(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as CodedError;
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = typeof e.message === 'string' ? e.message : String(err);
  const known: [RegExp, string][] = [
    [/^SQLITE_FULL/, 'the disk (or the database size cap) is full'],
    [/^SQLITE_READONLY|^EROFS$/, 'the database is read-only'],
    [/^SQLITE_(BUSY|LOCKED)/, 'the database is locked by another program'],
    [/^SQLITE_(CORRUPT|NOTADB)/, 'the database file is damaged'],
    [/^SQLITE_CANTOPEN|^ENOTDIR$|^EACCES$|^EPERM$|^ENOENT$|^EEXIST$/, 'the database file cannot be opened or created'],
    [/^SQLITE_IOERR|^EIO$/, 'a disk error occurred'],
    [/^ENOSPC$/, 'the disk is full'],
  ];
  const meaning = known.find(([re]) => re.test(code))?.[1];
  return meaning === undefined ? detail : `${meaning} (${code}: ${detail})`;
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
  closed: 'the store is closed',
  disabled: 'recording is turned off',
} as const;

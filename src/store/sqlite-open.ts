import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreLimits } from './limits.js';
import { STORE_MESSAGES as M } from './messages.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { SchemaMismatchError } from './errors.js';

export type Db = Database.Database;

/** The file is not a database, or fails its check: move it aside rather than retry. */
export class DamagedDatabaseError extends Error {
  readonly code = 'SQLITE_CORRUPT';
}

export { SchemaMismatchError };

export function isDamaged(err: unknown): boolean {
  if (err instanceof DamagedDatabaseError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** The lock stayed taken past busy_timeout: passing, unlike the other failures. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** An error from SQLite or the file system, as opposed to a bug or bad input. */
export function isDatabaseError(err: unknown): boolean {
  if (err instanceof Database.SqliteError || err instanceof DamagedDatabaseError || err instanceof SchemaMismatchError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(SQLITE_|E[A-Z]+$)/.test(code);
}

/**
 * Opens, checks and migrates the database, and proves it writable. Throws on any problem;
 * the caller decides between moving a damaged file aside and retrying later.
 */
export function openSqlite(path: string, limits: StoreLimits, readOnly: boolean, now: Date): { db: Db; secret: Buffer } {
  const inMemory = path === ':memory:';
  if (!inMemory && !readOnly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, timeout: limits.busyTimeoutMs });
  try {
    // WAL: readers (the report tools) never block the bot's writes. FULL: a commit is on
    // disk before it returns, so an acknowledged vote survives kill -9 or power loss (asks
    // and counters relax this per write, see SqliteStore.write).
    if (!readOnly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Without a cap the WAL file keeps its largest size after a checkpoint.
    db.pragma('journal_size_limit = 4194304');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabaseError(M.damaged(String(check)));
    if (readOnly) {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        throw new SchemaMismatchError(version > SCHEMA_VERSION ? M.newerSchema(version, SCHEMA_VERSION) : M.olderSchema(version, SCHEMA_VERSION));
      }
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('member_secret') as { value: string } | undefined;
      if (row === undefined) throw new SchemaMismatchError(M.noSecret);
      return { db, secret: Buffer.from(row.value, 'hex') };
    }
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(32, Math.floor(limits.maxBytes / pageSize))}`);
    migrate(db);
    return { db, secret: ensureSecret(db, now) };
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: Db): void {
  // IMMEDIATE: two processes opening at once migrate one after the other, not both.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new SchemaMismatchError(M.newerSchema(version, SCHEMA_VERSION));
    for (const m of MIGRATIONS.slice(version)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/** The per-database hashing secret, created once; writing it also proves the file writable. */
function ensureSecret(db: Db, now: Date): Buffer {
  db.transaction(() => {
    const insert = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING';
    db.prepare(insert).run('member_secret', randomBytes(32).toString('hex'));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      'opened_at',
      now.toISOString(),
    );
  }).immediate();
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('member_secret') as { value: string };
  return Buffer.from(row.value, 'hex');
}

/** Renames a damaged file (and its WAL and shared-memory files) aside; returns the new name. */
export function moveAside(path: string, now: Date): string {
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

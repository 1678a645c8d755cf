import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import type { Connection, Engine, StoreSettings } from './engine.js';
import { faultOf, STORE_MESSAGES as M } from './messages.js';
import { checkSchemaVersion, ensureSecret, MIGRATIONS, readSecret } from './migrations.js';
import type { Param, Plan } from './plan.js';

/**
 * The store on one SQLite file (DATABASE_PATH), no server. WAL, so readers (the report
 * tools) never block the bot's writes; an integrity check on open; a damaged file is moved
 * aside and a fresh one started; a size cap (max_page_count) that reads as a full disk.
 */

type Db = Database.Database;

/** The file is not a database, or fails its check: move it aside rather than retry. */
class DamagedDatabaseError extends Error {
  readonly code = 'SQLITE_CORRUPT';
}

export function sqliteEngine(path: string, s: StoreSettings): Engine {
  return {
    name: 'sqlite',
    location: path,
    connect: async () => {
      try {
        return sqliteConnection(openSqlite(path, s, s.readOnly));
      } catch (err) {
        if (!isDamaged(err) || s.readOnly) throw err;
        // A damaged file will not heal: keep it for inspection and start afresh.
        const aside = moveAside(path, s.now());
        const db = openSqlite(path, s, false);
        s.log.error({ err, aside }, M.movedAside(aside));
        return sqliteConnection(db, M.movedAside(aside));
      }
    },
    classify: (err) => faultOf(err, err instanceof Database.SqliteError),
  };
}

function isDamaged(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * Opens, checks and migrates the database, and proves it writable (by writing the secret).
 * Throws on any problem.
 */
function openSqlite(path: string, s: StoreSettings, readOnly: boolean): { db: Db; secret: Buffer } {
  if (path !== ':memory:' && !readOnly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, timeout: s.limits.busyTimeoutMs });
  try {
    if (!readOnly) db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it returns (votes); other writes relax it, see run.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Without a cap the WAL file keeps its largest size after a checkpoint.
    db.pragma('journal_size_limit = 4194304');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabaseError(M.damaged(String(check)));
    if (readOnly) {
      checkSchemaVersion(db.pragma('user_version', { simple: true }) as number, true);
      return { db, secret: drive(db, readSecret()) };
    }
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(32, Math.floor(s.limits.maxBytes / pageSize))}`);
    // IMMEDIATE: two processes opening at once migrate one after the other, not both.
    const secret = db
      .transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        checkSchemaVersion(version, false);
        for (const m of MIGRATIONS.slice(version)) {
          db.exec(m.sql);
          db.pragma(`user_version = ${m.version}`);
        }
        return drive(db, ensureSecret(s.now()));
      })
      .immediate();
    return { db, secret };
  } catch (err) {
    db.close();
    throw err;
  }
}

function sqliteConnection(opened: { db: Db; secret: Buffer }, note?: string): Connection {
  const { db, secret } = opened;
  let synchronous = 'FULL';
  return {
    secret,
    ...(note === undefined ? {} : { note }),
    /**
     * One IMMEDIATE transaction: the write lock is taken first, so two processes sharing the
     * file (shards, replicas) write one after the other. Not durable (NORMAL) skips the
     * sync: with WAL a commit still survives kill -9 (the OS has it); only a power cut
     * could lose the last asks.
     */
    run: async (plan, durable) => {
      const wanted = durable ? 'FULL' : 'NORMAL';
      if (synchronous !== wanted) db.pragma(`synchronous = ${(synchronous = wanted)}`);
      return db.transaction(() => drive(db, plan)).immediate();
    },
    all: async <T>(sql: string, ...params: Param[]) => prepared(db, sql).all(...params) as T[],
    close: async () => {
      try {
        db.close();
      } catch {
        // Closing a connection whose file went bad can fail too; it is dropped either way.
      }
    },
  };
}

/** Runs a plan's steps on the connection (inside whatever transaction the caller holds). */
function drive<R>(db: Db, plan: Plan<R>): R {
  let step = plan.next();
  while (!step.done) {
    const { sql, params, want } = step.value;
    const statement = prepared(db, sql);
    step = plan.next(want === 'row' ? statement.get(...params) : statement.run(...params).changes);
  }
  return step.value;
}

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection. */
function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Renames a damaged file (and its WAL and shared-memory files) aside; returns the new name. */
function moveAside(path: string, now: Date): string {
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

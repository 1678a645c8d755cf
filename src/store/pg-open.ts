import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SchemaMismatchError } from './errors.js';
import type { StoreLimits } from './limits.js';
import { STORE_MESSAGES as M } from './messages.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { toPg, type Param, type Plan } from './plan.js';

export type Pool = pg.Pool;
type Client = pg.PoolClient;

/** A small pool per process; every bound on waiting is set, so a sick server cannot hang a write. */
export function createPool(url: string, limits: StoreLimits): Pool {
  return new pg.Pool({
    connectionString: url,
    max: limits.pgPoolSize,
    connectionTimeoutMillis: limits.pgConnectTimeoutMs,
    idleTimeoutMillis: 30_000,
    // Sent to the server when connecting (a URL parameter of the same name wins).
    statement_timeout: limits.pgStatementTimeoutMs,
    lock_timeout: limits.pgLockTimeoutMs,
    idle_in_transaction_session_timeout: limits.pgStatementTimeoutMs * 2,
    // A server that stops answering mid-query (a dropped network): the client gives up too.
    query_timeout: limits.pgStatementTimeoutMs + limits.pgConnectTimeoutMs,
    application_name: 'faq-assistant',
    keepAlive: true,
  });
}

/**
 * Transaction-scoped advisory locks, one per purpose and schema: 'migrate' lets one replica
 * migrate while the others wait; 'write' makes writers take turns as SQLite's IMMEDIATE
 * transactions do, so the eviction and counting in writes.ts see the same world on both
 * engines. (The one-vote rule does not rest on it: that is the votes PRIMARY KEY.)
 */
function lockSql(purpose: 'migrate' | 'write'): string {
  return `SELECT pg_advisory_xact_lock(hashtext('faq-assistant:${purpose}'), hashtext(COALESCE(current_schema(), '')))`;
}

const BEGIN_WRITE = `BEGIN; ${lockSql('write')}`;
// Asks and counters need not wait for the WAL flush (as SQLite's synchronous=NORMAL); votes
// keep the server's setting, durable by default, so an acknowledged vote is on disk.
const BEGIN_WRITE_ASYNC = `BEGIN; SET LOCAL synchronous_commit = off; ${lockSql('write')}`;

/**
 * Migrates under the advisory lock and returns the hashing secret, created once (INSERT ...
 * ON CONFLICT DO NOTHING, then read back: every replica gets the first one's). Read-only:
 * only checks the schema is this version's. Throws on any problem.
 */
export async function preparePg(pool: Pool, readOnly: boolean, now: Date): Promise<Buffer> {
  return withClient(pool, (client) => (readOnly ? checkSchema(client) : migrate(client, now)));
}

/**
 * Runs `use` on a connection of its own. On failure the transaction is rolled back, or the
 * connection dropped when it cannot be trusted any more.
 */
async function withClient<R>(pool: Pool, use: (client: Client) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  // A connection lost while checked out is also emitted as an event, which would crash the
  // process unheard; the query in flight fails with the same error and reports it.
  const ignore = () => {};
  client.on('error', ignore);
  let healthy = false;
  try {
    const result = await use(client);
    healthy = true;
    return result;
  } catch (err) {
    healthy = await rollback(client, err);
    throw err;
  } finally {
    client.removeListener('error', ignore);
    client.release(!healthy);
  }
}

async function checkSchema(client: Client): Promise<Buffer> {
  await client.query('BEGIN READ ONLY');
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (rows[0]?.present !== true) throw new SchemaMismatchError(M.noSchema);
  const version = await schemaVersion(client);
  if (version !== SCHEMA_VERSION) {
    throw new SchemaMismatchError(version > SCHEMA_VERSION ? M.newerSchema(version, SCHEMA_VERSION) : M.olderSchema(version, SCHEMA_VERSION));
  }
  const secret = await readSecret(client);
  await client.query('COMMIT');
  return secret;
}

async function migrate(client: Client, now: Date): Promise<Buffer> {
  await client.query(`BEGIN; ${lockSql('migrate')}`);
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const version = await schemaVersion(client);
  if (version > SCHEMA_VERSION) throw new SchemaMismatchError(M.newerSchema(version, SCHEMA_VERSION));
  for (const m of MIGRATIONS.slice(version)) {
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now.toISOString()]);
  }
  await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', ['member_secret', randomBytes(32).toString('hex')]);
  await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', ['opened_at', now.toISOString()]);
  const secret = await readSecret(client);
  await client.query('COMMIT');
  return secret;
}

async function schemaVersion(client: Client): Promise<number> {
  const { rows } = await client.query<{ version: number }>('SELECT CAST(COALESCE(MAX(version), 0) AS INTEGER) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

async function readSecret(client: Client): Promise<Buffer> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', ['member_secret']);
  if (rows[0] === undefined) throw new SchemaMismatchError(M.noSecret);
  return Buffer.from(rows[0].value, 'hex');
}

/** Named statements: each is parsed once per connection. */
const names = new Map<string, string>();
function statement(sql: string, values: readonly Param[]): pg.QueryConfig<Param[]> {
  let name = names.get(sql);
  if (name === undefined) names.set(sql, (name = `faq_${names.size + 1}`));
  return { name, text: toPg(sql), values: [...values] };
}

/**
 * Runs a plan (writes.ts) in one transaction on one connection, after the write lock.
 * `durable`: the commit is flushed before this resolves (votes).
 */
export async function runPlan<R>(pool: Pool, plan: Plan<R>, durable: boolean): Promise<R> {
  return withClient(pool, async (client) => {
    await client.query(durable ? BEGIN_WRITE : BEGIN_WRITE_ASYNC);
    let step = plan.next();
    while (!step.done) {
      const { sql, params, want } = step.value;
      const result = await client.query(statement(sql, params));
      step = plan.next(want === 'row' ? result.rows[0] : (result.rowCount ?? 0));
    }
    await client.query('COMMIT');
    return step.value;
  });
}

export async function readAll<T>(pool: Pool, sql: string, ...params: Param[]): Promise<T[]> {
  const { rows } = await pool.query(statement(sql, params));
  return rows as T[];
}

/**
 * Ends a failed transaction. True when the connection is fit to go back to the pool: the
 * server itself reported the error (anything else, a timeout or a broken socket, may leave
 * it mid-query) and the rollback went through.
 */
async function rollback(client: Client, err: unknown): Promise<boolean> {
  if (!(err instanceof pg.DatabaseError) && !(err instanceof SchemaMismatchError)) return false;
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

export type PgFault = 'unreachable' | 'busy' | 'input' | 'database';

/**
 * What a failure means for recording. 'unreachable' and 'database': stop recording and try
 * again later; 'busy': passing (a lock or statement timeout), the next write tries again;
 * 'input': a bad record (or a bug in a caller), only that record is lost.
 */
export function classifyPgError(err: unknown): PgFault {
  if (err instanceof SchemaMismatchError) return 'database';
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (err instanceof pg.DatabaseError) {
    if (/^(08|28|57P0[123]$|53300$|3D000$)/.test(code)) return 'unreachable';
    if (/^(55P03|57014|40001|40P01)$/.test(code)) return 'busy';
    if (/^22/.test(code)) return 'input';
    return 'database';
  }
  // A system error on the socket (ECONNREFUSED, ETIMEDOUT…), or node-postgres's own words.
  if (/^E[A-Z]+$/.test(code)) return 'unreachable';
  const message = typeof e.message === 'string' ? e.message : '';
  if (/Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|connection error/i.test(message)) {
    return 'unreachable';
  }
  if (err instanceof AggregateError) return 'unreachable';
  return 'input';
}

/** The server and database, without the password or parameters, for status and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username === '' ? '' : `${u.username}@`;
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(an address that cannot be parsed)';
  }
}

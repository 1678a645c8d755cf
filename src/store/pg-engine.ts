import pg from 'pg';
import type { Connection, Engine, StoreSettings } from './engine.js';
import { SchemaMismatchError } from './errors.js';
import { faultOf, STORE_MESSAGES as M } from './messages.js';
import { checkSchemaVersion, ensureSecret, MIGRATIONS, readSecret } from './migrations.js';
import { toPg, type Param, type Plan } from './plan.js';

/**
 * The store on PostgreSQL (DATABASE_URL), for shards and replicas that share one database.
 * What differs from SQLite:
 * - Durable: a vote's transaction commits with the server's synchronous_commit (on, unless
 *   an operator turned it off), so an acknowledged vote is on the server's disk; asks and
 *   counters commit without waiting for that flush.
 * - Shared: one vote per member per answer is the PRIMARY KEY on votes.ballot; every
 *   replica reads the hashing secret the first one created; writers take turns on an
 *   advisory lock, as SQLite writers do on the file's lock.
 * - Every wait is bounded (limits.pg*), so a sick server cannot hang an answer for long.
 * - Bounded by the row caps; there is no byte cap on the server.
 */

type Pool = pg.Pool;
type Client = pg.PoolClient;

export function pgEngine(url: string, s: StoreSettings): Engine {
  return {
    name: 'postgres',
    location: describeUrl(url),
    connect: async () => {
      const pool = createPool(url, s);
      try {
        const secret = await withClient(pool, (client) => (s.readOnly ? checkSchema(client) : migrate(client, s.now())));
        return pgConnection(pool, secret);
      } catch (err) {
        await endQuietly(pool);
        throw err;
      }
    },
    classify: (err) => faultOf(err, err instanceof pg.DatabaseError),
  };
}

/** A small pool per process; every bound on waiting is set, so a sick server cannot hang a write. */
function createPool(url: string, { limits, log }: StoreSettings): Pool {
  const pool = new pg.Pool({
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
  // An idle connection the server dropped: the next query on the pool finds out and reports.
  pool.on('error', (err) => log.debug({ err }, M.idleConnectionLost));
  return pool;
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

function pgConnection(pool: Pool, secret: Buffer): Connection {
  return {
    secret,
    run: (plan, durable) =>
      withClient(pool, async (client) => {
        await client.query(durable ? BEGIN_WRITE : BEGIN_WRITE_ASYNC);
        const result = await drive(client, plan);
        await client.query('COMMIT');
        return result;
      }),
    all: async <T>(sql: string, ...params: Param[]) => (await pool.query(statement(sql, params))).rows as T[],
    close: () => endQuietly(pool),
  };
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

/** Read-only (the report tools): only checks the schema is this version's. */
async function checkSchema(client: Client): Promise<Buffer> {
  await client.query('BEGIN READ ONLY');
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (rows[0]?.present !== true) throw new SchemaMismatchError(M.noSchema);
  checkSchemaVersion(await schemaVersion(client), true);
  const secret = await drive(client, readSecret());
  await client.query('COMMIT');
  return secret;
}

/** Migrates under the advisory lock, so that replicas starting together migrate once. */
async function migrate(client: Client, now: Date): Promise<Buffer> {
  await client.query(`BEGIN; ${lockSql('migrate')}`);
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const version = await schemaVersion(client);
  checkSchemaVersion(version, false);
  for (const m of MIGRATIONS.slice(version)) {
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now.toISOString()]);
  }
  const secret = await drive(client, ensureSecret(now));
  await client.query('COMMIT');
  return secret;
}

async function schemaVersion(client: Client): Promise<number> {
  const { rows } = await client.query<{ version: number }>('SELECT CAST(COALESCE(MAX(version), 0) AS INTEGER) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/** Runs a plan's steps on the connection, inside the caller's transaction. */
async function drive<R>(client: Client, plan: Plan<R>): Promise<R> {
  let step = plan.next();
  while (!step.done) {
    const { sql, params, want } = step.value;
    const result = await client.query(statement(sql, params));
    step = plan.next(want === 'row' ? result.rows[0] : (result.rowCount ?? 0));
  }
  return step.value;
}

/** Named statements: each is parsed once per connection. */
const names = new Map<string, string>();
function statement(sql: string, values: readonly Param[]): pg.QueryConfig<Param[]> {
  let name = names.get(sql);
  if (name === undefined) names.set(sql, (name = `faq_${names.size + 1}`));
  return { name, text: toPg(sql), values: [...values] };
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

async function endQuietly(pool: Pool): Promise<void> {
  try {
    await pool.end();
  } catch {
    // Already ended, or its connections were already gone: nothing is left to release.
  }
}

import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeDbError, faultOf } from '../../src/store/messages.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { describeUrl } from '../../src/store/pg-engine.js';
import { toPg } from '../../src/store/plan.js';
import type { Store } from '../../src/store/types.js';
import { freshWorkspace, PG_URL, pgEngine, schemaUrl, warnIfNoPostgres, type Workspace } from './fixtures/engines.js';
import { ask } from './fixtures/helpers.js';
import { tcpProxy, type TcpProxy } from './fixtures/tcp-proxy.js';
import { TINY_FAQ } from './fixtures/tiny-faq.js';

warnIfNoPostgres();

const vote = (answerId: string, voterId = 'm') => ({ entryId: 'e', answerId, voterId, helpful: true });
// Waiting for the retry timer: polled, with a generous ceiling, never a timing assertion.
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('postgres store: the parts that need no server', () => {
  it('given SQL with ? placeholders, then PostgreSQL gets $1, $2…', () => {
    expect(toPg('INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING')).toBe('INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING');
    expect(toPg('SELECT 1')).toBe('SELECT 1');
  });

  it('given a URL with a password and parameters, then status shows neither', () => {
    expect(describeUrl('postgres://bot:s3cret@db.internal:5432/faq?sslmode=require&password=x')).toBe('postgres://bot@db.internal:5432/faq');
    expect(describeUrl('not a url')).not.toContain('not a url');
  });

  it('given the errors a server or the network gives, then each is classed and reads as a problem a moderator understands', () => {
    const coded = (code: string, message = 'detail') => Object.assign(new Error(message), { code });
    // 'database': stop recording and reconnect later; 'busy': the next write tries again; 'input': that record only.
    expect(faultOf(coded('ECONNREFUSED'), false)).toBe('database');
    expect(faultOf(new Error('Connection terminated unexpectedly'), false)).toBe('database');
    expect(faultOf(new Error('timeout exceeded when trying to connect'), false)).toBe('database');
    expect(faultOf(coded('55P03'), true)).toBe('busy');
    expect(faultOf(coded('22P02'), true)).toBe('input');
    expect(faultOf(coded('42P01'), true)).toBe('database');
    expect(faultOf(new TypeError('v.answerId.slice is not a function'), false)).toBe('input');
    expect(describeDbError(coded('ECONNREFUSED'))).toMatch(/^the database server cannot be reached/);
    expect(describeDbError(coded('28P01'))).toMatch(/refused the user name or password/);
    expect(describeDbError(coded('3D000'))).toMatch(/does not exist/);
    expect(describeDbError(coded('57P01'))).toMatch(/shutting down/);
    expect(describeDbError(coded('53100'))).toMatch(/full/);
    expect(describeDbError(coded('55P03'))).toMatch(/busy/);
    expect(describeDbError(new Error('Connection terminated unexpectedly'))).toMatch(/did not answer in time or closed the connection/);
    // Node's connection to several addresses fails with an AggregateError and no message of its own.
    const both = Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')], ''), { code: 'ECONNREFUSED' });
    expect(describeDbError(both)).toBe('the database server cannot be reached (ECONNREFUSED: connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432)');
  });
});

describe.skipIf(pgEngine === undefined)('postgres store: one database for every replica', () => {
  const ws = freshWorkspace(pgEngine!);

  it('given replicas starting together on an empty database, then it is migrated once and they share one hashing secret', async () => {
    const replicas = await Promise.all([ws().open(), ws().open(), ws().open()]);
    for (const r of replicas) expect(r.status()).toMatchObject({ recording: true, engine: 'postgres' });
    expect(await ws().rowCount('schema_migrations')).toBe(SCHEMA_VERSION);
    expect(await ws().rows("SELECT key FROM meta WHERE key = 'member_secret'")).toHaveLength(1);
    // Same secret: the ballot one replica wrote is the ballot the others compute.
    expect(await replicas[0]!.recordVote(vote('a1'))).toBe('recorded');
    expect(await replicas[1]!.recordVote(vote('a1'))).toBe('duplicate');
    expect(await replicas[2]!.recordVote(vote('a1'))).toBe('duplicate');
  });

  it('given one member voting on one answer through two replicas at once, then exactly one vote is recorded', async () => {
    const [a, b] = [await ws().open(), await ws().open()];
    const attempts = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).recordVote(vote('answer-1', 'the-member')));
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(19);
    expect(await a.feedback()).toEqual([{ entryId: 'e', helpful: 1, notHelpful: 0 }]);
  });

  it('given votes from different members through both replicas, then each is counted once and both replicas read the same totals', async () => {
    const [a, b] = [await ws().open(), await ws().open()];
    const members = Array.from({ length: 30 }, (_, i) => `member-${i}`);
    const outcomes = await Promise.all(members.flatMap((m, i) => [(i % 2 ? a : b).recordVote(vote('answer-1', m)), (i % 2 ? b : a).recordVote(vote('answer-1', m))]));
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(30);
    await a.recordAsk(ask('who went to pakistan', 'x'));
    await b.recordAsk(ask('who went to pakistan', 'y'));
    await b.recordServed('e');
    for (const r of [a, b]) {
      expect(await r.feedback()).toEqual([{ entryId: 'e', helpful: 30, notHelpful: 0 }]);
      expect(await r.unansweredTop(5)).toMatchObject([{ normalized: 'who went to pakistan', count: 2, askers: 2 }]);
      expect(await r.servedCounts()).toEqual([{ entryId: 'e', count: 1 }]);
    }
  });

  it('given a second row for a cast ballot written by another program, then the database itself refuses it', async () => {
    const store = await ws().open();
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
    await expect(ws().exec('INSERT INTO votes (ballot, entry_id, helpful, voted_at) SELECT ballot, entry_id, helpful, voted_at FROM votes')).rejects.toMatchObject({
      code: '23505',
    });
  });

  it('given another writer holds the write lock too long, then writes give up, status says so, and the next write records again', async () => {
    const store = await ws().open({ limits: { pgLockTimeoutMs: 50 } });
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
    await ws().exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('faq-assistant:write'), hashtext(current_schema()))");
    expect(await store.recordVote(vote('a2'))).toBe('unavailable');
    expect(store.status()).toMatchObject({ recording: false });
    expect(store.status().problem).toMatch(/busy/);
    await ws().exec('COMMIT');
    expect(await store.recordVote(vote('a2'))).toBe('recorded');
    expect(store.status()).toMatchObject({ recording: true });
    expect(store.status().problem).toBeUndefined();
  });

  it('given a database from a newer version, then it is left untouched and not recording, with the reason', async () => {
    await ws().exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    await ws().exec("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')");
    const store = await ws().open();
    expect(store.status()).toMatchObject({ recording: false });
    expect(store.status().problem).toMatch(/newer version/);
    expect(await store.recordVote(vote('a1'))).toBe('unavailable');
    expect(await ws().rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'votes'")).toEqual([]);
  });

  it('given a read-only store (the report tools) on a database the bot never set up, then it says to start the bot once and creates nothing', async () => {
    const reader = await ws().open({ readOnly: true });
    expect(reader.status()).toMatchObject({ recording: false });
    expect(reader.status().problem).toMatch(/start the bot once/);
    expect(await ws().rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")).toEqual([]);
  });
});

describe.skipIf(pgEngine === undefined)('postgres store: the server goes away and comes back', () => {
  let ws: Workspace;
  let proxy: TcpProxy;
  let lines: { level: number; msg: string }[];
  beforeEach(async () => {
    ws = await pgEngine!.workspace();
    const target = new URL(PG_URL!);
    proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
    lines = [];
  });
  afterEach(async () => {
    await proxy.stop();
    await ws.cleanup();
  });

  /** The workspace's schema, reached through the proxy. */
  function openViaProxy(): Promise<Store> {
    const url = new URL(ws.url!);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    return ws.open({ url: url.toString(), logger, limits: { retryMs: 50, pgConnectTimeoutMs: 2000 } });
  }

  it('given nothing listening at the address, then it is not recording, answers are unaffected, and it starts recording once the server is reachable', async () => {
    const store = await openViaProxy();
    expect(store.status()).toMatchObject({ recording: false, engine: 'postgres' });
    expect(store.status().problem).toMatch(/^the database server cannot be reached/);
    const started = Date.now();
    await expect(store.recordAsk(ask('still answered?'))).resolves.toBeUndefined();
    expect(await store.recordVote(vote('a1'))).toBe('unavailable');
    await store.recordServed('e');
    expect(await store.unansweredTop(5)).toEqual([]);
    // Not recording costs the answer nothing: no connection is even tried until the retry
    // (a bound far above the few milliseconds this takes, far below a connection timeout).
    expect(Date.now() - started).toBeLessThan(1500);
    await eventually(() => expect(lines.filter((l) => l.msg === 'still not recording').length).toBeGreaterThan(1));

    await proxy.start();
    await eventually(() => expect(store.status().recording).toBe(true));
    expect(store.status().problem).toBeUndefined();
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
    expect(lines.filter((l) => l.level >= 50)).toHaveLength(1);
    expect(lines.some((l) => l.msg === 'recording resumed')).toBe(true);
  });

  it('given the server stops mid-run, then writes are dropped without throwing, status says why, and recording resumes when it is back', async () => {
    await proxy.start();
    const store = await openViaProxy();
    expect(store.status().recording).toBe(true);
    expect(await store.recordVote(vote('a1'))).toBe('recorded');

    await proxy.stop();
    expect(await store.recordVote(vote('a2'))).toBe('unavailable');
    expect(store.status()).toMatchObject({ recording: false });
    expect(store.status().problem).toMatch(/database server/);
    await expect(store.recordAsk(ask('answered while the server is down'))).resolves.toBeUndefined();
    expect(await store.feedback()).toEqual([]);

    await proxy.start();
    await eventually(() => expect(store.status().recording).toBe(true));
    expect(await store.recordVote(vote('a2'))).toBe('recorded');
    expect(await store.recordVote(vote('a1'))).toBe('duplicate');
    expect(await store.feedback()).toEqual([{ entryId: 'e', helpful: 2, notHelpful: 0 }]);
  });
});

describe.skipIf(pgEngine === undefined)('postgres store: faq:report reads the shared database', () => {
  const ws = freshWorkspace(pgEngine!);

  const run = promisify(execFile);
  const report = (url: string) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/faq-report.ts'], {
      env: { ...process.env, DATABASE_URL: url, DATABASE_PATH: join(ws().dir, 'not-used.sqlite'), FAQ_DIR: ws().dir, LOG_LEVEL: 'silent' },
    });

  it('given questions recorded by two replicas, then the report lists them from PostgreSQL and writes nothing', async () => {
    await writeFile(join(ws().dir, 'talks.yaml'), TINY_FAQ);
    const [a, b] = [await ws().open(), await ws().open()];
    await a.recordAsk(ask('how do I bake sourdough bread', 'm1'));
    await b.recordAsk(ask('how do I bake sourdough bread', 'm2'));
    const before = await ws().rows('SELECT * FROM asks');
    const { stdout } = await report(ws().url!);
    expect(stdout).toContain('1. "how do I bake sourdough bread": 2 asks by 2 members');
    expect(await ws().rows('SELECT * FROM asks')).toEqual(before);
  });

  it('given a database the bot never set up, then the report says to start the bot once', async () => {
    await writeFile(join(ws().dir, 'talks.yaml'), TINY_FAQ);
    await expect(report(schemaUrl(PG_URL!, 'no_such_schema_yet'))).rejects.toMatchObject({ stderr: expect.stringMatching(/start the bot once/) });
  });
});

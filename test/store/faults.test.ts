import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeDbError } from '../../src/store/messages.js';
import { engines, freshWorkspace } from './fixtures/engines.js';
import { ask, tempWorkspace } from './fixtures/helpers.js';

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(async () => {
  await ws.cleanup();
});

const vote = (answerId: string) => ({ entryId: 'e', answerId, voterId: 'm', helpful: true });
// Waiting for the retry timer: polled, with a generous ceiling, never a timing assertion.
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('sqlite store: faults never stop answers, and recording resumes', () => {
  it('given a path that cannot be created, then it is not recording, logs why once, and resumes once the path is fixed', async () => {
    const blocker = join(ws.dir, 'not-a-folder');
    await writeFile(blocker, 'a regular file where a folder should be');
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const store = await ws.open({ path: join(blocker, 'faq.sqlite'), logger, limits: { retryMs: 20 } });
    expect(store.status()).toMatchObject({ recording: false, engine: 'sqlite' });
    expect(store.status().problem).toMatch(/cannot be opened or created/);
    expect(await store.recordVote(vote('a1'))).toBe('unavailable');
    await expect(store.recordAsk(ask('still answered?'))).resolves.toBeUndefined();
    expect(await store.unansweredTop(5)).toEqual([]);
    await eventually(() => expect(lines.filter((l) => l.msg === 'still not recording').length).toBeGreaterThan(1));

    await rm(blocker);
    await eventually(() => expect(store.status().recording).toBe(true));
    expect(store.status().problem).toBeUndefined();
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/^not recording: the database file cannot be opened or created .*; answers continue, retrying every/);
    expect(lines.some((l) => l.msg === 'recording resumed')).toBe(true);
  });

  it('given another program holds the write lock, then writes give up, status says so, and the next write after the lock is released records again', async () => {
    const store = await ws.open({ limits: { retryMs: 20, busyTimeoutMs: 10 } });
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
    const other = new Database(join(ws.dir, 'faq.sqlite'));
    other.exec('BEGIN EXCLUSIVE');
    expect(await store.recordVote(vote('a2'))).toBe('unavailable');
    expect(store.status()).toMatchObject({ recording: false });
    expect(store.status().problem).toMatch(/locked/);
    other.exec('COMMIT');
    other.close();
    // The connection was fine all along: the next write records again, no waiting.
    expect(await store.recordVote(vote('a2'))).toBe('recorded');
    expect(store.status()).toMatchObject({ recording: true });
    expect(store.status().problem).toBeUndefined();
    expect(await store.recordVote(vote('a1'))).toBe('duplicate');
  });

  it('given the database is full, then recording stops, says so, and resumes once space is freed', async () => {
    const store = await ws.open({ limits: { retryMs: 20, maxBytes: 160 * 1024 } });
    let i = 0;
    while (store.status().recording && i < 5000) await store.recordAsk(ask(`question ${i++} ${'padding words '.repeat(20)}`, `m${i}`));
    expect(store.status().recording).toBe(false);
    expect(store.status().problem).toMatch(/full/);
    expect(await store.recordVote(vote('a1'))).toBe('unavailable');

    const other = new Database(join(ws.dir, 'faq.sqlite'));
    other.exec('DELETE FROM ask_askers; DELETE FROM asks;');
    other.close();
    await eventually(() => expect(store.status().recording).toBe(true));
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
  });

  it('given a file of garbage bytes, then it is moved aside, a fresh database starts, and status says so', async () => {
    const path = join(ws.dir, 'faq.sqlite');
    const garbage = Buffer.alloc(64 * 1024, 0xab);
    await writeFile(path, garbage);
    const store = await ws.open();
    expect(store.status().recording).toBe(true);
    expect(store.status().problem).toMatch(/damaged.*moved aside to .*faq\.sqlite\.corrupt-/);
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
    const aside = (await readdir(ws.dir)).filter((f) => f.startsWith('faq.sqlite.corrupt-'));
    expect(aside).toHaveLength(1);
    expect((await readFile(join(ws.dir, aside[0]!))).equals(garbage)).toBe(true);
  });

  it('given a database whose pages were overwritten, then the check on open catches it and it is moved aside', async () => {
    const path = join(ws.dir, 'faq.sqlite');
    const first = await ws.open();
    for (let i = 0; i < 200; i++) await first.recordAsk(ask(`question number ${i}`, `m${i}`));
    await first.close();
    const bytes = await readFile(path);
    bytes.fill(0xab, 4096);
    await writeFile(path, bytes);
    const store = await ws.open();
    expect(store.status()).toMatchObject({ recording: true });
    expect(store.status().problem).toMatch(/moved aside/);
    expect(await store.unansweredTop(5)).toEqual([]);
  });

  it('given a database from a newer version, then it is left untouched and not recording, with the reason', async () => {
    const path = join(ws.dir, 'faq.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const store = await ws.open();
    expect(store.status()).toMatchObject({ recording: false });
    expect(store.status().problem).toMatch(/newer version/);
    expect(existsSync(path)).toBe(true);
    expect((await readdir(ws.dir)).some((f) => f.includes('corrupt'))).toBe(false);
  });

  it('given the codes SQLite and the OS report, then each reads as a problem a moderator understands', () => {
    const err = (code: string) => Object.assign(new Error('detail'), { code });
    expect(describeDbError(err('SQLITE_FULL'))).toMatch(/^the disk \(or the database size cap\) is full/);
    expect(describeDbError(err('SQLITE_READONLY_DBMOVED'))).toMatch(/^the database is read-only/);
    expect(describeDbError(err('SQLITE_BUSY_SNAPSHOT'))).toMatch(/locked/);
    expect(describeDbError(err('ENOSPC'))).toMatch(/disk is full/);
    expect(describeDbError(new Error('something else'))).toBe('something else');
  });
});

describe.each(engines)('$name store: bad input from a caller', (engine) => {
  const own = freshWorkspace(engine);

  it('given a malformed record, then that record is dropped and recording goes on', async () => {
    const store = await own().open();
    await store.recordAsk({ ...ask('x'), question: undefined as unknown as string });
    expect(await store.recordVote({ ...vote('a1'), answerId: 42 as unknown as string })).toBe('unavailable');
    expect(store.status().recording).toBe(true);
    expect(await store.unansweredTop(Number.NaN)).toEqual([]);
    expect(await store.recordVote(vote('a1'))).toBe('recorded');
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { engines, freshWorkspace, warnIfNoPostgres } from './fixtures/engines.js';
import { ask, steppingClock } from './fixtures/helpers.js';

warnIfNoPostgres();

describe.each(engines)('$name store: keeping what it records', (engine) => {
  const ws = freshWorkspace(engine);

  it.runIf(engine.name === 'sqlite')('given a missing folder, then it creates it and the database, migrated and recording', async () => {
    const path = join(ws().dir, 'deep', 'er', 'faq.sqlite');
    const store = await ws().open({ path });
    expect(store.status()).toMatchObject({ recording: true, engine: 'sqlite', location: path });
    expect(store.status().problem).toBeUndefined();
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it.runIf(engine.name === 'postgres')('given an empty schema, then it creates the tables, migrated and recording, and never shows the password', async () => {
    const store = await ws().open();
    expect(store.status()).toMatchObject({ recording: true, engine: 'postgres' });
    expect(store.status().problem).toBeUndefined();
    const password = new URL(ws().url!).password;
    if (password !== '') expect(store.status().location).not.toContain(password);
    expect(await ws().rowCount('schema_migrations')).toBe(SCHEMA_VERSION);
  });

  it('given votes, asks and served counts, when the store is closed and reopened, then all are still there', async () => {
    const first = await ws().open();
    expect(await first.recordVote({ entryId: 'us-envoy', answerId: 'a1', voterId: 'm1', helpful: false })).toBe('recorded');
    expect(await first.recordVote({ entryId: 'us-envoy', answerId: 'a1', voterId: 'm2', helpful: true })).toBe('recorded');
    await first.recordAsk({ question: 'Who baked the bread?', askerId: 'm1', bestEntryId: 'us-envoy', confidence: 0.3, kind: 'low-confidence' });
    await first.recordServed('us-envoy');
    await first.recordServed('us-envoy');
    await first.close();

    const again = await ws().open();
    expect(await again.feedback()).toEqual([{ entryId: 'us-envoy', helpful: 1, notHelpful: 1 }]);
    expect(await again.servedCounts()).toEqual([{ entryId: 'us-envoy', count: 2 }]);
    const [row] = await again.unansweredTop(10);
    expect(row).toMatchObject({ normalized: 'who baked the bread', sample: 'Who baked the bread?', count: 1, askers: 1, bestEntryId: 'us-envoy', confidence: 0.3, kind: 'low-confidence' });
    expect(await again.recordVote({ entryId: 'us-envoy', answerId: 'a1', voterId: 'm1', helpful: true })).toBe('duplicate');
  });

  it('given a member voted on an answer, when they vote again, then it is a duplicate and counted once', async () => {
    const store = await ws().open();
    const vote = { entryId: 'e', answerId: 'answer-1', voterId: 'm1', helpful: false };
    expect(await store.recordVote(vote)).toBe('recorded');
    expect(await store.recordVote({ ...vote, helpful: true })).toBe('duplicate');
    expect(await store.recordVote({ ...vote, answerId: 'answer-2' })).toBe('recorded');
    expect(await store.recordVote({ ...vote, voterId: 'm2' })).toBe('recorded');
    expect(await store.feedback()).toEqual([{ entryId: 'e', helpful: 0, notHelpful: 3 }]);
  });

  it('given two processes sharing the database (shards, replicas), then a member still votes once per answer', async () => {
    const [a, b] = [await ws().open(), await ws().open()];
    const vote = { entryId: 'e', answerId: 'answer-1', voterId: 'm1', helpful: true };
    const outcomes = await Promise.all([a.recordVote(vote), b.recordVote(vote), a.recordVote(vote), b.recordVote({ ...vote, voterId: 'm2' })]);
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'recorded', 'recorded']);
    expect(await b.feedback()).toEqual([{ entryId: 'e', helpful: 2, notHelpful: 0 }]);
  });

  it('given rewordings that normalise alike, then they share one row with first and last seen', async () => {
    const store = await ws().open();
    await store.recordAsk(ask('Who went to Pakistan?', 'm1'));
    await store.recordAsk(ask('who   WENT to pakistan!!', 'm2'));
    const rows = await store.unansweredTop(10);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, askers: 2, sample: 'Who went to Pakistan?' });
    expect(rows[0]!.firstSeen < rows[0]!.lastSeen).toBe(true);
  });

  it('given member ids and mentions, then no raw Discord id is written to the database', async () => {
    const store = await ws().open();
    const id = '123456789012345678';
    await store.recordAsk({ ...ask(`hey <@${id}> and <@&876543210987654321> who went?`, id), kind: 'unanswered' });
    await store.recordVote({ entryId: 'e', answerId: '998877665544332211', voterId: id, helpful: true });
    await store.close();
    expect(await ws().holds('who went')).toBe(true);
    for (const raw of [id, '876543210987654321', '998877665544332211']) expect(await ws().holds(raw), raw).toBe(false);
  });

  it('given questions and ballots older than the retention period, when the store writes again, then they are forgotten but totals stay', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const old = await ws().open({ now: steppingClock(start) });
    await old.recordAsk(ask('an old question'));
    await old.recordVote({ entryId: 'e', answerId: 'a', voterId: 'm', helpful: true });
    await old.close();
    const later = await ws().open({ now: steppingClock(start + 200 * 24 * 3600 * 1000) });
    await later.recordAsk(ask('a new question'));
    expect((await later.unansweredTop(10)).map((r) => r.normalized)).toEqual(['a new question']);
    expect(await later.feedback()).toEqual([{ entryId: 'e', helpful: 1, notHelpful: 0 }]);
    // The ballot went with its retention: the same vote counts as new again.
    expect(await later.recordVote({ entryId: 'e', answerId: 'a', voterId: 'm', helpful: true })).toBe('recorded');
  });

  it('given a read-only store (the report tools), then it reads but never writes, and does not throw', async () => {
    const writer = await ws().open();
    await writer.recordAsk(ask('who went to pakistan'));
    await writer.close();
    const reader = await ws().open({ readOnly: true });
    expect(reader.status().recording).toBe(true);
    expect(await reader.recordVote({ entryId: 'e', answerId: 'a', voterId: 'm', helpful: true })).toBe('unavailable');
    await reader.recordAsk(ask('another question'));
    expect((await reader.unansweredTop(10)).map((r) => r.normalized)).toEqual(['who went to pakistan']);
  });
});

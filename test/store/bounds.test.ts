import { describe, expect, it } from 'vitest';
import { engines, freshWorkspace, warnIfNoPostgres } from './fixtures/engines.js';
import { ask } from './fixtures/helpers.js';

warnIfNoPostgres();

describe.each(engines)('$name store: hostile text and bounded tables', (engine) => {
  const ws = freshWorkspace(engine);

  it('given SQL-like, very long, NUL-laden and emoji text, then it is stored as text, cleaned and cut to the cap', async () => {
    const store = await ws().open();
    const injection = "'); DROP TABLE votes;--";
    await store.recordAsk(ask(injection));
    await store.recordAsk(ask(`why ${'very '.repeat(2000)}long`));
    await store.recordAsk(ask('who\u0000went\u0000to pakistan'));
    await store.recordAsk(ask(`${'🇵🇰'.repeat(149)} pakistan 🙂 why`));
    await store.recordAsk(ask('🙂🙂🙂'));
    await store.recordAsk(ask(`x${'🙂'.repeat(400)}`));
    expect(await store.recordVote({ entryId: injection, answerId: injection, voterId: injection, helpful: true })).toBe('recorded');

    const rows = await store.unansweredTop(100);
    const samples = rows.map((r) => r.sample);
    expect(samples).toContain(injection);
    expect(samples).toContain('who went to pakistan');
    expect(samples).toContain('🙂🙂🙂');
    for (const r of rows) {
      expect([...r.sample].length).toBeLessThanOrEqual(300);
      expect([...r.normalized].length).toBeLessThanOrEqual(300);
      expect(r.sample).not.toMatch(/[\u0000-\u001f]/);
      // No half of an emoji left at the cut.
      expect(r.sample).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(samples.find((s) => s.startsWith('why very'))).toMatch(/…$/);
    expect(await store.feedback()).toEqual([{ entryId: injection, helpful: 1, notHelpful: 0 }]);
    expect(store.status().recording).toBe(true);
  });

  it('given the same question 1,000 times by one member, then it is one row asked 1,000 times by one member', async () => {
    const store = await ws().open();
    for (let i = 0; i < 1000; i++) await store.recordAsk(ask('who went to pakistan?', 'spammer'));
    await store.recordAsk(ask('what did the envoy say', 'a'));
    await store.recordAsk(ask('what did the envoy say', 'b'));
    const rows = await store.unansweredTop(10);
    expect(rows).toHaveLength(2);
    // Two members outrank one member's thousand asks.
    expect(rows[0]).toMatchObject({ normalized: 'what did the envoy say', count: 2, askers: 2 });
    expect(rows[1]).toMatchObject({ normalized: 'who went to pakistan', count: 1000, askers: 1 });
    expect(await ws().rowCount('ask_askers')).toBe(3);
  });

  it('given more distinct questions than the cap, then the table stays at the cap and widely asked questions survive', async () => {
    const store = await ws().open({ limits: { questions: 50 } });
    for (const member of ['a', 'b', 'c']) await store.recordAsk(ask('the question many members asked', member));
    for (let i = 0; i < 300; i++) await store.recordAsk(ask(`flood question number ${i}`, 'flooder'));
    const rows = await store.unansweredTop(1000);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toMatchObject({ normalized: 'the question many members asked', askers: 3 });
    // The newest flood questions are kept, the oldest went first.
    expect(rows.some((r) => r.normalized === 'flood question number 299')).toBe(true);
    expect(rows.some((r) => r.normalized === 'flood question number 0')).toBe(false);
    expect(await ws().rowCount('ask_askers')).toBe(3 + 49);
  });

  it('given more members than the per-question cap, then askers stops at the cap while asks go on counting', async () => {
    const store = await ws().open({ limits: { askersPerQuestion: 5 } });
    for (let i = 0; i < 20; i++) await store.recordAsk(ask('popular question', `member-${i}`));
    expect((await store.unansweredTop(1))[0]).toMatchObject({ count: 20, askers: 5 });
    expect(await ws().rowCount('ask_askers')).toBe(5);
  });

  it('given more votes than the ballot cap, then old ballots go but the totals keep every vote', async () => {
    const store = await ws().open({ limits: { votes: 10 } });
    for (let i = 0; i < 40; i++) {
      expect(await store.recordVote({ entryId: 'e', answerId: `a${i}`, voterId: 'm', helpful: i % 4 !== 0 })).toBe('recorded');
    }
    expect(await ws().rowCount('votes')).toBe(10);
    expect(await store.feedback()).toEqual([{ entryId: 'e', helpful: 30, notHelpful: 10 }]);
    expect(await store.recordVote({ entryId: 'e', answerId: 'a39', voterId: 'm', helpful: true })).toBe('duplicate');
  });

  it('given more distinct entry ids than the cap (forged buttons), then the counters stay at the cap', async () => {
    const store = await ws().open({ limits: { entries: 20 } });
    for (let i = 0; i < 100; i++) {
      await store.recordServed(`forged-${i}-${'x'.repeat(500)}`);
      await store.recordVote({ entryId: `forged-${i}`, answerId: `a${i}`, voterId: 'm', helpful: false });
    }
    const served = await store.servedCounts();
    expect(served).toHaveLength(20);
    for (const s of served) expect(s.entryId.length).toBeLessThanOrEqual(100);
    expect(await store.feedback()).toHaveLength(20);
  });
});

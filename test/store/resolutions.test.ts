import { describe, expect, it } from 'vitest';
import { askKeyOf } from '../../src/store/privacy.js';
import { STORE_LIMITS } from '../../src/store/limits.js';
import { engines, freshWorkspace, warnIfNoPostgres } from './fixtures/engines.js';
import { ask, steppingClock } from './fixtures/helpers.js';

warnIfNoPostgres();

const MEMBER = '123456789012345678';
const OTHER = '223456789012345678';

describe.each(engines)('$name store: questions members resolved, and decisions on proposals', (engine) => {
  const ws = freshWorkspace(engine);

  it('given a recorded unanswered question, when its asker clicks a suggestion by its key, then the pair is kept under the cleaned question and no member id', async () => {
    const store = await ws().open();
    await store.recordAsk(ask('How do I   make a <@123456789012345678> slash command?', MEMBER));
    const key = askKeyOf('How do I   make a <@123456789012345678> slash command?', STORE_LIMITS)!;
    expect(await store.recordResolution({ entryId: 'slash-commands', memberId: MEMBER, question: { askKey: key } })).toBe(true);
    const [resolved] = await store.resolvedQuestions(10);
    expect(resolved).toMatchObject({ entryId: 'slash-commands', key, sample: 'How do I make a @… slash command?' });
    expect(resolved!.resolvers).toHaveLength(1);
    expect(await ws().holds(MEMBER)).toBe(false);
  });

  it('given a key no question was recorded under, then nothing is recorded', async () => {
    const store = await ws().open();
    expect(await store.recordResolution({ entryId: 'slash-commands', memberId: MEMBER, question: { askKey: 'a'.repeat(22) } })).toBe(false);
    expect(await store.recordResolution({ entryId: 'slash-commands', memberId: MEMBER, question: { askKey: 'not a key' } })).toBe(false);
    expect(await store.resolvedQuestions(10)).toEqual([]);
  });

  it('given one member resolving two rewordings to one entry, then they count once there, and under another entry as someone unrelated', async () => {
    const store = await ws().open();
    await store.recordResolution({ entryId: 'intents', memberId: MEMBER, question: { text: 'message content is empty' } });
    await store.recordResolution({ entryId: 'intents', memberId: MEMBER, question: { text: 'message content is empty' } });
    await store.recordResolution({ entryId: 'intents', memberId: MEMBER, question: { text: 'why is content blank' } });
    await store.recordResolution({ entryId: 'intents', memberId: OTHER, question: { text: 'why is content blank' } });
    await store.recordResolution({ entryId: 'embeds', memberId: MEMBER, question: { text: 'why is content blank' } });
    const rows = await store.resolvedQuestions(10);
    const intents = rows.filter((r) => r.entryId === 'intents');
    expect(intents.map((r) => [r.sample, r.resolvers.length])).toEqual(expect.arrayContaining([['message content is empty', 1], ['why is content blank', 2]]));
    const hashes = new Set(intents.flatMap((r) => r.resolvers));
    expect(hashes.size).toBe(2);
    const embeds = rows.find((r) => r.entryId === 'embeds')!;
    expect(hashes.has(embeds.resolvers[0]!)).toBe(false);
  });

  it('given resolutions older than the retention period, when the store writes again, then they are forgotten', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const old = await ws().open({ now: steppingClock(start) });
    await old.recordResolution({ entryId: 'intents', memberId: MEMBER, question: { text: 'an old question' } });
    await old.close();
    const later = await ws().open({ now: steppingClock(start + 200 * 24 * 3600 * 1000) });
    await later.recordResolution({ entryId: 'intents', memberId: MEMBER, question: { text: 'a new question' } });
    expect((await later.resolvedQuestions(10)).map((r) => r.sample)).toEqual(['a new question']);
  });

  it('given a decision, when the same proposal is decided again, then the first stands, across a restart; withdrawn, it can be decided again', async () => {
    const first = await ws().open();
    const d = { entryId: 'intents', key: 'k'.repeat(22), sample: 'why is content blank', decision: 'rejected' as const };
    expect(await first.decideAlternate(d)).toBe('saved');
    expect(await first.decideAlternate({ ...d, decision: 'accepted' })).toBe('already');
    await first.close();
    const again = await ws().open();
    expect(await again.alternateDecisions(10)).toMatchObject([{ entryId: 'intents', sample: 'why is content blank', decision: 'rejected' }]);
    await again.withdrawDecision(d.entryId, d.key);
    expect(await again.alternateDecisions(10)).toEqual([]);
    expect(await again.decideAlternate({ ...d, decision: 'accepted' })).toBe('saved');
  });

  it('given a read-only store (the report tools), then it reads resolutions but records nothing', async () => {
    const writer = await ws().open();
    await writer.recordResolution({ entryId: 'intents', memberId: MEMBER, question: { text: 'why is content blank' } });
    await writer.close();
    const reader = await ws().open({ readOnly: true });
    expect(await reader.resolvedQuestions(10)).toHaveLength(1);
    expect(await reader.recordResolution({ entryId: 'intents', memberId: OTHER, question: { text: 'another' } })).toBe(false);
    expect(await reader.decideAlternate({ entryId: 'intents', key: 'k'.repeat(22), sample: 'x', decision: 'rejected' })).toBe('unavailable');
  });
});

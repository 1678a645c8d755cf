import { describe, expect, it } from 'vitest';
import type { ShadowRecord } from '../../src/store/types.js';
import { engines, freshWorkspace, warnIfNoPostgres } from './fixtures/engines.js';
import { steppingClock } from './fixtures/helpers.js';

warnIfNoPostgres();

const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';
const HELP = '200000000000000001';
const FORUM = '200000000000000002';
const shadow = (question: string, confidence: number, channelId = HELP, entryId = 'us-envoy'): ShadowRecord => ({ guildId: GUILD, channelId, question, entryId, confidence });

describe.each(engines)('$name store: auto-answer settings per channel', (engine) => {
  const ws = freshWorkspace(engine);

  it('given settings for two channels, then each server lists its own, they survive a restart, and a change updates the time', async () => {
    const store = await ws().open();
    expect(await store.setAutoAnswer({ guildId: GUILD, channelId: HELP, mode: 'shadow', minConfidence: 0.9, helperRoleId: '300000000000000001' })).toBe('saved');
    expect(await store.setAutoAnswer({ guildId: GUILD, channelId: FORUM, mode: 'on', minConfidence: null, helperRoleId: null })).toBe('saved');
    expect(await store.setAutoAnswer({ guildId: OTHER_GUILD, channelId: HELP, mode: 'on', minConfidence: 0.8, helperRoleId: null })).toBe('saved');
    const [first] = await store.autoAnswerSettings(GUILD);
    await store.close();

    const again = await ws().open({ now: steppingClock(Date.parse('2026-02-01T00:00:00Z')) });
    expect(await again.autoAnswerSettings(GUILD)).toEqual([
      { guildId: GUILD, channelId: HELP, mode: 'shadow', minConfidence: 0.9, helperRoleId: '300000000000000001', updatedAt: first!.updatedAt },
      { guildId: GUILD, channelId: FORUM, mode: 'on', minConfidence: null, helperRoleId: null, updatedAt: expect.any(String) },
    ]);
    expect(await again.setAutoAnswer({ guildId: GUILD, channelId: HELP, mode: 'on', minConfidence: 0.95, helperRoleId: null })).toBe('saved');
    const [changed] = await again.autoAnswerSettings(GUILD);
    expect(changed).toMatchObject({ channelId: HELP, mode: 'on', minConfidence: 0.95, helperRoleId: null });
    expect(changed!.updatedAt > first!.updatedAt).toBe(true);
    expect((await again.autoAnswerSettings()).map((s) => `${s.guildId}/${s.channelId}/${s.mode}`)).toEqual([
      `${GUILD}/${HELP}/on`,
      `${GUILD}/${FORUM}/on`,
      `${OTHER_GUILD}/${HELP}/on`,
    ]);
  });

  it('given a server at its cap of channels, then a new channel is refused until one is turned off, which then makes room', async () => {
    const store = await ws().open({ limits: { autoAnswerChannels: 2 } });
    const set = (channelId: string, mode: 'off' | 'shadow' | 'on') => store.setAutoAnswer({ guildId: GUILD, channelId, mode, minConfidence: null, helperRoleId: null });
    expect(await set('1', 'shadow')).toBe('saved');
    expect(await set('2', 'on')).toBe('saved');
    expect(await set('3', 'on')).toBe('too-many');
    // Another server has its own cap.
    expect(await store.setAutoAnswer({ guildId: OTHER_GUILD, channelId: '3', mode: 'on', minConfidence: null, helperRoleId: null })).toBe('saved');
    expect(await set('1', 'off')).toBe('saved');
    expect(await set('3', 'on')).toBe('saved');
    expect((await store.autoAnswerSettings(GUILD)).map((s) => `${s.channelId}:${s.mode}`)).toEqual(['2:on', '3:on']);
  });

  it('given an unknown mode (a caller bug), then that setting is not saved and recording goes on', async () => {
    const store = await ws().open();
    expect(await store.setAutoAnswer({ guildId: GUILD, channelId: HELP, mode: 'loud' as 'on', minConfidence: null, helperRoleId: null })).toBe('unavailable');
    expect(store.status().recording).toBe(true);
    expect(await store.autoAnswerSettings(GUILD)).toEqual([]);
  });
});

describe.each(engines)('$name store: shadow answers', (engine) => {
  const ws = freshWorkspace(engine);

  it("given would-be answers in two channels, then a channel's latest come newest first, cleaned, and with no user id anywhere", async () => {
    const store = await ws().open();
    const member = '123456789012345678';
    const ids = [];
    ids.push(await store.recordShadow(shadow(`hey <@${member}> who went to pakistan?`, 0.97)));
    ids.push(await store.recordShadow(shadow(`why ${'very '.repeat(200)}long`, 0.7)));
    ids.push(await store.recordShadow(shadow('what is a four eyes meeting', 0.9, FORUM, 'four-eyes')));
    expect(await store.recordShadow(shadow('  \u0000 ', 0.9))).toBeNull();
    for (const id of ids) expect(id).toMatch(/^[\w-]{12}$/);

    const latest = await store.latestShadow(GUILD, HELP, 10);
    expect(latest.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect(latest[1]).toEqual({ id: ids[0], question: 'hey @… who went to pakistan?', entryId: 'us-envoy', confidence: 0.97, askedAt: expect.any(String), grade: null });
    expect([...latest[0]!.question].length).toBeLessThanOrEqual(300);
    expect(latest[0]!.question).toMatch(/…$/);
    expect(await store.latestShadow(GUILD, HELP, 1)).toHaveLength(1);
    expect(await store.latestShadow(OTHER_GUILD, HELP, 10)).toEqual([]);
    await store.close();
    expect(await ws().holds('who went to pakistan')).toBe(true);
    expect(await ws().holds(member)).toBe(false);
  });

  it('given grades, then precision counts them, at or above a confidence, and a grade from another server or of an unknown id changes nothing', async () => {
    const store = await ws().open();
    const record = async (confidence: number) => (await store.recordShadow(shadow(`question at ${confidence}`, confidence)))!;
    const [a, b, c, d] = [await record(0.99), await record(0.9), await record(0.8), await record(0.6)];
    expect(await store.shadowPrecision(GUILD, HELP)).toEqual({ graded: 0, right: 0 });
    expect(await store.gradeShadow(GUILD, a, 'right')).toBe('graded');
    expect(await store.gradeShadow(GUILD, b, 'right')).toBe('graded');
    expect(await store.gradeShadow(GUILD, c, 'wrong')).toBe('graded');
    expect(await store.gradeShadow(GUILD, d, 'wrong')).toBe('graded');
    expect(await store.gradeShadow(OTHER_GUILD, a, 'wrong')).toBe('not-found');
    expect(await store.gradeShadow(GUILD, 'no-such-id', 'wrong')).toBe('not-found');
    expect(await store.shadowPrecision(GUILD, HELP)).toEqual({ graded: 4, right: 2 });
    // 0.9 itself counts at 0.9 (PostgreSQL keeps it single precision).
    expect(await store.shadowPrecision(GUILD, HELP, 0.9)).toEqual({ graded: 2, right: 2 });
    expect(await store.shadowPrecision(GUILD, HELP, 0.7)).toEqual({ graded: 3, right: 2 });
    expect(await store.shadowPrecision(GUILD, FORUM)).toEqual({ graded: 0, right: 0 });
    // A moderator changes their mind.
    expect(await store.gradeShadow(GUILD, c, 'right')).toBe('graded');
    expect(await store.shadowPrecision(GUILD, HELP)).toEqual({ graded: 4, right: 3 });
    expect((await store.latestShadow(GUILD, HELP, 10)).map((r) => r.grade)).toEqual(['wrong', 'right', 'right', 'right']);
  });

  it("given more shadow answers than a channel's cap, then the oldest ungraded go first and the graded ones stay", async () => {
    const store = await ws().open({ limits: { shadowPerChannel: 3 } });
    const first = (await store.recordShadow(shadow('the first question', 0.9)))!;
    expect(await store.gradeShadow(GUILD, first, 'right')).toBe('graded');
    for (let i = 0; i < 10; i++) await store.recordShadow(shadow(`flood question ${i}`, 0.9));
    await store.recordShadow(shadow('in another channel', 0.9, FORUM));
    expect((await store.latestShadow(GUILD, HELP, 10)).map((r) => r.question)).toEqual(['flood question 9', 'flood question 8', 'the first question']);
    expect(await store.latestShadow(GUILD, FORUM, 10)).toHaveLength(1);
    expect(await store.shadowPrecision(GUILD, HELP)).toEqual({ graded: 1, right: 1 });
  });

  it('given shadow answers older than the retention period, when the store writes again, then they are forgotten', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const old = await ws().open({ now: steppingClock(start) });
    await old.recordShadow(shadow('an old question', 0.9));
    await old.close();
    const later = await ws().open({ now: steppingClock(start + 200 * 24 * 3600 * 1000) });
    await later.recordShadow(shadow('a new question', 0.9));
    expect((await later.latestShadow(GUILD, HELP, 10)).map((r) => r.question)).toEqual(['a new question']);
  });

  it('given a read-only store (the report tools), then it reads shadow answers and settings but saves nothing', async () => {
    const writer = await ws().open();
    await writer.recordShadow(shadow('who went to pakistan', 0.9));
    await writer.setAutoAnswer({ guildId: GUILD, channelId: HELP, mode: 'shadow', minConfidence: null, helperRoleId: null });
    await writer.close();
    const reader = await ws().open({ readOnly: true });
    const [row] = await reader.latestShadow(GUILD, HELP, 10);
    expect(row).toMatchObject({ question: 'who went to pakistan' });
    expect(await reader.gradeShadow(GUILD, row!.id, 'right')).toBe('unavailable');
    expect(await reader.recordShadow(shadow('another', 0.9))).toBeNull();
    expect(await reader.setAutoAnswer({ guildId: GUILD, channelId: HELP, mode: 'on', minConfidence: null, helperRoleId: null })).toBe('unavailable');
    expect(await reader.autoAnswerSettings(GUILD)).toMatchObject([{ mode: 'shadow' }]);
  });
});

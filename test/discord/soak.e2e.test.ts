import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, str, sub, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await h?.stop();
});

const QUESTIONS = ['who went to pakistan for the us', 'what is a four eyes meeting', 'why pakistan', 'how do i change my nickname', 'saving face?', 'is there a deal yet'];

describe('a soak through the fake Discord', () => {
  it('given 2,000 asks and autocompletes from many members, some concurrent, with a reload in the middle, then each is answered once, none rejected, and caches stay flat', async () => {
    const total = 2000;
    const concurrency = 16;
    const handles: ReturnType<Harness['fake']['slash']>[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        const userId = String(400000000000000000n + BigInt(i));
        if (i === total / 2) {
          const reload = h.fake.slash('faq-admin', [sub('reload')], { userId, permissions: String(1n << 5n) });
          await reload.waitFor(2, 10_000);
        }
        const handle =
          i % 4 === 3
            ? h.fake.autocomplete('ask', [str('question', QUESTIONS[i % QUESTIONS.length]!.slice(0, 1 + (i % 12)), true)], { userId })
            : h.fake.slash('ask', [str('question', `${QUESTIONS[i % QUESTIONS.length]} ${i}`)], { userId });
        handles.push(handle);
        await handle.response(10_000);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    expect(handles).toHaveLength(total);
    for (const handle of handles) {
      const callbacks = handle.responses().filter((r) => r.path.endsWith('/callback'));
      expect(callbacks).toHaveLength(1);
      expect(callbacks[0]!.status).toBe(204);
    }
    expect(h.fake.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(h.logs.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
    // Thousands of distinct members came by; none of them is kept in memory.
    const { client } = h.bot;
    expect(client.users.cache.size).toBeLessThanOrEqual(1);
    for (const guild of client.guilds.cache.values()) expect(guild.members.cache.size).toBeLessThanOrEqual(1);
  }, 120_000);
});

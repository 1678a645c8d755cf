import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../src/discord/command.js';
import { startHarness, str, sub, type Harness } from './harness.js';

const EPHEMERAL = 64;
let h: Harness;

const failing: SlashCommand[] = [
  {
    data: new SlashCommandBuilder().setName('boom-deferred').setDescription('Defers publicly, then fails'),
    async execute(interaction) {
      await interaction.deferReply();
      throw new Error('failed after deferring');
    },
  },
  {
    data: new SlashCommandBuilder().setName('boom-replied').setDescription('Replies, then fails'),
    async execute(interaction) {
      await interaction.reply({ content: 'partial answer', allowedMentions: { parse: [] } });
      throw new Error('failed after replying');
    },
  },
  {
    data: new SlashCommandBuilder()
      .setName('boom-complete')
      .setDescription('Autocomplete that fails')
      .addStringOption((o) => o.setName('q').setDescription('q').setAutocomplete(true)),
    async execute(interaction) {
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    },
    async autocomplete() {
      throw new Error('autocomplete failed');
    },
  },
];

beforeAll(async () => {
  h = await startHarness({ extraCommands: failing });
});
afterAll(async () => {
  await h?.stop();
});

const errorMessages = (handle: { responses(): { method: string; path: string; body: unknown; status: number }[] }) =>
  handle.responses().filter((r) => r.status < 300 && JSON.stringify(r.body ?? '').includes('went wrong'));

async function stillAnswers() {
  const data = (await h.fake.slash('ask', [str('question', 'what is maximum pressure')]).response()).data as { embeds: { title: string }[] };
  expect(data.embeds[0]!.title).toMatch(/maximum pressure/i);
}

describe('a handler that fails', () => {
  it('given it failed after deferring publicly, then exactly one private error and the public placeholder removed', async () => {
    const handle = h.fake.slash('boom-deferred', []);
    await handle.waitFor(3);
    const errors = errorMessages(handle);
    expect(errors).toHaveLength(1);
    expect((errors[0]!.body as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(handle.responses().some((r) => r.method === 'DELETE')).toBe(true);
    await stillAnswers();
  });

  it('given it failed after replying, then exactly one private follow-up error', async () => {
    const handle = h.fake.slash('boom-replied', []);
    await handle.waitFor(2);
    const errors = errorMessages(handle);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.method).toBe('POST');
    expect((errors[0]!.body as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('given an autocomplete handler that throws, then the member gets an empty list in time', async () => {
    const handle = h.fake.autocomplete('boom-complete', [str('q', 'x', true)]);
    expect(await handle.response()).toEqual({ type: 8, data: { choices: [] } });
    expect(handle.respondedAt! - handle.dispatchedAt).toBeLessThan(3000);
  });
});

describe('Discord answering with errors', () => {
  for (const [what, status, body] of [
    ['unknown interaction (10062)', 404, { code: 10062, message: 'Unknown interaction' }],
    ['already acknowledged (40060)', 400, { code: 40060, message: 'Interaction has already been acknowledged.' }],
    ['a server error (500)', 500, { code: 0, message: '500: Internal Server Error' }],
  ] as const) {
    it(`given ${what} on the reply, then it is logged without tokens, and the bot keeps answering`, async () => {
      const before = h.logs.length;
      // discord.js retries a 500 twice itself: fail all three attempts.
      h.fake.failNext({ method: 'POST', path: /\/callback$/ }, { status, body }, status === 500 ? 3 : 1);
      const handle = h.fake.slash('ask', [str('question', 'what does saving face mean')]);
      const deadline = Date.now() + 10_000;
      while (!h.logs.slice(before).some((l) => l.includes('interaction handler failed')) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const logged = h.logs.slice(before).join('\n');
      expect(logged).toMatch(/interaction handler failed/);
      expect(logged).toContain(handle.id);
      expect(logged).not.toContain(handle.token);
      await stillAnswers();
    });
  }

  it('given a 429 with retry-after on the reply, then the reply is retried and arrives', async () => {
    h.fake.failNext({ method: 'POST', path: /\/callback$/ }, { status: 429, headers: { 'retry-after': '0.2' }, body: { retry_after: 0.2, global: false, message: 'You are being rate limited.', code: 0 } });
    const data = (await h.fake.slash('ask', [str('question', 'what does saving face mean')]).response(8000)).data as { embeds: { title: string }[] };
    expect(data.embeds[0]!.title).toMatch(/saving face/i);
  });

  it('given an expired interaction token (50027) on the edit of a deferred reply, then it is logged once without the token', async () => {
    const before = h.logs.length;
    h.fake.failNext({ method: 'PATCH', path: /\/webhooks\// }, { status: 401, body: { code: 50027, message: 'Invalid Webhook Token' } }, 5);
    const handle = h.fake.slash('faq-admin', [sub('stats')], { permissions: String(1n << 5n) });
    await new Promise((r) => setTimeout(r, 1000));
    const logged = h.logs.slice(before).filter((l) => l.includes(handle.id));
    expect(logged.filter((l) => l.includes('interaction handler failed'))).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(handle.token);
    await stillAnswers();
  });
});

describe('members poking at the edges', () => {
  it('given /faq-admin in a DM, then it is refused', async () => {
    const data = (await h.fake.slash('faq-admin', [sub('stats')], { guildId: null }).response()).data as { content: string; flags: number };
    expect(data.content).toMatch(/only works in a server/);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('given a free-typed value that looks like an id but names no entry, then it is treated as a question', async () => {
    const data = (await h.fake.slash('ask', [str('question', 'us-envoy-2019')]).response()).data as { embeds: { title: string }[] };
    expect(data.embeds).toHaveLength(1);
  });

  it('given /faq show with an unknown id and /article with an unknown name, then a private note', async () => {
    const faq = (await h.fake.slash('faq', [sub('show', [str('entry', 'nope')])]).response()).data as { content: string; flags: number };
    const article = (await h.fake.slash('article', [str('name', 'nope')]).response()).data as { content: string; flags: number };
    expect(faq.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(article.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('given an embed-only message in the message menu, then a private "nothing to look up"', async () => {
    const data = (await h.fake
      .messageCommand('Find FAQ answer', { id: '500000000000000009', content: '', author: { id: '300000000000000555' }, embeds: [{ title: 'x' }] })
      .response()).data as { content: string; flags: number };
    expect(data.content).toMatch(/no text/);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('given /faq list, /help and /article, then each fits Discord and is answered', async () => {
    for (const handle of [h.fake.slash('faq', [sub('list')]), h.fake.slash('help', []), h.fake.slash('article', [str('name', 'secret-diplomacy')])]) {
      await handle.response();
      expect(handle.responses().every((r) => r.status < 400)).toBe(true);
    }
  });
});

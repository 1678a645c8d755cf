import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.js';
import { loadCommands } from '../../src/discord/registry.js';
import type { InteractionCtx } from '../fake-discord/index.js';
import { BOT_TOKEN, finalText, startHarness, str, sub, user, type Harness } from './harness.js';

/**
 * Where members are: the member commands work installed to a member's account as well as to
 * a server, in the bot's DM and in private channels the bot is not part of (no guild_id,
 * interaction context 1 or 2); moderation stays in servers.
 */
const EPHEMERAL = 64;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Data = {
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { style: number; url?: string; custom_id?: string }[] }[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  choices?: { name: string; value: string }[];
};
const dataOf = async (handle: { response(): Promise<{ type: number; data?: unknown }> }) => (await handle.response()).data as Data;

const PLACES: [string, InteractionCtx][] = [
  ["the bot's DM (context 1)", { guildId: null }],
  ['a DM between members, through a user install (context 2)', { guildId: null, privateChannel: 'dm' }],
  ['a group DM, through a user install (context 2)', { guildId: null, privateChannel: 'group-dm' }],
  ['a server that did not install the bot, through a user install', { userInstall: true }],
];

describe.each(PLACES)('member commands in %s', (_, ctx) => {
  it('given the interaction, then it carries what Discord sends there', () => {
    const payload = h.fake.slash('help', [], ctx).payload;
    if (ctx.guildId === null) {
      expect(payload.guild_id).toBeUndefined();
      expect(payload.member).toBeUndefined();
      expect(payload.context).toBe(ctx.privateChannel ? 2 : 1);
    } else {
      expect(payload.authorizing_integration_owners).toEqual({ '1': '300000000000000001' });
    }
  });

  it('given /ask with a question the FAQ answers, then the answer, its source link and vote buttons, pinging no one', async () => {
    const handle = h.fake.slash('ask', [str('question', 'who went to pakistan for the americans')], ctx);
    const data = await dataOf(handle);
    expect(handle.responses().every((r) => r.status < 400)).toBe(true);
    expect(data.embeds![0]!.title).toBe('Who represented the U.S. during the Iran-US negotiations in Pakistan?');
    expect(data.embeds![0]!.fields!.find((f) => f.name === 'Sources')!.value).toContain('https://www.archyworldys.com/');
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data.allowed_mentions).toMatchObject({ parse: [], users: [], roles: [] });
    expect(data.components!.flatMap((r) => r.components).map((b) => b.custom_id)).toContain('vote:us-envoy:up');
  });

  it('given /ask for:@member, then only that member can be pinged', async () => {
    const member = { id: '300000000000000888', username: 'helped', discriminator: '0', global_name: null, avatar: null };
    const data = await dataOf(
      h.fake.slash('ask', [str('question', 'what is a four eyes meeting'), user('for', member.id)], { ...ctx, resolved: { users: { [member.id]: member } } }),
    );
    expect(data.content).toContain(`<@${member.id}>`);
    expect(data.allowed_mentions).toMatchObject({ parse: [], users: [member.id], roles: [] });
  });

  it('given a question outside the FAQ, then a private, honest "no answer", and it is recorded for moderators', async () => {
    const question = `how do I repot a cactus ${Object.keys(ctx).join(' ')} ${ctx.privateChannel ?? ''}`;
    const data = await dataOf(h.fake.slash('ask', [str('question', question)], ctx));
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.embeds![0]!.title).toMatch(/don't have an answer/);
    await expect.poll(async () => (await h.bot.ctx.store.unansweredTop(50)).map((r) => r.sample)).toContain(question.trim());
  });

  it('given autocomplete on /ask, then valid choices, best first', async () => {
    const data = await dataOf(h.fake.autocomplete('ask', [str('question', 'who repr', true)], ctx));
    expect(data.choices![0]!.value).toBe('us-envoy');
  });

  it('given /faq list, /faq show, /article and /help, then each answers', async () => {
    expect((await dataOf(h.fake.slash('faq', [sub('list')], ctx))).embeds![0]!.title).toBeTruthy();
    expect((await dataOf(h.fake.slash('faq', [sub('show', [str('entry', 'four-eyes')])], ctx))).embeds![0]!.title).toMatch(/four eyes/i);
    const article = (await dataOf(h.fake.autocomplete('article', [str('name', '', true)], ctx))).choices![0]!;
    const shown = await dataOf(h.fake.slash('article', [str('name', article.value)], ctx));
    expect(JSON.stringify(shown.embeds)).toContain('https://');
    expect((await dataOf(h.fake.slash('help', [], ctx))).embeds![0]!.title).toBe('FAQ bot');
  });

  it("given Find FAQ answer on someone's message, then the answer is addressed to its author", async () => {
    const data = await dataOf(
      h.fake.messageCommand('Find FAQ answer', { id: '500000000000000101', content: 'what does saving face mean?', author: { id: '300000000000000555' } }, ctx),
    );
    expect(data.content).toContain('<@300000000000000555>');
    expect(data.allowed_mentions!.users).toEqual(['300000000000000555']);
    expect(data.embeds![0]!.title).toMatch(/saving face/i);
  });

  it('given a vote on an answer, then it counts once', async () => {
    // One answer message per place: a vote is once per member per answer.
    const message = { id: String(600000000000000100n + BigInt(PLACES.findIndex(([, c]) => c === ctx))) };
    const before = (await h.bot.ctx.store.feedback()).find((f) => f.entryId === 'four-eyes')?.helpful ?? 0;
    expect(await finalText(h.fake.button('vote:four-eyes:up', message, ctx))).toMatch(/Thanks/);
    expect(await finalText(h.fake.button('vote:four-eyes:up', message, ctx))).toMatch(/already voted/);
    expect((await h.bot.ctx.store.feedback()).find((f) => f.entryId === 'four-eyes')?.helpful).toBe(before + 1);
  });
});

describe('moderation stays in servers', () => {
  it('given /faq-admin in a private channel, then it is refused privately', async () => {
    const data = await dataOf(h.fake.slash('faq-admin', [sub('stats')], { guildId: null, privateChannel: 'group-dm' }));
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/only works in a server/);
  });
});

describe('deploy', () => {
  it('given the command modules deployed globally, then Discord accepts them: member commands everywhere, /faq-admin in servers that installed the bot', async () => {
    const commands = await loadCommands();
    await deployCommands(commands, { token: BOT_TOKEN, clientId: h.fake.applicationId, apiUrl: h.fake.apiUrl });
    const put = h.fake.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.path).toMatch(/\/applications\/\d+\/commands$/);
    expect(put.status).toBe(200);
    const body = put.body as { name: string; integration_types?: number[]; contexts?: number[] }[];
    const reach = Object.fromEntries(body.map((c) => [c.name, { integration_types: c.integration_types, contexts: c.contexts }]));
    for (const name of ['ask', 'faq', 'article', 'help', 'Find FAQ answer']) expect(reach[name], name).toEqual({ integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(reach['faq-admin']).toEqual({ integration_types: [0], contexts: [0] });
  });
});

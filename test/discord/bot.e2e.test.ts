import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../src/discord/command.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { loadCommands } from '../../src/discord/registry.js';
import { BOT_TOKEN, bool, finalText, startHarness, str, sub, user, type Harness } from './harness.js';

const EPHEMERAL = 64;
let h: Harness;

const boom = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Always fails'),
  async execute() {
    throw new Error('kaboom with a secret stack');
  },
} satisfies SlashCommand;

beforeAll(async () => {
  h = await startHarness({ extraCommands: [boom] });
});
afterAll(async () => {
  await h?.stop();
});

type Data = {
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: { components: { style: number; label?: string; url?: string; custom_id?: string }[] }[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  choices?: { name: string; value: string }[];
};
const dataOf = async (handle: { response(): Promise<{ type: number; data?: unknown }> }) => (await handle.response()).data as Data;

describe('/ask, as a member uses it', () => {
  it('given a question the FAQ answers, then the member sees the entry with its credited source link and no mass mention', async () => {
    const data = await dataOf(h.fake.slash('ask', [str('question', 'who went to pakistan for the americans')]));
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('Who represented the U.S. during the Iran-US negotiations in Pakistan?');
    expect(embed.fields!.find((f) => f.name === 'Sources')!.value).toContain('https://www.archyworldys.com/');
    expect(embed.footer!.text).toMatch(/FAQ/);
    expect(data.allowed_mentions).toMatchObject({ parse: [], users: [], roles: [] });
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    const buttons = data.components!.flatMap((r) => r.components);
    expect(buttons.some((b) => b.style === 5 && b.url?.startsWith('https://www.archyworldys.com/'))).toBe(true);
    expect(buttons.map((b) => b.custom_id)).toContain('vote:us-envoy:up');
  });

  it('given a question outside the FAQ, then the answer is private, honest, and echoes the question escaped', async () => {
    const data = await dataOf(h.fake.slash('ask', [str('question', 'what is the best **gaming** laptop @everyone')]));
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.embeds![0]!.title).toMatch(/don't have an answer/);
    const echoed = data.embeds![0]!.fields!.find((f) => f.name === 'You asked')!.value;
    expect(echoed).toContain('\\*\\*gaming\\*\\*');
    expect(echoed).not.toContain('@everyone');
    expect(data.allowed_mentions!.parse).toEqual([]);
  });

  it('given for:@member, then the reply mentions that member and allows pinging only them', async () => {
    const member = { id: '300000000000000777', username: 'helped', discriminator: '0', global_name: null, avatar: null };
    const data = await dataOf(
      h.fake.slash('ask', [str('question', 'what is a four eyes meeting'), user('for', member.id)], { resolved: { users: { [member.id]: member } } }),
    );
    expect(data.content).toContain('<@300000000000000777>');
    expect(data.allowed_mentions).toMatchObject({ parse: [], users: ['300000000000000777'], roles: [] });
  });

  it('given private:true, then only the asker sees the answer', async () => {
    const data = await dataOf(h.fake.slash('ask', [str('question', 'what is maximum pressure'), bool('private', true)]));
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.embeds![0]!.title).toMatch(/maximum pressure/i);
  });

  it('given a picked autocomplete choice (an entry id), then exactly that entry is answered', async () => {
    const data = await dataOf(h.fake.slash('ask', [str('question', 'minimal-trust')]));
    expect(data.embeds![0]!.title).toMatch(/minimal trust/i);
  });

  it('given @everyone and a role mention inside a question, then nothing can ping', async () => {
    const data = await dataOf(h.fake.slash('ask', [str('question', '@everyone <@&123456789012345678> who represented the us?')]));
    expect(data.allowed_mentions).toMatchObject({ parse: [], roles: [] });
    expect(JSON.stringify(data)).not.toMatch(/@everyone|<@&123456789012345678>/);
  });

  it('given a 6,000-character question, then the reply still fits Discord (the fake rejects anything over)', async () => {
    const handle = h.fake.slash('ask', [str('question', `why is pakistan the mediator ${'blah '.repeat(1200)}`.slice(0, 6000))]);
    const data = await dataOf(handle);
    expect(handle.responses().every((r) => r.status < 400)).toBe(true);
    expect(data.embeds!.length).toBe(1);
  });
});

describe('autocomplete', () => {
  it('given a partial question, then at most 25 valid choices come back, entry ids as values, best first', async () => {
    const data = await dataOf(h.fake.autocomplete('ask', [str('question', 'who repr', true)]));
    expect(data.choices!.length).toBeGreaterThan(0);
    expect(data.choices!.length).toBeLessThanOrEqual(25);
    expect(data.choices![0]!.value).toBe('us-envoy');
    for (const c of data.choices!) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('given an empty value, then a valid list of at most 25 entries', async () => {
    const data = await dataOf(h.fake.autocomplete('ask', [str('question', '', true)]));
    expect(data.choices!.length).toBeLessThanOrEqual(25);
  });
});

describe('the message menu', () => {
  it("given a helper runs Find FAQ answer on a member's question, then the answer is addressed to its author", async () => {
    const data = await dataOf(
      h.fake.messageCommand('Find FAQ answer', { id: '500000000000000001', content: 'what does saving face mean?', author: { id: '300000000000000555' } }),
    );
    expect(data.content).toContain('<@300000000000000555>');
    expect(data.allowed_mentions!.users).toEqual(['300000000000000555']);
    expect(data.embeds![0]!.title).toMatch(/saving face/i);
  });

  it('given an image-only message, then a private "nothing to look up"', async () => {
    const data = await dataOf(
      h.fake.messageCommand('Find FAQ answer', { id: '500000000000000002', content: '', author: { id: '300000000000000555' }, attachments: [] }),
    );
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/no text/);
  });
});

describe('buttons', () => {
  it('given a member votes twice on one answer, then the second click is not counted', async () => {
    const message = { id: '600000000000000001' };
    const first = h.fake.button('vote:us-envoy:up', message);
    expect(await first.response()).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(await finalText(first)).toMatch(/Thanks/);
    expect(await finalText(h.fake.button('vote:us-envoy:up', message))).toMatch(/already voted/);
    expect(await h.bot.ctx.store.feedback()).toContainEqual({ entryId: 'us-envoy', helpful: 1, notHelpful: 0 });
  });

  it('given forged or stale button ids, then a private note and nothing written', async () => {
    for (const id of ['vote:no-such-entry:up', 'drop table', `show:${'x'.repeat(95)}`]) {
      const data = await dataOf(h.fake.button(id, { id: '600000000000000002' }));
      expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    }
    expect((await h.bot.ctx.store.feedback()).some((f) => f.entryId === 'no-such-entry')).toBe(false);
  });

  it('given a "did you mean" button, then that entry is shown', async () => {
    const data = await dataOf(h.fake.button('show:four-eyes', { id: '600000000000000003' }));
    expect(data.embeds![0]!.title).toMatch(/four eyes/i);
  });
});

describe('moderators', () => {
  it('given a member without Manage Server, then /faq-admin is refused at run time', async () => {
    const data = await dataOf(h.fake.slash('faq-admin', [sub('stats')], { permissions: '0' }));
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/Only moderators/);
  });

  it('given a moderator, then /faq-admin stats reports the knowledge and recording', async () => {
    const handle = h.fake.slash('faq-admin', [sub('stats')], { permissions: String(1n << 5n) });
    const edits = await handle.waitFor(2);
    expect(JSON.stringify(edits.at(-1)!.body)).toMatch(/entries/);
  });
});

describe('faults', () => {
  it('given a command that throws, then the member gets one private error, the log has the interaction id, and the bot keeps answering', async () => {
    const handle = h.fake.slash('boom', []);
    const data = await dataOf(handle);
    expect(data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/went wrong/);
    expect(data.content).not.toMatch(/kaboom/);
    expect(h.logs.some((l) => l.includes(handle.id) && l.includes('interaction handler failed'))).toBe(true);
    const after = await dataOf(h.fake.slash('ask', [str('question', 'what is maximum pressure')]));
    expect(after.embeds![0]!.title).toMatch(/maximum pressure/i);
  });

  it('given everything so far, then no log line holds the bot token or an interaction token', () => {
    const all = h.logs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toMatch(/(interactions|webhooks)\/\d+\/(?!\[token\])[\w-]{20,}/);
  });
});

describe('deploy', () => {
  it('given the command modules, then deploy sends definitions Discord accepts, with /faq-admin hidden from non-moderators', async () => {
    const commands = await loadCommands();
    const result = await deployCommands(commands, { token: BOT_TOKEN, clientId: h.fake.applicationId, guildId: h.fake.guilds[0]!.id, apiUrl: h.fake.apiUrl });
    expect(result.count).toBe(commands.size);
    const put = h.fake.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.status).toBe(200);
    const body = put.body as { name: string; default_member_permissions?: string | null }[];
    expect(body.map((c) => c.name).sort()).toEqual(['Find FAQ answer', 'article', 'ask', 'faq', 'faq-admin', 'help']);
    expect(body.find((c) => c.name === 'faq-admin')!.default_member_permissions).toBe('32');
  });
});

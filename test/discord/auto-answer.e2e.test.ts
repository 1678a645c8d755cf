import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, sub, type Harness } from './harness.js';

type Obj = Record<string, unknown>;
const MEMBER = '300000000000000077';
const OTHER_MEMBER = '300000000000000078';
const MANAGE_GUILD = 1n << 5n;
const MANAGE_MESSAGES = 1n << 13n;

let h: Harness;
let help: Obj;
let forum: Obj;
let bareForum: Obj;
let shadowed: Obj;
let storm: Obj;
let helpers: Obj;
let mods: Obj;

const id = (o: Obj): string => String(o.id);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const botMessages = (channel: Obj | string): Obj[] =>
  h.fake.messagesIn(typeof channel === 'string' ? channel : id(channel)).filter((m) => (m.author as Obj).id === h.fake.applicationId);

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The bot's reply in a channel after `before` messages of its own there. */
const nextBotMessage = (channel: Obj | string, before: number) =>
  until(() => botMessages(channel)[before], `a bot message in ${typeof channel === 'string' ? channel : String(channel.name)}`);

/** Nothing new from the bot in these channels once a later, answerable question has been answered. */
async function quietWhile(channels: Obj[], act: () => void): Promise<void> {
  const counts = channels.map((c) => botMessages(c).length);
  act();
  const sentinel = h.fake.createChannel({ type: 0, name: `sentinel-${Date.now()}` });
  await admin('auto-answer', [chan(sentinel), mode('on'), conf(0.8)]);
  h.fake.post(id(sentinel), { content: 'what is maximum pressure?', userId: MEMBER });
  await nextBotMessage(sentinel, 0);
  await sleep(150);
  expect(channels.map((c) => botMessages(c).length)).toEqual(counts);
}

const chan = (c: Obj) => ({ type: 7, name: 'channel', value: id(c) });
const mode = (m: string) => ({ type: 3, name: 'mode', value: m });
const conf = (v: number) => ({ type: 10, name: 'min-confidence', value: v });
const role = (r: Obj) => ({ type: 8, name: 'helper-role', value: id(r) });

/** /faq-admin as a moderator; returns the text the moderator finally sees. */
async function admin(subcommand: string, options: Obj[] = []): Promise<string> {
  const channels: Obj = {};
  const roles: Obj = {};
  for (const o of options) {
    if (o.type === 7) {
      const c = h.fake.channel(String(o.value))!;
      channels[String(o.value)] = { id: c.id, type: c.type, name: c.name, permissions: '0', ...(c.parent_id ? { parent_id: c.parent_id } : {}) };
    }
    if (o.type === 8) roles[String(o.value)] = h.fake.guilds[0]!.roles.find((r) => r.id === o.value);
  }
  const handle = h.fake.slash('faq-admin', [sub(subcommand, options)], {
    permissions: MANAGE_GUILD, resolved: { ...(Object.keys(channels).length ? { channels } : {}), ...(Object.keys(roles).length ? { roles } : {}) },
  });
  const calls = await handle.waitFor(2, 10_000);
  return JSON.stringify(calls.at(-1)!.body);
}

/** Presses a button on a bot message, as `userId`; returns every REST call made for it. */
async function press(message: Obj, label: RegExp, userId: string, extra: Obj = {}) {
  const rows = message.components as { components: { label: string; custom_id?: string }[] }[];
  const button = rows.flatMap((r) => r.components).find((b) => label.test(b.label) && b.custom_id)!;
  const handle = h.fake.button(button.custom_id!, { ...message }, { channelId: String(message.channel_id), userId, ...extra });
  await handle.response();
  await sleep(100);
  return handle;
}

const lastText = (handle: { responses(): { body: unknown }[] }) => JSON.stringify(handle.responses().at(-1)!.body);

beforeAll(async () => {
  h = await startHarness({ env: { AUTO_ANSWER: 'true' } });
  helpers = h.fake.createRole('Helpers', 0n);
  mods = h.fake.createRole('Mods', MANAGE_MESSAGES);
  help = h.fake.createChannel({ type: 0, name: 'help' });
  forum = h.fake.createChannel({ type: 15, name: 'questions', tags: ['Bug', 'Solved'] });
  bareForum = h.fake.createChannel({ type: 15, name: 'no-tags' });
  shadowed = h.fake.createChannel({ type: 0, name: 'shadowed' });
  storm = h.fake.createChannel({ type: 0, name: 'busy' });
  await sleep(100);
  expect(await admin('auto-answer', [chan(help), mode('on'), conf(0.8), role(helpers)])).toContain('the bot answers new questions');
  await admin('auto-answer', [chan(forum), mode('on'), conf(0.6)]);
  await admin('auto-answer', [chan(bareForum), mode('on'), conf(0.6)]);
  await admin('auto-answer', [chan(shadowed), mode('shadow'), conf(0.8)]);
  await admin('auto-answer', [chan(storm), mode('on'), conf(0.8)]);
}, 30_000);

afterAll(async () => {
  await h?.stop();
});

describe('auto-answers in help channels and forums', () => {
  it('given AUTO_ANSWER, then the bot asked for Guilds, Guild Messages and Message Content', () => {
    expect(h.fake.identified.map((i) => i.intents)).toEqual([1 | (1 << 9) | (1 << 15)]);
  });

  it('given a voice channel, then the setting is refused with a clear reason; stats lists the settings', async () => {
    const voice = h.fake.createChannel({ type: 2, name: 'voice' });
    await sleep(50);
    expect(await admin('auto-answer', [chan(voice), mode('on')])).toContain('text, forum and media channels only');
    const stats = await admin('stats');
    expect(stats).toContain(`<#${id(help)}>: **on**, at 80%, helpers <@&${id(helpers)}>`);
    expect(stats).toContain(`<#${id(shadowed)}>: **shadow**, at 80%`);
  });

  it('given shadow mode, then the would-be answer is recorded, nothing is said, and grading changes the precision shown', async () => {
    await quietWhile([shadowed], () => {
      h.fake.post(id(shadowed), { content: 'does anyone know what maximum pressure means?', userId: MEMBER });
      h.fake.post(id(shadowed), { content: 'what time is the server movie night?', userId: MEMBER });
    });
    const view = h.fake.slash('faq-admin', [sub('shadow', [chan(shadowed)])], {
      permissions: MANAGE_GUILD,
      resolved: { channels: { [id(shadowed)]: { id: id(shadowed), type: 0, name: 'shadowed', permissions: '0' } } },
    });
    const shown = (await view.waitFor(2)).at(-1)!.body as Obj;
    const text = JSON.stringify(shown);
    expect(text).toContain('maximum-pressure');
    expect(text).toContain('No would-be answer graded yet');
    expect(text).not.toContain('movie night');
    const message = { ...(shown as Obj), id: '1999999999999999999' };
    const right = await press(message, /^Right #1$/, MEMBER, { permissions: MANAGE_GUILD });
    expect(right.responses()[0]!.body).toMatchObject({ type: 7 });
    expect(lastText(right)).toContain('Of 1 graded, 1 right (100%)');
    const wrong = await press(message, /^Wrong #1$/, MEMBER, { permissions: MANAGE_GUILD });
    expect(lastText(wrong)).toContain('Of 1 graded, 0 right (0%)');
    const notMod = await press(message, /^Right #1$/, MEMBER);
    expect(lastText(notMod)).toContain('Only moderators');
  });

  it('given a question in a help channel, then exactly one reply to it, with the answer, its sources and the two buttons, pinging nobody and not quoting the member', async () => {
    const asked = h.fake.post(id(help), { content: 'hey all, does anyone know what maximum pressure means?', userId: MEMBER });
    const reply = await nextBotMessage(help, 0);
    await sleep(200);
    expect(botMessages(help)).toHaveLength(1);
    expect(reply.message_reference).toMatchObject({ message_id: asked.id });
    const post = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${id(help)}/messages`)!;
    expect(post.body).toMatchObject({ allowed_mentions: { parse: [], users: [], roles: [], replied_user: false } });
    expect(JSON.stringify(reply.embeds)).toMatch(/maximum pressure/i);
    expect(JSON.stringify(reply)).not.toContain('hey all');
    const labels = (reply.components as { components: { label: string; custom_id?: string; url?: string }[] }[])[0]!.components;
    expect(labels.map((b) => b.label).slice(0, 2)).toEqual(['Solved', 'Not what I asked']);
    expect(labels.some((b) => b.url?.startsWith('https://'))).toBe(true);
  });

  it('given the same message delivered again by a resumed gateway, then it is not answered twice', async () => {
    const before = botMessages(help).length;
    const event = h.fake.dispatched.find((d) => d.t === 'MESSAGE_CREATE' && String((d.d as Obj).content).startsWith('hey all'))!;
    await quietWhile([help], () => void h.fake.redeliver(event));
    expect(botMessages(help)).toHaveLength(before);
  });

  it('given chatter, greetings, questions the FAQ lacks, emoji, links, code, mentions, a long paste, a moderator or a reply to someone, then no answer', async () => {
    const other = h.fake.post(id(help), { content: 'I think so too', userId: OTHER_MEMBER });
    await quietWhile([help], () => {
      for (const content of [
        'hello everyone, how are you all doing today?',
        'lol',
        'what time is the server movie night?',
        '🙂🙂🙂 🎉',
        'https://example.com/what-is-maximum-pressure?',
        '```what is maximum pressure?```',
        `<@${OTHER_MEMBER}> <@&${id(helpers)}>`,
        `what is maximum pressure? ${'and more '.repeat(500)}`,
      ])
        h.fake.post(id(help), { content, userId: MEMBER });
      h.fake.post(id(help), { content: '', userId: MEMBER, attachments: [{ id: '1', filename: 'a.png', size: 1, url: 'https://cdn.example/a.png', proxy_url: 'https://cdn.example/a.png' }] });
      h.fake.post(id(help), { content: 'what is maximum pressure?', userId: OTHER_MEMBER, roles: [id(mods)] });
      h.fake.post(id(help), { content: 'what is maximum pressure?', userId: MEMBER, replyTo: id(other) });
    });
  });

  it('given "Not what I asked" from a non-poster, then a private refusal; from the poster, then the helper role alone is pinged, once', async () => {
    const answer = botMessages(help)[0]!;
    const stranger = await press(answer, /^Not what I asked$/, OTHER_MEMBER);
    expect(stranger.responses()[0]!.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('Only the person who asked') } });
    const before = botMessages(help).length;
    const poster = await press(answer, /^Not what I asked$/, MEMBER);
    const ping = await nextBotMessage(help, before);
    expect(ping.content).toContain(`<@&${id(helpers)}>`);
    const sent = h.fake.requests.findLast((r) => r.method === 'POST' && r.path === `/channels/${id(help)}/messages`)!;
    expect(sent.body).toMatchObject({ allowed_mentions: { parse: [], users: [], roles: [id(helpers)] } });
    expect(lastText(poster)).toContain('moderators will see');
    const again = await press(answer, /^Not what I asked$/, MEMBER);
    expect(lastText(again)).toContain('already told me');
    expect(botMessages(help)).toHaveLength(before + 1);
    const unanswered = await admin('unanswered');
    expect(unanswered).toMatch(/maximum pressure/i);
  });

  it('given a forum post, then one answer inside the post; Solved from the poster applies the Solved tag, a non-poster is refused', async () => {
    const { thread } = h.fake.forumPost(id(forum), { title: 'What is maximum pressure?', content: 'Heard it on the radio', userId: MEMBER });
    const answer = await nextBotMessage(id(thread), 0);
    await sleep(200);
    expect(botMessages(id(thread))).toHaveLength(1);
    expect(JSON.stringify(answer.embeds)).toMatch(/maximum pressure/i);
    const refused = await press(answer, /^Solved$/, OTHER_MEMBER);
    expect(lastText(refused)).toContain('Only the person who asked');
    expect(h.fake.channel(id(thread))!.applied_tags).toEqual([]);
    const resolvedBefore = await h.bot.ctx.store.resolvedQuestions(1000);
    expect(resolvedBefore.filter((r) => /heard it on the radio/i.test(r.sample))).toEqual([]);
    const solved = await press(answer, /^Solved$/, MEMBER);
    expect(lastText(solved)).toContain('Marked as solved');
    const tag = (forum.available_tags as { id: string; name: string }[]).find((t) => t.name === 'Solved')!;
    expect(h.fake.channel(id(thread))!.applied_tags).toEqual([tag.id]);
    // The poster's words and the entry they were solved by are a resolution, counted once, for one member.
    const ids = (answer.components as { components: { custom_id?: string }[] }[]).flatMap((r) => r.components.map((b) => b.custom_id ?? ''));
    const entryId = ids.map((i) => /^aa:solved:\d+:(.+)$/.exec(i)?.[1]).find(Boolean);
    expect(entryId).toBeDefined();
    const resolved = (await h.bot.ctx.store.resolvedQuestions(1000)).filter((r) => /heard it on the radio/i.test(r.sample));
    expect(resolved).toMatchObject([{ entryId, resolvers: [expect.any(String)] }]);
    expect(JSON.stringify(resolved)).not.toContain(MEMBER);
  });

  it.each(['message-first', 'thread-only'] as const)('given a forum post whose events come %s, then it is still answered exactly once', async (order) => {
    // A forum of its own: the others' answers count against a forum's cooldown.
    const own = h.fake.createChannel({ type: 15, name: `forum-${order}` });
    await sleep(50);
    await admin('auto-answer', [chan(own), mode('on'), conf(0.6)]);
    const { thread } = h.fake.forumPost(id(own), { title: 'What is maximum pressure?', content: 'Heard it on the radio', userId: MEMBER, order });
    await nextBotMessage(id(thread), 0);
    await sleep(200);
    expect(botMessages(id(thread))).toHaveLength(1);
  });

  it('given a media channel post, then it is answered too; "Not what I asked" there pings the media channel\'s helper role', async () => {
    const media = h.fake.createChannel({ type: 16, name: 'clips', tags: ['Answered'] });
    await sleep(50);
    await admin('auto-answer', [chan(media), mode('on'), conf(0.6), role(mods)]);
    const { thread } = h.fake.forumPost(id(media), { title: 'What is maximum pressure?', content: 'clip attached', userId: MEMBER });
    const answer = await nextBotMessage(id(thread), 0);
    await press(answer, /^Not what I asked$/, MEMBER);
    const ping = await nextBotMessage(id(thread), 1);
    expect(ping.content).toContain(`<@&${id(mods)}>`);
    expect(h.fake.channel(id(thread))!.applied_tags).toEqual([]);
  });

  it('given a forum without tags, then Solved just thanks; a post deleted before the reply, then no reply and the bot goes on', async () => {
    const { thread } = h.fake.forumPost(id(bareForum), { title: 'What is maximum pressure?', content: 'Heard it on the radio', userId: MEMBER });
    const answer = await nextBotMessage(id(thread), 0);
    const solved = await press(answer, /^Solved$/, MEMBER);
    expect(lastText(solved)).toContain('Marked as solved');
    expect(h.fake.requests.some((r) => r.method === 'PATCH' && r.path === `/channels/${id(thread)}`)).toBe(false);

    const gone = h.fake.post(id(help), { content: 'what is maximum pressure exactly?', userId: MEMBER });
    h.fake.deleteMessage(id(help), id(gone));
    await until(() => (h.logs.some((l) => l.includes('could not post the answer') && l.includes(id(gone))) ? true : undefined), 'the log line');
    expect(botMessages(help).some((m) => (m.message_reference as Obj | undefined)?.message_id === gone.id)).toBe(false);
  });

  it('given missing permissions or a locked post, then no reply and a log line; given a 429, then exactly one reply after the wait', async () => {
    const { thread: locked } = h.fake.forumPost(id(forum), { title: 'What is maximum pressure?', content: 'Locked right away', userId: MEMBER });
    h.fake.updateThread(id(locked), { locked: true });
    h.fake.failNext({ method: 'POST', path: new RegExp(`^/channels/${id(help)}/messages$`) }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    const denied = h.fake.post(id(help), { content: 'what is maximum pressure, really?', userId: MEMBER });
    await until(() => (h.logs.some((l) => l.includes('could not post the answer') && l.includes(id(denied)) && l.includes('50013')) ? true : undefined), 'the 50013 log line');
    await until(() => (h.logs.some((l) => l.includes('could not post the answer') && l.includes(id(locked))) ? true : undefined), 'the locked log line');
    expect(botMessages(id(locked))).toHaveLength(0);

    const { thread } = h.fake.forumPost(id(forum), { title: 'What is maximum pressure?', content: 'Asking again', userId: MEMBER });
    h.fake.failNext({ method: 'POST', path: new RegExp(`^/channels/${id(thread)}/messages$`) }, { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false, code: 0 } });
    await nextBotMessage(id(thread), 0);
    await sleep(300);
    expect(botMessages(id(thread))).toHaveLength(1);
  });

  it('given a storm of 200 questions in a minute, then only a few answers and the bot still answers elsewhere', async () => {
    for (let i = 0; i < 200; i++) h.fake.post(id(storm), { content: `what is maximum pressure? (${i})`, userId: `3000000000000001${String(i).padStart(2, '0')}` });
    await until(() => (botMessages(storm).length >= 3 ? true : undefined), 'the first answers');
    await quietWhile([], () => undefined);
    expect(botMessages(storm)).toHaveLength(3);
  });
});

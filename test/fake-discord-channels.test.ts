import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelType, Client, DiscordAPIError, Events, GatewayIntentBits, Partials, type Message, type ThreadChannel } from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';

const INTENTS = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent;
let fake: FakeDiscord;
let client: Client;
let forumId: string;
const messages: Message[] = [];
const threads: { thread: ThreadChannel; newly: boolean }[] = [];

function nextMessage(where: (m: Message) => boolean): Promise<Message> {
  const seen = messages.find(where);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const on = (m: Message) => {
      if (!where(m)) return;
      client.off(Events.MessageCreate, on);
      resolve(m);
    };
    client.on(Events.MessageCreate, on);
  });
}

async function apiError(p: Promise<unknown>): Promise<DiscordAPIError> {
  const e = await p.then(() => undefined, (error: unknown) => error);
  expect(e).toBeInstanceOf(DiscordAPIError);
  return e as DiscordAPIError;
}

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  // Created before the bot connects: GUILD_CREATE lists it.
  forumId = String(fake.createChannel({ type: 15, name: 'help-forum', tags: ['Solved', 'Bug'] }).id);
  client = new Client({ intents: INTENTS, partials: [Partials.Channel, Partials.Message], rest: { api: fake.apiUrl, retries: 0 } });
  client.on(Events.MessageCreate, (m) => void messages.push(m));
  client.on(Events.ThreadCreate, (thread, newly) => void threads.push({ thread, newly }));
  await client.login(fake.token);
  await fake.whenReady();
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe('channels and messages in the fake', () => {
  it('given a client asking for message intents, then identify reports them and the forum with its tags is cached', async () => {
    expect(fake.identified[0]!.intents).toBe(INTENTS);
    const forum = client.channels.cache.get(forumId);
    expect(forum?.type).toBe(ChannelType.GuildForum);
    expect((forum as { availableTags: { name: string }[] }).availableTags.map((t) => t.name)).toEqual(['Solved', 'Bug']);
  });

  it('given a member posts in a text channel created later, then the bot gets the message with its content and member, and can reply to it', async () => {
    const help = fake.createChannel({ type: 0, name: 'help' });
    const role = fake.createRole('Helpers', 0n);
    await new Promise((r) => setTimeout(r, 50));
    const sent = fake.post(String(help.id), { content: 'how do I reset my password?', userId: '300000000000000042', roles: [String(role.id)] });
    const got = await nextMessage((m) => m.id === sent.id);
    expect(got.content).toBe('how do I reset my password?');
    expect(got.member?.roles.cache.has(String(role.id))).toBe(true);
    const reply = await got.reply({ content: 'See the FAQ', allowedMentions: { parse: [], repliedUser: false } });
    expect(reply.reference?.messageId).toBe(sent.id);
    expect(fake.messagesIn(String(help.id)).map((m) => m.content)).toEqual(['how do I reset my password?', 'See the FAQ']);
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${String(help.id)}/messages`)!;
    expect(post.body).toMatchObject({ message_reference: { message_id: sent.id }, allowed_mentions: { parse: [], replied_user: false } });
  });

  it('given a forum post, then THREAD_CREATE arrives newly created and the starter message has the thread id', async () => {
    const { thread, message } = fake.forumPost(forumId, { title: 'Login broken', content: 'It says error 42', userId: '300000000000000043' });
    expect(message.id).toBe(thread.id);
    const starter = await nextMessage((m) => m.id === thread.id);
    expect(starter.channel.isThread()).toBe(true);
    expect((starter.channel as ThreadChannel).parentId).toBe(forumId);
    expect(threads.find((t) => t.thread.id === thread.id)?.newly).toBe(true);
    expect((await client.channels.fetch(String(thread.id)) as ThreadChannel).ownerId).toBe('300000000000000043');
  });

  it('given tags applied to a post, then known tags are kept and an unknown one is refused with 50035', async () => {
    const { thread } = fake.forumPost(forumId, { title: 'Tag me', content: 'please?' });
    const t = (await client.channels.fetch(String(thread.id))) as ThreadChannel;
    const solved = (fake.channel(forumId)!.available_tags as { id: string; name: string }[])[0]!;
    await t.setAppliedTags([solved.id]);
    expect(fake.channel(String(thread.id))!.applied_tags).toEqual([solved.id]);
    const e = await apiError(t.setAppliedTags(['123456789012345678']));
    expect([e.status, e.code]).toEqual([400, 50035]);
  });

  it('given an invalid message body, then 50035; and a reply to a deleted message, then 50035 on message_reference', async () => {
    const help = fake.createChannel({ type: 0, name: 'help-2' });
    await new Promise((r) => setTimeout(r, 50));
    const channel = await client.channels.fetch(String(help.id));
    if (!channel?.isSendable()) throw new Error('not sendable');
    expect((await apiError(channel.send({ content: 'x'.repeat(2001) }))).code).toBe(50035);
    const sent = fake.post(String(help.id), { content: 'question?' });
    fake.deleteMessage(String(help.id), String(sent.id));
    const e = await apiError(channel.send({ content: 'answer', reply: { messageReference: String(sent.id) } }));
    expect(e.rawError).toMatchObject({ code: 50035, errors: { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE' }] } } });
    expect((await apiError(channel.messages.fetch(String(sent.id)))).code).toBe(10008);
  });

  it('given a locked thread, then posting is refused with 50013; an archived one is reopened by a post', async () => {
    const { thread } = fake.forumPost(forumId, { title: 'Old', content: 'old question' });
    const id = String(thread.id);
    const t = (await client.channels.fetch(id)) as ThreadChannel;
    fake.updateThread(id, { locked: true });
    expect((await apiError(t.send({ content: 'hi' }))).code).toBe(50013);
    fake.updateThread(id, { locked: false, archived: true });
    await t.send({ content: 'hi' });
    expect((fake.channel(id)!.thread_metadata as { archived: boolean }).archived).toBe(false);
  });

  it('given injected faults on a channel route, then discord.js sees them', async () => {
    const help = fake.createChannel({ type: 0, name: 'help-3' });
    await new Promise((r) => setTimeout(r, 50));
    const channel = await client.channels.fetch(String(help.id));
    if (!channel?.isSendable()) throw new Error('not sendable');
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    expect((await apiError(channel.send({ content: 'a' }))).code).toBe(50001);
    fake.failNext({ method: 'GET', path: /^\/channels\/\d+$/ }, { status: 404, body: { message: 'Unknown Channel', code: 10003 } });
    expect((await apiError(client.channels.fetch(String(help.id), { force: true }))).code).toBe(10003);
  });

  it('given a duplicate delivery, then the same message goes out again under a new sequence number', async () => {
    const help = fake.createChannel({ type: 0, name: 'help-4' });
    await new Promise((r) => setTimeout(r, 50));
    const sent = fake.post(String(help.id), { content: 'twice?' });
    const event = fake.dispatched.findLast((d) => d.t === 'MESSAGE_CREATE' && (d.d as { id: string }).id === sent.id)!;
    const raw: { t: string; s: number; id?: string }[] = [];
    client.on(Events.Raw, (p: { t: string; s: number; d: { id?: string } }) => void raw.push({ t: p.t, s: p.s, id: p.d?.id }));
    fake.redeliver(event);
    await new Promise((r) => setTimeout(r, 100));
    const again = raw.filter((p) => p.t === 'MESSAGE_CREATE' && p.id === sent.id && p.s > event.s);
    expect(again).toHaveLength(1);
    expect(again[0]!.s).toBeGreaterThan(event.s);
  });
});

describe('intents in the fake', () => {
  it('given a client without Message Content, then guild messages arrive with empty content; without Guild Messages, not at all', async () => {
    const other = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    const seen: Message[] = [];
    const c = new Client({ intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages, rest: { api: other.apiUrl } });
    c.on(Events.MessageCreate, (m) => void seen.push(m));
    try {
      await c.login(other.token);
      await other.whenReady();
      other.post(other.guilds[0]!.channelId, { content: 'secret words' });
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.map((m) => m.content)).toEqual(['']);
    } finally {
      await c.destroy();
    }
    const quiet = new Client({ intents: GatewayIntentBits.Guilds, rest: { api: other.apiUrl } });
    const heard: Message[] = [];
    quiet.on(Events.MessageCreate, (m) => void heard.push(m));
    try {
      await quiet.login(other.token);
      await other.whenReady();
      const d = other.dispatched.length;
      other.post(other.guilds[0]!.channelId, { content: 'unheard' });
      await new Promise((r) => setTimeout(r, 100));
      expect(heard).toEqual([]);
      expect(other.dispatched.slice(d).every((e) => e.withheld)).toBe(true);
    } finally {
      await quiet.destroy();
      await other.close();
    }
  });

  it('given Message Content not enabled for the application, then the gateway closes with 4014', async () => {
    const other = await startFakeDiscord({ heartbeatIntervalMs: 1000, privilegedIntents: 0 });
    const c = new Client({ intents: INTENTS, rest: { api: other.apiUrl } });
    const closes: number[] = [];
    c.on(Events.ShardDisconnect, (e) => void closes.push(e.code));
    try {
      const outcome = await Promise.race([
        c.login(other.token).then(() => 'logged in', (e: Error) => `rejected: ${e.message}`),
        new Promise((r) => setTimeout(() => r('timeout'), 3000)),
      ]);
      expect(other.identified.map((i) => i.intents)).toEqual([INTENTS]);
      expect(outcome).toBe('rejected: Used disallowed intents');
      expect(closes).toEqual([4014]);
    } finally {
      await c.destroy();
      await other.close();
    }
  });
});

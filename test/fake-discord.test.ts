import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';

let fake: FakeDiscord;
let client: Client;
let rest: REST;

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isChatInputCommand() && interaction.commandName === 'ping') {
      await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
    }
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
  // A bare REST client with retries off, so rejected bodies surface as errors instead of being retried.
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

/** A callback that is not expected to be answered by the bot (no listener handles 'manual'). */
function manualInteraction() {
  return fake.slash('manual', []);
}

async function restError(p: Promise<unknown>): Promise<DiscordAPIError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(DiscordAPIError);
  return e as DiscordAPIError;
}

describe('fake discord with a real discord.js client', () => {
  it('given a logged-in client, then it identified with the Guilds intent and sees the fake guild', async () => {
    await fake.whenReady();
    expect(fake.identified[0]).toMatchObject({ shard: [0, 1], intents: GatewayIntentBits.Guilds });
    expect(client.guilds.cache.get(fake.guilds[0]!.id)?.name).toBe(fake.guilds[0]!.name);
    expect(client.user?.id).toBe(fake.botUser.id);
  });

  it('given a /ping slash command, then the member sees pong with mentions disabled', async () => {
    const ping = fake.slash('ping', []);
    const response = await ping.response();
    expect(response).toEqual({ type: 4, data: expect.objectContaining({ content: 'pong', allowed_mentions: { parse: [] } }) });
    expect(ping.responses().map((r) => r.status)).toEqual([204]);
    expect(ping.respondedAt! - ping.dispatchedAt).toBeLessThan(3000);
  });

  it('given a 2001-character reply, then Discord rejects it with 50035 Invalid Form Body', async () => {
    const i = manualInteraction();
    const e = await restError(rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'x'.repeat(2001) } }, auth: false }));
    expect(e.status).toBe(400);
    expect(e.code).toBe(50035);
    expect(e.rawError).toMatchObject({ errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
  });

  it('given an interaction answered twice, then the second callback gets 40060', async () => {
    const i = manualInteraction();
    await rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'first' } }, auth: false });
    const e = await restError(rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'again' } }, auth: false }));
    expect([e.status, e.code]).toEqual([400, 40060]);
    expect((await i.response()).data?.content).toBe('first');
  });

  it('given a command bulk overwrite with default_member_permissions "32", then it is accepted', async () => {
    const body = [{ name: 'faq', description: 'Ask the FAQ', default_member_permissions: '32', options: [{ type: 3, name: 'question', description: 'What to ask', required: true }] }];
    const saved = (await rest.put(Routes.applicationCommands(fake.applicationId), { body })) as { name: string; default_member_permissions: string }[];
    expect(saved).toMatchObject([{ name: 'faq', default_member_permissions: '32' }]);
  });

  it('given a command with an invalid option type, then the bulk overwrite fails with 50035', async () => {
    const body = [{ name: 'faq', description: 'Ask the FAQ', options: [{ type: 99, name: 'question', description: 'What to ask' }] }];
    const e = await restError(rest.put(Routes.applicationCommands(fake.applicationId), { body }));
    expect([e.status, e.code]).toEqual([400, 50035]);
    expect(e.rawError).toMatchObject({ errors: { '0': { options: { '0': { _errors: [{ code: 'UNION_TYPE_CHOICES' }] } } } } });
  });

  it('given dropped gateway connections, then the client resumes and answers again', async () => {
    fake.dropConnections();
    await new Promise((r) => setTimeout(r, 50));
    await fake.whenReady(1, 10_000);
    expect(fake.dispatched.some((d) => d.t === 'RESUMED')).toBe(true);
    const ping = fake.slash('ping', []);
    expect((await ping.response()).data?.content).toBe('pong');
  });
});

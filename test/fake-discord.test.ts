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

  describe('select menus and modals', () => {
    const input = (customId: string, extra: Record<string, unknown> = {}) => ({ type: 18, label: 'Field', component: { type: 4, custom_id: customId, style: 1, ...extra } });
    const callback = (i: { id: string; token: string }, body: unknown) => rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false });
    const button = () => fake.button('open', {});

    it('given a modal of five labelled text inputs, then it is shown; six, a 46-character label or a duplicated field get 50035', async () => {
      const ok = button();
      await callback(ok, { type: 9, data: { custom_id: 'm', title: 'Five fields', components: ['a', 'b', 'c', 'd', 'e'].map((id) => input(id)) } });
      expect((await ok.response()).type).toBe(9);
      const six = await restError(callback(button(), { type: 9, data: { custom_id: 'm', title: 'Six', components: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => input(id)) } }));
      expect(six.rawError).toMatchObject({ errors: { data: { components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
      const label = await restError(callback(button(), { type: 9, data: { custom_id: 'm', title: 'Long label', components: [{ ...input('a'), label: 'x'.repeat(46) }] } }));
      expect(label.code).toBe(50035);
      const twice = await restError(callback(button(), { type: 9, data: { custom_id: 'm', title: 'Twice', components: [input('a'), input('a')] } }));
      expect(twice.rawError).toMatchObject({ errors: { data: { components: { '1': { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } } });
    });

    it('given a modal answered to a modal submit, then it is refused; the submit carries the values as typed, within the fields\' limits', async () => {
      const opened = button();
      const modal = { custom_id: 'draft', title: 'Draft', components: [input('q', { value: 'pre-filled', max_length: 20 }), input('note', { required: false })] };
      await callback(opened, { type: 9, data: modal });
      expect(() => fake.submitModal(modal, { q: 'x'.repeat(21) })).toThrow(/allows 20/);
      expect(() => fake.submitModal(modal, { nope: 'x' })).toThrow(/no field nope/);
      const submitted = fake.submitModal(modal, { note: 'hello' });
      expect(submitted.payload).toMatchObject({
        type: 5,
        data: { custom_id: 'draft', components: [{ type: 18, component: { custom_id: 'q', value: 'pre-filled' } }, { type: 18, component: { custom_id: 'note', value: 'hello' } }] },
      });
      const again = await restError(callback(submitted, { type: 9, data: modal }));
      expect(again.rawError).toMatchObject({ errors: { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID' }] } } });
    });

    it('given a select menu beside a button, or with a duplicated value, then the message gets 50035; a member can only pick what it offers', async () => {
      const select = { type: 3, custom_id: 'pick', options: [{ label: 'One', value: 'one' }, { label: 'Two', value: 'two' }] };
      const ok = manualInteraction();
      await callback(ok, { type: 4, data: { content: 'pick one', components: [{ type: 1, components: [select] }] } });
      expect((await ok.response()).type).toBe(4);
      const crowded = await restError(callback(manualInteraction(), { type: 4, data: { content: 'x', components: [{ type: 1, components: [select, { type: 2, style: 1, label: 'B', custom_id: 'b' }] }] } }));
      expect(crowded.rawError).toMatchObject({ errors: { data: { components: { '0': { components: { _errors: [{ code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED' }] } } } } } });
      const dup = { ...select, options: [{ label: 'One', value: 'one' }, { label: 'Also one', value: 'one' }] };
      const twice = await restError(callback(manualInteraction(), { type: 4, data: { content: 'x', components: [{ type: 1, components: [dup] }] } }));
      expect(twice.code).toBe(50035);
      const message = { components: [{ type: 1, components: [select] }] };
      expect(() => fake.select('pick', ['three'], message)).toThrow(/does not offer three/);
      expect(fake.select('pick', ['two'], message).payload).toMatchObject({ type: 3, data: { custom_id: 'pick', component_type: 3, values: ['two'] } });
    });
  });
});

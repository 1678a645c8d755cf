import { performance } from 'node:perf_hooks';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommandInteractionDataOption, APIUser } from 'discord.js';
import { Channels, type MemberMessage } from './channels.js';
import { Gateway, PRIVILEGED_INTENTS, type Dispatched, type Identified } from './gateway.js';
import { ensureFocused, InteractionRegistry, type InteractionCtx, type InteractionHandle, type InteractionState, type RecordedRequest, type World } from './interactions.js';
import { forumTag, guildChannel, isThread, makeUser, role, snowflake, threadChannel, type GuildSeed } from './objects.js';
import { RestServer, type FaultMatch, type Reply } from './server.js';

export type { CallbackBody, InteractionCtx, InteractionHandle, RecordedRequest } from './interactions.js';
export type { Dispatched, Identified } from './gateway.js';
export type { FaultMatch, Reply } from './server.js';
export type { GuildSeed } from './objects.js';
export type { MemberMessage } from './channels.js';

type Obj = Record<string, unknown>;

export interface ChannelSpec {
  /** 0 text, 5 announcement, 15 forum, 16 media, 2 voice, 4 category... */
  type: number;
  name: string;
  /** Forum/media tags by name (each gets an id). */
  tags?: string[];
  guildId?: string;
  extra?: Obj;
}

export interface ForumPost {
  title: string;
  content: string;
  userId?: string;
  roles?: string[];
  attachments?: Obj[];
  /**
   * The order of the two gateway events: THREAD_CREATE then MESSAGE_CREATE (the usual case),
   * MESSAGE_CREATE first (it happens), or THREAD_CREATE alone.
   */
  order?: 'thread-first' | 'message-first' | 'thread-only';
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guilds?: { id: string; name?: string }[];
  /** Privileged intents enabled in the Developer Portal (default: all); asking for one not enabled closes with 4014. */
  privilegedIntents?: number;
  /** Shard count recommended by GET /gateway/bot (discord.js uses it with shards: 'auto'). */
  shards?: number;
  heartbeatIntervalMs?: number;
  /** Discord gives 3 s for the initial callback. */
  responseWindowMs?: number;
  /** Interaction tokens (follow-ups/edits) stay valid 15 minutes. */
  tokenLifetimeMs?: number;
}

export interface TargetMessage {
  id: string;
  content: string;
  author: Partial<APIUser> & { id: string };
  embeds?: unknown[];
  attachments?: unknown[];
}

export interface FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly GuildSeed[];
  /** Every REST request, including rejected and fault-injected ones. */
  readonly requests: RecordedRequest[];
  /** Every gateway dispatch with the shard it was routed to. */
  readonly dispatched: Dispatched[];
  readonly identified: Identified[];
  /** Clears recorded requests/dispatches and pending faults; sessions and commands survive. */
  reset(): void;
  failNext(match: FaultMatch, reply: Reply, times?: number): void;
  /** Resolves once shardCount shards (default: opts.shards) hold a READY or RESUMED socket. */
  whenReady(shardCount?: number, timeoutMs?: number): Promise<void>;
  dispatchEvent(t: string, d: unknown, guildId?: string | null): Dispatched;
  interaction(type: number, data: Record<string, unknown>, ctx?: InteractionCtx, message?: Record<string, unknown>): InteractionHandle;
  slash(name: string, options?: APIApplicationCommandInteractionDataOption[], ctx?: InteractionCtx): InteractionHandle;
  autocomplete(name: string, options: APIApplicationCommandInteractionDataOption[], ctx?: InteractionCtx): InteractionHandle;
  messageCommand(name: string, target: TargetMessage, ctx?: InteractionCtx): InteractionHandle;
  button(customId: string, message?: Record<string, unknown>, ctx?: InteractionCtx): InteractionHandle;
  /**
   * A member picks `values` in a string select menu. `message` is the message holding it (by
   * default one with a select offering exactly those values); a value the menu does not offer
   * cannot be picked, as in Discord's client.
   */
  select(customId: string, values: string[], message?: Record<string, unknown>, ctx?: InteractionCtx): InteractionHandle;
  /**
   * A member fills in and submits a modal the bot showed (the `data` of its type 9 callback):
   * MODAL_SUBMIT with the values by text input custom id. Discord's client enforces required
   * fields and lengths before sending, so values that break them throw here.
   */
  submitModal(modal: Record<string, unknown>, values: Record<string, string>, ctx?: InteractionCtx): InteractionHandle;
  dropConnections(code?: number): void;
  /** Quiet the open sockets; with forever, every later connection too. */
  silence(forever?: boolean): void;
  /**
   * Deliver interactions some other way than the gateway (e.g. signed HTTP to the bot's
   * endpoint); null restores the gateway. The handle's shard is then -1.
   */
  useTransport(transport: ((payload: Record<string, unknown>) => void) | null): void;
  /** A role in the guild (before the bot connects, or announced with GUILD_ROLE_CREATE after). */
  createRole(name: string, permissions: bigint, guildId?: string): Obj;
  /** A channel; announced with CHANNEL_CREATE once the bot is connected. */
  createChannel(spec: ChannelSpec): Obj;
  channel(id: string): Obj | undefined;
  /** A member posts in a channel or thread: MESSAGE_CREATE. */
  post(channelId: string, message: MemberMessage): Obj;
  /** A member opens a forum (or media) post: THREAD_CREATE, then MESSAGE_CREATE of the starter message, whose id is the thread's. */
  forumPost(forumId: string, post: ForumPost): { thread: Obj; message: Obj };
  /** Delivers an earlier event once more, as a resumed or duplicated gateway would. */
  redeliver(event: Dispatched, guildId?: string | null): Dispatched;
  /** Every message in a channel or thread, the bot's included, oldest first. */
  messagesIn(channelId: string): Obj[];
  /** Archive, lock or retag a thread as a moderator would (THREAD_UPDATE). */
  updateThread(threadId: string, patch: Obj): void;
  deleteMessage(channelId: string, messageId: string): void;
  deleteChannel(channelId: string): void;
  close(): Promise<void>;
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = opts.token ?? 'fake-token';
  const applicationId = opts.applicationId ?? '1200000000000000001';
  const shards = opts.shards ?? 1;
  // Modern bots share their user id with their application id.
  const botUser = makeUser({ id: applicationId, username: 'FakeBot', bot: true, verified: true, mfa_enabled: false } as APIUser);
  const guilds: GuildSeed[] = (opts.guilds ?? [{ id: '1300000000000000001' }]).map((g, i) => ({
    id: g.id,
    name: g.name ?? `Fake Guild ${i + 1}`,
    channelId: snowflake(),
    ownerId: '300000000000000000',
    channels: [],
    roles: [],
  }));
  let gateway: Gateway | undefined;
  // Before any shard has identified there is nobody to tell: GUILD_CREATE will list it.
  const connected = (): boolean => gateway !== undefined && gateway.identified.length > 0;
  const channels = new Channels(guilds, botUser, (t, d, guildId) => {
    if (connected()) gateway!.dispatch(t, d, guildId);
  });
  const world: World = { applicationId, botUser, guilds, commandIds: new Map(), channelOf: (id) => channels.get(id) };
  const registry = new InteractionRegistry(world);
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  const rest = new RestServer(
    { token, applicationId, botUser, guilds, shards, gatewayUrl, responseWindowMs: opts.responseWindowMs ?? 3000, tokenLifetimeMs: opts.tokenLifetimeMs ?? 15 * 60_000, channels },
    registry,
    world.commandIds,
  );
  const server = createServer((req, res) => void rest.handle(req, res));
  gateway = new Gateway(server, {
    token, botUser, applicationId, guilds, heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250, url: gatewayUrl,
    privilegedIntents: opts.privilegedIntents ?? PRIVILEGED_INTENTS,
  });
  const gw = gateway;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  let transport: ((payload: Record<string, unknown>) => void) | null = null;
  const send = (state: InteractionState): InteractionHandle => {
    if (transport) {
      state.dispatchedAt = performance.now();
      transport(state.payload);
      return registry.handle(state, -1);
    }
    const rec = gw.dispatch('INTERACTION_CREATE', state.payload, state.guildId);
    state.dispatchedAt = rec.at;
    return registry.handle(state, rec.shard);
  };
  // Component messages must live in the same channel the interaction reports, so pin it down first.
  const placed = (ctx: InteractionCtx = {}): InteractionCtx & { channelId: string } => {
    const guild = ctx.guildId === null ? undefined : guilds.find((g) => g.id === (ctx.guildId ?? guilds[0]?.id));
    return { ...ctx, channelId: ctx.channelId ?? guild?.channelId ?? snowflake() };
  };
  const guildOf = (ctx: InteractionCtx): string | null => (ctx.guildId === null ? null : (ctx.guildId ?? guilds[0]?.id ?? null));

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token,
    applicationId,
    botUser,
    guilds,
    requests: rest.requests,
    dispatched: gw.dispatched,
    identified: gw.identified,
    reset() {
      rest.reset();
      gw.dispatched.length = 0;
    },
    failNext: (match, reply, times = 1) => rest.failNext(match, reply, times),
    useTransport(next) {
      transport = next;
    },
    whenReady: (shardCount = shards, timeoutMs = 10_000) => gw.whenReady(shardCount, timeoutMs),
    dispatchEvent: (t, d, guildId) => gw.dispatch(t, d, guildId),
    interaction: (type, data, ctx, message) => send(registry.build(type, data, ctx, message)),
    slash: (name, options = [], ctx) => send(registry.build(2, registry.commandData(name, 1, { options }), ctx)),
    autocomplete: (name, options, ctx) => send(registry.build(4, registry.commandData(name, 1, { options: ensureFocused(options) }), ctx)),
    messageCommand(name, target, ctx) {
      const c = placed(ctx);
      const msg = registry.message(target as unknown as Record<string, unknown>, c.channelId, guildOf(c), false);
      return send(registry.build(2, registry.commandData(name, 3, { target_id: target.id, resolved: { messages: { [target.id]: msg } } }), c));
    },
    button(customId, message = {}, ctx) {
      const c = placed(ctx);
      const partial = { components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: customId, label: 'Button' }] }], ...message };
      const msg = registry.message(partial, c.channelId, guildOf(c), true);
      return send(registry.build(3, { custom_id: customId, component_type: 2 }, c, msg));
    },
    select(customId, values, message, ctx) {
      const c = placed(ctx);
      const partial = message ?? { components: [{ type: 1, components: [{ type: 3, custom_id: customId, options: values.map((v) => ({ label: v, value: v })) }] }] };
      const offered = selectOptions(partial, customId);
      if (offered === undefined) throw new Error(`fake-discord: the message has no select menu ${customId}`);
      const missing = values.filter((v) => !offered.includes(v));
      if (missing.length > 0) throw new Error(`fake-discord: the select menu does not offer ${missing.join(', ')}`);
      const msg = registry.message(partial, c.channelId, guildOf(c), true);
      return send(registry.build(3, { custom_id: customId, component_type: 3, values }, c, msg));
    },
    submitModal(modal, values, ctx) {
      return send(registry.build(5, { custom_id: modal.custom_id, components: modalSubmission(modal, values) }, placed(ctx)));
    },
    dropConnections: (code = 4000) => gw.dropConnections(code),
    silence: (forever?: boolean) => gw.silence(forever),
    createRole(name, permissions, guildId = guilds[0]!.id) {
      const guild = guilds.find((g) => g.id === guildId)!;
      const r = role(snowflake(), name, permissions, guild.roles.length + 1);
      guild.roles.push(r);
      if (connected()) gw.dispatch('GUILD_ROLE_CREATE', { guild_id: guildId, role: r }, guildId);
      return r;
    },
    createChannel(spec) {
      const guildId = spec.guildId ?? guilds[0]!.id;
      const tags = spec.tags?.map(forumTag);
      return channels.add(guildId, guildChannel(guildId, spec.type, spec.name, { ...(tags ? { available_tags: tags } : {}), ...spec.extra }), connected());
    },
    channel: (id) => channels.get(id),
    post: (channelId, message) => channels.memberMessage(channelId, message),
    forumPost(forumId, post) {
      const forum = channels.get(forumId);
      if (!forum || (forum.type !== 15 && forum.type !== 16)) throw new Error(`fake-discord: ${forumId} is not a forum or media channel`);
      const userId = post.userId ?? '300000000000000001';
      const guildId = String(forum.guild_id);
      const order = post.order ?? 'thread-first';
      const thread = channels.add(guildId, threadChannel(guildId, forumId, userId, post.title), connected() && order !== 'message-first');
      const message = channels.memberMessage(String(thread.id), {
        content: post.content, userId, roles: post.roles ?? [], attachments: post.attachments ?? [], id: String(thread.id), undelivered: order === 'thread-only',
      });
      if (order === 'message-first' && connected()) channels.announce(thread);
      return { thread, message };
    },
    redeliver: (event, guildId) => gw.dispatch(event.t, event.d, guildId ?? ((event.d as Obj).guild_id as string | undefined) ?? null),
    messagesIn: (channelId) => channels.messagesIn(channelId),
    updateThread(threadId, patch) {
      const thread = channels.get(threadId);
      if (!thread || !isThread(thread)) throw new Error(`fake-discord: ${threadId} is not a thread`);
      channels.patchThread(thread, patch);
    },
    deleteMessage: (channelId, messageId) => channels.deleteMessage(channelId, messageId),
    deleteChannel: (channelId) => channels.deleteChannel(channelId),
    async close() {
      await gw.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The values a message's select menu offers, or undefined when it has no such menu. */
function selectOptions(message: Obj, customId: string): string[] | undefined {
  for (const row of (message.components as Obj[] | undefined) ?? []) {
    for (const c of (row.components as Obj[] | undefined) ?? []) {
      if (c.type === 3 && c.custom_id === customId) return ((c.options as Obj[] | undefined) ?? []).map((o) => String(o.value));
    }
  }
  return undefined;
}

/**
 * The components of a MODAL_SUBMIT, shaped like the modal: a label (type 18) or an action
 * row around each text input, each with its value. Checks what Discord's client checks.
 */
function modalSubmission(modal: Obj, values: Record<string, string>): Obj[] {
  let nextId = 1;
  const known = new Set<string>();
  const input = (c: Obj): Obj => {
    if (c.type !== 4) throw new Error(`fake-discord: only text inputs can be filled in (got type ${String(c.type)})`);
    const id = String(c.custom_id);
    known.add(id);
    const value = values[id] ?? String(c.value ?? '');
    const required = c.required !== false;
    if (required && value === '') throw new Error(`fake-discord: the modal's field ${id} is required`);
    if (typeof c.max_length === 'number' && value.length > c.max_length) throw new Error(`fake-discord: ${id} allows ${c.max_length} characters`);
    if (typeof c.min_length === 'number' && value !== '' && value.length < c.min_length) throw new Error(`fake-discord: ${id} needs ${c.min_length} characters`);
    return { type: 4, id: nextId++, custom_id: id, value };
  };
  const out = ((modal.components as Obj[] | undefined) ?? []).map((top): Obj => {
    if (top.type === 18) return { type: 18, id: nextId++, component: input(top.component as Obj) };
    if (top.type === 1) return { type: 1, id: nextId++, components: ((top.components as Obj[]) ?? []).map(input) };
    return { type: top.type, id: nextId++ };
  });
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`fake-discord: the modal has no field ${unknown.join(', ')}`);
  return out;
}

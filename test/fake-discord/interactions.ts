import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { APIApplicationCommandInteractionDataOption, APIUser } from 'discord.js';
import { ALL_PERMISSIONS, EVERYONE_PERMISSIONS, guildMember, makeUser, messageFromBody, randomToken, snowflake, textChannel, type GuildSeed } from './objects.js';
import { untilChange } from './until.js';

type Obj = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** Without the /api/v10 prefix and without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  files?: { name: string; size: number; contentType: string }[];
  status: number;
  headers: Record<string, string>;
  response: unknown;
  at: number;
}

export interface CallbackBody {
  type: number;
  data?: Obj;
}

export interface InteractionCtx {
  userId?: string;
  user?: Partial<APIUser>;
  /** undefined = first configured guild, null = a DM with the bot (or, with privateChannel, another private channel). */
  guildId?: string | null;
  /**
   * With guildId null: the command is used in a private channel the bot is not part of (a
   * DM between members, or a group DM), through the app installed to the member's account
   * (context 2), instead of in the bot's own DM (context 1).
   */
  privateChannel?: 'dm' | 'group-dm';
  /** In a server: the app is installed to the member's account, not to the server. */
  userInstall?: boolean;
  channelId?: string;
  roles?: string[];
  permissions?: bigint | string;
  appPermissions?: bigint | string;
  resolved?: Obj;
  locale?: string;
}

export interface InteractionState {
  id: string;
  token: string;
  type: number;
  payload: Obj;
  guildId: string | null;
  channelId: string;
  user: APIUser;
  createdAt: number;
  dispatchedAt: number;
  respondedAt?: number;
  callback?: CallbackBody;
  /** The message @original resolves to: our reply, or the clicked message after type 6/7. */
  original?: Obj;
  followups: Map<string, Obj>;
  calls: RecordedRequest[];
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: Obj;
  readonly shard: number;
  /** performance.now() when the INTERACTION_CREATE was handed to the socket. */
  readonly dispatchedAt: number;
  /** performance.now() when the first accepted callback arrived. */
  readonly respondedAt: number | undefined;
  /** The first accepted callback body; rejects after timeoutMs (default 5000). */
  response(timeoutMs?: number): Promise<CallbackBody>;
  /** Every REST call made for this interaction (callback, webhook edits, follow-ups) in order, failures included. */
  responses(): RecordedRequest[];
  waitFor(n: number, timeoutMs?: number): Promise<RecordedRequest[]>;
}

export interface World {
  applicationId: string;
  botUser: APIUser;
  guilds: GuildSeed[];
  commandIds: Map<string, string>;
  /** The channels the fake knows (forums, threads...), so an interaction there reports the real channel. */
  channelOf: (id: string) => Obj | undefined;
}

export class InteractionRegistry extends EventEmitter {
  private readonly byId = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();

  constructor(private readonly world: World) {
    super();
    // Every waiting test handle listens for changes; a busy test has many at once.
    this.setMaxListeners(0);
  }

  get(id: string): InteractionState | undefined {
    return this.byId.get(id);
  }

  getByToken(token: string): InteractionState | undefined {
    return this.byToken.get(token);
  }

  /** Called by the REST side after recording so waiters wake up. */
  touched(): void {
    this.emit('change');
  }

  private until<T>(probe: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    return untilChange(this, probe, timeoutMs, () => `fake-discord: timed out after ${timeoutMs}ms waiting for ${what()}`);
  }

  build(type: number, data: Obj, ctx: InteractionCtx = {}, message?: Obj): InteractionState {
    const w = this.world;
    const guild = ctx.guildId === null ? undefined : ctx.guildId === undefined ? w.guilds[0] : w.guilds.find((g) => g.id === ctx.guildId);
    if (ctx.guildId && !guild) throw new Error(`fake-discord: unknown guild ${ctx.guildId}`);
    const user = makeUser({ id: ctx.userId ?? '300000000000000001', ...ctx.user });
    const id = snowflake();
    const token = randomToken();
    const channelId = ctx.channelId ?? guild?.channelId ?? snowflake();
    const perms = (v: bigint | string | undefined, dflt: string): string => (v === undefined ? dflt : String(v));
    const payload: Obj = {
      id,
      application_id: w.applicationId,
      type,
      data: ctx.resolved ? { ...data, resolved: ctx.resolved } : data,
      token,
      version: 1,
      locale: ctx.locale ?? 'en-US',
      app_permissions: perms(ctx.appPermissions, ALL_PERMISSIONS),
      entitlements: [],
      attachment_size_limit: 10485760,
      ...(guild
        ? {
            guild: { id: guild.id, locale: 'en-US', features: [] },
            guild_id: guild.id,
            guild_locale: 'en-US',
            channel: (ctx.channelId ? w.channelOf(ctx.channelId) : undefined) ?? { ...textChannel(guild), ...(ctx.channelId ? { id: ctx.channelId } : {}) },
            channel_id: channelId,
            member: { ...guildMember(user, ctx.roles ?? []), permissions: perms(ctx.permissions, EVERYONE_PERMISSIONS) },
            authorizing_integration_owners: ctx.userInstall ? { '1': user.id } : { '0': guild.id },
            context: 0,
          }
        : ctx.privateChannel
          ? {
              channel: privateChannel(ctx.privateChannel, channelId, user),
              channel_id: channelId,
              user,
              // Only a user install reaches private channels: the owner is the member.
              authorizing_integration_owners: { '1': user.id },
              context: 2,
            }
          : {
              channel: { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [user] },
              channel_id: channelId,
              user,
              // Guild-installed apps used in the bot's DM report "0" as the guild owner.
              authorizing_integration_owners: { '0': '0' },
              context: 1,
            }),
      ...(message ? { message } : {}),
    };
    const state: InteractionState = {
      id, token, type, payload, user, channelId,
      guildId: guild?.id ?? null,
      createdAt: performance.now(),
      dispatchedAt: performance.now(),
      followups: new Map(),
      calls: [],
      ...(message ? { original: message } : {}),
    };
    this.byId.set(id, state);
    this.byToken.set(token, state);
    return state;
  }

  commandData(name: string, type: number, extra: Obj): Obj {
    let id = this.world.commandIds.get(`${type}:${name}`);
    if (!id) this.world.commandIds.set(`${type}:${name}`, (id = snowflake()));
    return { id, name, type, ...extra };
  }

  /** A full message as Discord would resolve it (context-menu targets, clicked messages). */
  message(partial: Obj, channelId: string, guildId: string | null, byBot: boolean): Obj {
    const author = byBot ? this.world.botUser : makeUser({ id: '300000000000000002', ...(partial.author as Obj | undefined) } as APIUser);
    const base = messageFromBody(String(partial.id ?? snowflake()), partial, { channelId, guildId, author, ...(byBot ? { applicationId: this.world.applicationId } : {}) });
    return { ...base, ...partial, author, channel_id: channelId };
  }

  handle(state: InteractionState, shard: number): InteractionHandle {
    return {
      id: state.id,
      token: state.token,
      payload: state.payload,
      shard,
      get dispatchedAt() { return state.dispatchedAt; },
      get respondedAt() { return state.respondedAt; },
      response: (timeoutMs = 5000) =>
        this.until(() => state.callback, timeoutMs, () => `a callback to interaction ${state.id}; got ${describe(state.calls)}`),
      responses: () => [...state.calls],
      waitFor: (n, timeoutMs = 5000) =>
        this.until(() => (state.calls.length >= n ? [...state.calls] : undefined), timeoutMs, () => `${n} calls for interaction ${state.id}; got ${describe(state.calls)}`),
    };
  }

  replyMessage(state: InteractionState, body: Obj, id = snowflake()): Obj {
    // 20 = CHAT_INPUT_COMMAND, 23 = CONTEXT_MENU_COMMAND, 19 = REPLY (component/modal answers).
    const commandType = (state.payload.data as Obj).type;
    return messageFromBody(id, body, {
      channelId: state.channelId,
      guildId: state.guildId,
      author: this.world.botUser,
      applicationId: this.world.applicationId,
      type: state.type === 2 ? (commandType === 1 ? 20 : 23) : 19,
      interaction: { id: state.id, type: state.type, user: state.user, guildId: state.guildId },
    });
  }
}

const describe = (calls: RecordedRequest[]): string =>
  calls.length ? calls.map((c) => `${c.method} ${c.path} -> ${c.status}`).join(', ') : 'nothing';

/** Marks the deepest last option focused when the caller did not say which one is being typed. */
export function ensureFocused(options: APIApplicationCommandInteractionDataOption[]): APIApplicationCommandInteractionDataOption[] {
  const flat: Obj[] = [];
  const walk = (opts: unknown[]): void => {
    for (const o of opts as Obj[]) {
      flat.push(o);
      if (Array.isArray(o.options)) walk(o.options);
    }
  };
  const copy = structuredClone(options) as unknown as Obj[];
  walk(copy);
  const focused = flat.filter((o) => o.focused === true);
  if (focused.length > 1) throw new Error('fake-discord: autocomplete allows only one focused option');
  if (focused.length === 0) {
    const leaf = [...flat].reverse().find((o) => o.type !== 1 && o.type !== 2);
    if (!leaf) throw new Error('fake-discord: autocomplete needs at least one value option');
    leaf.focused = true;
  }
  return copy as unknown as APIApplicationCommandInteractionDataOption[];
}

/** A DM between the member and someone else, or a group DM, as an interaction's partial channel. */
function privateChannel(kind: 'dm' | 'group-dm', id: string, user: APIUser): Obj {
  const other = makeUser({ id: '300000000000000099', username: 'friend' });
  return kind === 'dm'
    ? { id, type: 1, flags: 0, last_message_id: null, recipients: [other] }
    : { id, type: 3, flags: 0, last_message_id: null, name: 'study group', icon: null, owner_id: user.id, recipients: [user, other] };
}

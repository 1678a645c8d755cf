import * as spec from 'discord-api-spec/zod';
import type { APIUser } from 'discord.js';
import type { Reply } from './body.js';
import { guildMember, isThread, makeUser, messageFromBody, nowIso, snowflake, type GuildSeed } from './objects.js';
import { errorTree, isEmptyMessage, messageChecks, specCheck, type FieldError } from './validate.js';

type Obj = Record<string, unknown>;

const err = (status: number, code: number, message: string, extra: Obj = {}): Reply => ({ status, body: { message, code, ...extra } });
const formError = (errors: FieldError[]): Reply => err(400, 50035, 'Invalid Form Body', { errors: errorTree(errors) });
const UNKNOWN_CHANNEL = err(404, 10003, 'Unknown Channel');
const UNKNOWN_MESSAGE = err(404, 10008, 'Unknown Message');
const EMPTY_MESSAGE = err(400, 50006, 'Cannot send an empty message');
const ARCHIVED = err(400, 50083, 'Thread is archived');
const MISSING_PERMISSIONS = err(403, 50013, 'Missing Permissions');

/** What a member's message may carry; everything else is filled in as Discord would. */
export interface MemberMessage {
  content: string;
  userId?: string;
  user?: Partial<APIUser>;
  /** Role ids of the author in this guild (decides e.g. whether they can manage messages). */
  roles?: string[];
  /** A reply to this message id in the same channel. */
  replyTo?: string;
  attachments?: Obj[];
  /** Sent by a webhook rather than a member. */
  webhook?: boolean;
  /** The message id (a forum post's starter message takes the thread's id). */
  id?: string;
  /** Stored but not dispatched: a MESSAGE_CREATE the gateway never delivered. */
  undelivered?: boolean;
  /** Pinned in its channel. */
  pinned?: boolean;
}

export type Dispatch = (t: string, d: unknown, guildId: string) => void;

/**
 * Guild channels, threads and their messages: what the channel routes serve and the
 * events tests dispatch. Channels live in their GuildSeed, so GUILD_CREATE lists them.
 */
export class Channels {
  private readonly messages = new Map<string, Map<string, Obj>>();

  constructor(private readonly guilds: GuildSeed[], private readonly botUser: APIUser, private readonly dispatch: Dispatch) {}

  get(id: string): Obj | undefined {
    for (const g of this.guilds) {
      if (g.channelId === id) return { id, type: 0, guild_id: g.id, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0, topic: null, rate_limit_per_user: 0, last_message_id: null };
      const c = g.channels.find((x) => x.id === id);
      if (c) return c;
    }
    return undefined;
  }

  private guildOf(channel: Obj): GuildSeed {
    return this.guilds.find((g) => g.id === channel.guild_id)!;
  }

  /** Adds a channel (announced with CHANNEL_CREATE / THREAD_CREATE once a shard is connected). */
  add(guildId: string, channel: Obj, announce: boolean): Obj {
    const guild = this.guilds.find((g) => g.id === guildId);
    if (!guild) throw new Error(`fake-discord: unknown guild ${guildId}`);
    guild.channels.push(channel);
    if (announce) this.announce(channel);
    return channel;
  }

  /** CHANNEL_CREATE, or THREAD_CREATE for a new thread. */
  announce(channel: Obj): void {
    this.dispatch(isThread(channel) ? 'THREAD_CREATE' : 'CHANNEL_CREATE', isThread(channel) ? { ...channel, newly_created: true } : channel, String(channel.guild_id));
  }

  messagesIn(channelId: string): Obj[] {
    return [...(this.messages.get(channelId)?.values() ?? [])];
  }

  private store(channelId: string, msg: Obj): void {
    let box = this.messages.get(channelId);
    if (!box) this.messages.set(channelId, (box = new Map()));
    box.set(String(msg.id), msg);
    const channel = this.get(channelId);
    if (channel && channel.id !== this.guilds.find((g) => g.channelId === channelId)?.channelId) {
      channel.last_message_id = msg.id;
      if (isThread(channel)) {
        channel.message_count = Number(channel.message_count ?? 0) + 1;
        channel.total_message_sent = Number(channel.total_message_sent ?? 0) + 1;
      }
    }
  }

  /** A member (or webhook) posts: stored, then dispatched as MESSAGE_CREATE with its member. */
  memberMessage(channelId: string, m: MemberMessage): Obj {
    const channel = this.get(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const guildId = String(channel.guild_id);
    const author = m.webhook
      ? makeUser({ id: snowflake(), username: 'Webhook', bot: true, ...m.user } as APIUser)
      : makeUser({ id: m.userId ?? '300000000000000001', ...m.user });
    const referenced = m.replyTo ? this.messages.get(channelId)?.get(m.replyTo) : undefined;
    if (m.replyTo && !referenced) throw new Error(`fake-discord: no message ${m.replyTo} in ${channelId} to reply to`);
    const msg: Obj = {
      ...messageFromBody(m.id ?? snowflake(), { content: m.content, attachments: m.attachments ?? [] }, { channelId, guildId, author, type: referenced ? 19 : 0 }),
      mentions: mentionedUsers(m.content),
      pinned: m.pinned === true,
      mention_roles: [...m.content.matchAll(/<@&(\d+)>/g)].map((x) => x[1]),
      ...(m.webhook ? { webhook_id: author.id } : {}),
      ...(referenced
        ? { message_reference: { type: 0, channel_id: channelId, guild_id: guildId, message_id: referenced.id }, referenced_message: referenced }
        : {}),
    };
    this.store(channelId, msg);
    if (!m.undelivered) this.dispatch('MESSAGE_CREATE', { ...msg, ...(m.webhook ? {} : { member: withoutUser(guildMember(author, m.roles ?? [])) }) }, guildId);
    return msg;
  }

  // --- REST ---

  getChannel(id: string): Reply {
    const c = this.get(id);
    return c ? { status: 200, body: c } : UNKNOWN_CHANNEL;
  }

  /** GET /channels/{id}/messages: newest first, at most `limit` (50 unless asked, 100 at most). */
  listMessages(channelId: string, query: URLSearchParams): Reply {
    if (!this.get(channelId)) return UNKNOWN_CHANNEL;
    const limit = Number(query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return err(400, 50035, 'Invalid Form Body');
    const all = this.messagesIn(channelId).sort((a, b) => (BigInt(String(b.id)) > BigInt(String(a.id)) ? 1 : -1));
    return { status: 200, body: all.slice(0, limit) };
  }

  /** GET /channels/{id}/messages/pins: the pinned messages, newest first, with when they were pinned. */
  listPins(channelId: string): Reply {
    if (!this.get(channelId)) return UNKNOWN_CHANNEL;
    const pinned = this.messagesIn(channelId).filter((m) => m.pinned === true).sort((a, b) => (BigInt(String(b.id)) > BigInt(String(a.id)) ? 1 : -1));
    return { status: 200, body: { items: pinned.map((message) => ({ pinned_at: message.timestamp, message })), has_more: false } };
  }

  getMessage(channelId: string, messageId: string): Reply {
    if (!this.get(channelId)) return UNKNOWN_CHANNEL;
    const m = this.messages.get(channelId)?.get(messageId);
    return m ? { status: 200, body: m } : UNKNOWN_MESSAGE;
  }

  createMessage(channelId: string, body: unknown): Reply {
    const channel = this.get(channelId);
    if (!channel) return UNKNOWN_CHANNEL;
    const errors: FieldError[] = [];
    specCheck(spec.MessageCreateRequestSchema, body, errors);
    messageChecks(body, [], errors);
    const b = (body ?? {}) as Obj;
    const ref = b.message_reference as Obj | undefined;
    let reference: Obj | undefined;
    if (ref && typeof ref.message_id === 'string') {
      const target = this.messages.get(String(ref.channel_id ?? channelId))?.get(ref.message_id);
      if (target) reference = { type: 0, channel_id: target.channel_id, guild_id: channel.guild_id, message_id: target.id };
      else if (ref.fail_if_not_exists !== false)
        errors.push({ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' });
    }
    if (errors.length) return formError(errors);
    if (isEmptyMessage(b)) return EMPTY_MESSAGE;
    if (channel.type === 15 || channel.type === 16) return err(400, 50008, 'Cannot send messages in a non-text channel');
    if (isThread(channel)) {
      const meta = channel.thread_metadata as Obj;
      // A bot without Manage Threads cannot post in a locked thread; an archived, unlocked one is reopened by the post.
      if (meta.locked) return meta.archived ? ARCHIVED : MISSING_PERMISSIONS;
      if (meta.archived) this.patchThread(channel, { archived: false });
    }
    const msg: Obj = {
      ...messageFromBody(snowflake(), b, { channelId, guildId: String(channel.guild_id), author: this.botUser, type: reference ? 19 : 0 }),
      ...(reference ? { message_reference: reference } : {}),
    };
    this.store(channelId, msg);
    this.dispatch('MESSAGE_CREATE', msg, String(channel.guild_id));
    return { status: 200, body: msg };
  }

  modifyChannel(id: string, body: unknown): Reply {
    const channel = this.get(id);
    if (!channel) return UNKNOWN_CHANNEL;
    const errors: FieldError[] = [];
    specCheck(isThread(channel) ? spec.UpdateThreadRequestPartialSchema : spec.UpdateGuildChannelRequestPartialSchema, body, errors);
    const b = (body ?? {}) as Obj;
    if (isThread(channel) && Array.isArray(b.applied_tags)) {
      const parent = this.get(String(channel.parent_id));
      const known = new Set(((parent?.available_tags as Obj[] | undefined) ?? []).map((t) => t.id));
      if (b.applied_tags.length > 5) errors.push({ path: ['applied_tags'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
      b.applied_tags.forEach((t, i) => {
        if (!known.has(t)) errors.push({ path: ['applied_tags', i], code: 'CHANNEL_TAG_INVALID', message: 'Tag not found in the parent channel' });
      });
    }
    if (errors.length) return formError(errors);
    if (isThread(channel)) {
      const meta = channel.thread_metadata as Obj;
      // Editing a locked, archived thread needs Manage Threads, which the fake's bot does not have unless a test says so.
      if (meta.archived && meta.locked && b.archived !== false) return ARCHIVED;
      return { status: 200, body: this.patchThread(channel, b) };
    }
    for (const [k, v] of Object.entries(b)) if (v !== undefined) channel[k] = v;
    this.dispatch('CHANNEL_UPDATE', channel, String(channel.guild_id));
    return { status: 200, body: channel };
  }

  /** Changes a thread as Discord would (archive, lock, tags) and announces THREAD_UPDATE. */
  patchThread(thread: Obj, patch: Obj): Obj {
    const meta = { ...(thread.thread_metadata as Obj) };
    for (const k of ['archived', 'locked', 'auto_archive_duration', 'invitable'] as const) if (patch[k] !== undefined && patch[k] !== null) meta[k] = patch[k];
    if (patch.archived !== undefined) meta.archive_timestamp = nowIso();
    thread.thread_metadata = meta;
    for (const k of ['name', 'applied_tags', 'rate_limit_per_user', 'flags'] as const) if (patch[k] !== undefined && patch[k] !== null) thread[k] = patch[k];
    this.dispatch('THREAD_UPDATE', thread, String(thread.guild_id));
    return thread;
  }

  /** The message is gone (a member deleted it): later references to it fail like on Discord. */
  deleteMessage(channelId: string, messageId: string): void {
    this.messages.get(channelId)?.delete(messageId);
    const channel = this.get(channelId);
    if (channel) this.dispatch('MESSAGE_DELETE', { id: messageId, channel_id: channelId, guild_id: channel.guild_id }, String(channel.guild_id));
  }

  /** The channel (or forum post) is deleted. */
  deleteChannel(id: string): void {
    const channel = this.get(id);
    if (!channel) return;
    const guild = this.guildOf(channel);
    guild.channels.splice(guild.channels.indexOf(channel), 1);
    this.messages.delete(id);
    this.dispatch(isThread(channel) ? 'THREAD_DELETE' : 'CHANNEL_DELETE', isThread(channel) ? { id, guild_id: guild.id, parent_id: channel.parent_id, type: channel.type } : channel, guild.id);
  }
}

const mentionedUsers = (content: string): APIUser[] => [...content.matchAll(/<@!?(\d+)>/g)].map((x) => makeUser({ id: x[1]! }));

// MESSAGE_CREATE carries the author's member without its user (the author is the user).
function withoutUser(member: Obj): Obj {
  const { user: _user, ...rest } = member;
  return rest;
}

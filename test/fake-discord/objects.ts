import { randomBytes } from 'node:crypto';
import type { APIUser } from 'discord.js';

type Obj = Record<string, unknown>;

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** Real-shaped snowflakes so discord.js' timestamp getters and shard routing behave. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return String(((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment);
}

/** Interaction tokens are long opaque strings; tests only need them unguessable per run. */
export function randomToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;
}

export const nowIso = (): string => new Date().toISOString();

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function makeUser(partial: Partial<APIUser> & { id: string }): APIUser {
  return {
    username: `user${partial.id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: false,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
    ...partial,
  } as APIUser;
}

export interface GuildSeed {
  id: string;
  name: string;
  channelId: string;
  ownerId: string;
  /** Channels besides #general (forums, help channels, threads), as Discord would send them; mutated as tests create them. */
  channels: Obj[];
  /** Roles besides @everyone. */
  roles: Obj[];
}

// Member-level permissions that a typical @everyone role grants (view, send, history, embeds, ...).
export const EVERYONE_PERMISSIONS = '559623605571137';
export const ALL_PERMISSIONS = '2251799813685247';

export function textChannel(g: GuildSeed): Record<string, unknown> {
  return {
    id: g.channelId,
    type: 0,
    guild_id: g.id,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export const isThread = (c: Obj): boolean => c.type === 10 || c.type === 11 || c.type === 12;

export function role(id: string, name: string, permissions: bigint, position = 1): Obj {
  return {
    id, name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null,
    unicode_emoji: null, position, permissions: String(permissions), managed: false, mentionable: true, flags: 0,
  };
}

/** A guild channel of any type (0 text, 5 announcement, 15 forum, 16 media, 2 voice...) as GUILD_CREATE lists it. */
export function guildChannel(guildId: string, type: number, name: string, extra: Obj = {}): Obj {
  const base: Obj = {
    id: snowflake(), type, guild_id: guildId, name, position: 1, permission_overwrites: [], nsfw: false,
    parent_id: null, flags: 0, rate_limit_per_user: 0, last_message_id: null,
  };
  if (type === 15 || type === 16) {
    Object.assign(base, {
      topic: null, available_tags: [], default_reaction_emoji: null, default_sort_order: null,
      default_forum_layout: type === 15 ? 0 : undefined, default_thread_rate_limit_per_user: 0, template: '',
    });
  } else if (type === 2) {
    Object.assign(base, { bitrate: 64000, user_limit: 0, rtc_region: null, video_quality_mode: 1 });
  } else {
    base.topic = null;
  }
  return { ...base, ...extra };
}

/** A forum tag as Discord lists it in a forum's available_tags. */
export const forumTag = (name: string): Obj => ({ id: snowflake(), name, moderated: false, emoji_id: null, emoji_name: null });

/** A public thread (type 11); a forum post's starter message shares its id. */
export function threadChannel(guildId: string, parentId: string, ownerId: string, name: string, extra: Obj = {}): Obj {
  return {
    id: snowflake(), type: 11, guild_id: guildId, parent_id: parentId, owner_id: ownerId, name, flags: 0,
    last_message_id: null, message_count: 0, member_count: 1, total_message_sent: 0, rate_limit_per_user: 0,
    applied_tags: [],
    thread_metadata: { archived: false, auto_archive_duration: 4320, archive_timestamp: nowIso(), locked: false, create_timestamp: nowIso() },
    ...extra,
  };
}

export function guildMember(user: APIUser, roles: string[] = []): Record<string, unknown> {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
  };
}

/** GUILD_CREATE payload: what discord.js needs to build Guild, its channel cache, @everyone and members.me. */
export function guildCreate(g: GuildSeed, bot: APIUser): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      ...g.roles,
      {
        id: g.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: EVERYONE_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    application_id: null,
    system_channel_id: g.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    lazy: true,
    member_count: 2,
    voice_states: [],
    // Discord always includes the bot's own member, which discord.js exposes as guild.members.me.
    members: [guildMember(bot)],
    channels: [textChannel(g), ...g.channels.filter((c) => !isThread(c))],
    threads: g.channels.filter((c) => isThread(c) && !(c.thread_metadata as Obj).archived),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    incidents_data: null,
  };
}

export interface MessageContext {
  channelId: string;
  guildId?: string | null;
  author: APIUser;
  applicationId?: string;
  interaction?: { id: string; type: number; user: APIUser; guildId?: string | null };
  type?: number;
}

/** Turns a create/edit body into the message object Discord would return. */
export function messageFromBody(id: string, body: Record<string, unknown>, ctx: MessageContext): Record<string, unknown> {
  const embeds = Array.isArray(body.embeds) ? body.embeds.map((e: object) => ({ type: 'rich', ...e })) : [];
  return {
    id,
    type: ctx.type ?? 0,
    channel_id: ctx.channelId,
    ...(ctx.guildId ? { guild_id: ctx.guildId } : {}),
    author: ctx.author,
    content: typeof body.content === 'string' ? body.content : '',
    embeds,
    components: Array.isArray(body.components) ? body.components : [],
    attachments: Array.isArray(body.attachments) ? body.attachments : [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: body.tts === true,
    timestamp: nowIso(),
    edited_timestamp: null,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...(ctx.applicationId ? { application_id: ctx.applicationId, webhook_id: ctx.applicationId } : {}),
    ...(ctx.interaction
      ? {
          interaction_metadata: {
            id: ctx.interaction.id,
            type: ctx.interaction.type,
            user: ctx.interaction.user,
            authorizing_integration_owners: ctx.interaction.guildId
              ? { '0': ctx.interaction.guildId }
              : { '0': '0' },
          },
        }
      : {}),
  };
}

// Fields a message edit may replace; anything else in the body (allowed_mentions, ...) is instruction, not state.
const EDITABLE = ['content', 'embeds', 'components', 'attachments', 'flags', 'poll'];

export function editMessage(msg: Obj, body: Obj): Obj {
  const next: Obj = { ...msg };
  for (const k of EDITABLE) if (body[k] !== undefined && body[k] !== null) next[k] = body[k];
  if (Array.isArray(next.embeds)) next.embeds = next.embeds.map((e: object) => ({ type: 'rich', ...e }));
  // Finishing a deferred reply clears LOADING but keeps EPHEMERAL; it is not an "edit" to users.
  const wasLoading = ((msg.flags as number) & 128) !== 0;
  next.flags = (((next.flags as number) ?? 0) & ~128) | ((msg.flags as number) & 64);
  next.edited_timestamp = wasLoading ? null : nowIso();
  return next;
}

import { Client, GatewayIntentBits, Options, Partials, type RESTOptions } from 'discord.js';
import type { Config } from '../config/env.js';
import { restOptions } from './rest.js';

export interface ClientOptionsExtra {
  /** Replaces how REST requests are made (the HTTP endpoint answers callbacks in-band). */
  makeRequest?: RESTOptions['makeRequest'];
}

/**
 * Intents asked of Discord. Without AUTO_ANSWER, no privileged one: the bot reads no
 * messages (the message menu brings its target along). With it, guild messages and their
 * content, for the help channels and forum posts moderators turn on.
 */
export function intentsFor(config: Pick<Config, 'AUTO_ANSWER'>): GatewayIntentBits[] {
  return config.AUTO_ANSWER
    ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]
    : [GatewayIntentBits.Guilds];
}

/**
 * A client that keeps only what an FAQ bot needs, so message, member and presence caches
 * stay empty and memory stays flat however long it runs.
 */
export function createClient(config: Config, extra: ClientOptionsExtra = {}): Client {
  return new Client({
    intents: intentsFor(config),
    partials: [Partials.Message, Partials.Channel],
    rest: { ...restOptions(config.DISCORD_API_URL), ...(extra.makeRequest ? { makeRequest: extra.makeRequest } : {}) },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      // Auto-answers read a message's member (its roles decide whether it is a moderator's)
      // as it arrives; a few recent ones are enough for that, and the bot's own is kept.
      GuildMemberManager: { maxSize: config.AUTO_ANSWER ? 50 : 0, keepOverLimit: (m) => m.id === m.client.user?.id },
      UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user?.id },
      PresenceManager: 0,
      ReactionManager: 0,
      ThreadManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
    }),
    allowedMentions: { parse: [], repliedUser: false },
  });
}

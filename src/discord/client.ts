import { Client, GatewayIntentBits, Options, Partials, type RESTOptions } from 'discord.js';
import type { Config } from '../config/env.js';

export interface ClientOptionsExtra {
  /** Replaces how REST requests are made (the HTTP endpoint answers callbacks in-band). */
  makeRequest?: RESTOptions['makeRequest'];
}

/**
 * A client that keeps only what an FAQ bot needs: it reads no messages from the gateway
 * (the message menu brings its target along), so message, member and presence caches
 * stay empty and memory stays flat however long it runs.
 */
export function createClient(config: Config, extra: ClientOptionsExtra = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Message, Partials.Channel],
    rest: {
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
      // A dead API should fail start-up quickly rather than retry for a minute.
      retries: 2,
      timeout: 10_000,
      ...(extra.makeRequest ? { makeRequest: extra.makeRequest } : {}),
    },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user?.id },
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

import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { createLogger } from '../logging.js';
import type { BotContext } from './context.js';
import { DISCORD_MESSAGES as DM } from './messages.js';
import { createRuntime, StartupError, type RuntimeOptions } from './runtime.js';
import { startWatchdog } from './watchdog.js';

export { StartupError } from './runtime.js';

export interface RunningBot {
  readonly client: Client;
  readonly ctx: BotContext;
  /** Stops taking interactions, lets those in flight finish, closes everything. */
  stop(): Promise<void>;
}

/**
 * Starts the bot on the gateway. Throws StartupError with a one-line reason when it cannot
 * (bad knowledge files, a token Discord refuses, an API out of reach).
 */
export async function startBot(
  config: Config,
  logger: Logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN ?? '']),
  options: RuntimeOptions = {},
): Promise<RunningBot> {
  const runtime = await createRuntime(config, logger, options);
  const { client, ctx } = runtime;
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      { user: ready.user.tag, guilds: ready.guilds.cache.size, entries: ctx.knowledge.matcher.kb.entries.length, commands: runtime.commands.size, shards: ready.ws.shards.map((s) => s.id) },
      'ready',
    );
  });
  // 4014 is not retried by discord.js: once while starting it fails login (below); later, the
  // gateway stays down and the watchdog ends the process. Either way the line says what to do.
  let disallowedIntents = false;
  let loggedIn = false;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (event.code === 4014) {
      disallowedIntents = true;
      if (loggedIn) logger.error({ shardId, code: event.code }, DM.disallowedIntents);
    } else logger.warn({ shardId, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => logger.warn({ err, shardId }, 'gateway error'));

  try {
    await client.login(config.DISCORD_TOKEN);
    loggedIn = true;
  } catch (err) {
    await runtime.stop();
    const code = (err as { code?: string }).code;
    throw new StartupError(
      disallowedIntents
        ? DM.disallowedIntents
        : code === 'TokenInvalid'
        ? 'Discord refused DISCORD_TOKEN (reset it in the Developer Portal, Bot page)'
        : `cannot reach Discord${config.DISCORD_API_URL ? ` at ${config.DISCORD_API_URL}` : ''}: ${(err as Error).message}`,
    );
  }
  const watchdog = startWatchdog(client, config.GATEWAY_WATCHDOG_SECONDS * 1000, logger);
  return {
    client,
    ctx,
    async stop() {
      watchdog.stop();
      await runtime.stop();
      logger.info('stopped');
    },
  };
}

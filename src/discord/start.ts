import { Events, type Client, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { LiveKnowledge } from '../live/live-knowledge.js';
import { formatIssue } from '../knowledge/types.js';
import { createLogger } from '../logging.js';
import { openStore } from '../store/open.js';
import { createClient } from './client.js';
import type { CommandModule } from './command.js';
import type { BotContext } from './context.js';
import { loadCommands } from './registry.js';
import { createRouter } from './router.js';
import { startWatchdog } from './watchdog.js';

export class StartupError extends Error {}

export interface RunningBot {
  readonly client: Client;
  readonly ctx: BotContext;
  /** Stops taking interactions, lets those in flight finish, closes everything. */
  stop(): Promise<void>;
}

/**
 * Starts the bot on Discord. Throws StartupError with a one-line reason when it cannot
 * (bad knowledge files, a token Discord refuses, an API out of reach).
 */
export async function startBot(
  config: Config,
  logger: Logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN ?? '']),
  options: { extraCommands?: readonly CommandModule[] } = {},
): Promise<RunningBot> {
  const opened = await LiveKnowledge.open(config.FAQ_DIR, logger);
  if (!(opened instanceof LiveKnowledge)) {
    for (const issue of opened.issues) logger.error({ issue: formatIssue(issue) }, 'knowledge file problem');
    throw new StartupError(`the knowledge files in ${config.FAQ_DIR} have ${opened.issues.length} problem(s); run npm run faq:check`);
  }
  const knowledge = opened;
  knowledge.watch();
  const store = await openStore({ path: config.DATABASE_PATH, logger });
  const ctx: BotContext = { knowledge, store, logger, startedAt: new Date() };
  const commands = new Map(await loadCommands());
  for (const extra of options.extraCommands ?? []) commands.set(extra.data.name, extra);
  const route = createRouter(commands, ctx);

  const client = createClient(config);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) return;
    const work = route(interaction).catch((err: unknown) => logger.error({ err }, 'router failed'));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      { user: ready.user.tag, guilds: ready.guilds.cache.size, entries: knowledge.matcher.kb.entries.length, commands: commands.size },
      'ready',
    );
  });
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => logger.warn({ err, shardId }, 'gateway error'));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

  const closeAll = async () => {
    knowledge.close();
    await store.close();
  };
  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (err) {
    await client.destroy();
    await closeAll();
    const code = (err as { code?: string }).code;
    throw new StartupError(
      code === 'TokenInvalid'
        ? 'Discord refused DISCORD_TOKEN (reset it in the Developer Portal, Bot page)'
        : `cannot reach Discord${config.DISCORD_API_URL ? ` at ${config.DISCORD_API_URL}` : ''}: ${(err as Error).message}`,
    );
  }
  const watchdog = startWatchdog(client, config.GATEWAY_WATCHDOG_SECONDS * 1000, logger);

  return {
    client,
    ctx,
    async stop() {
      accepting = false;
      watchdog.stop();
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      await closeAll();
      logger.info('stopped');
    },
  };
}

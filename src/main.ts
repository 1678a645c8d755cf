/**
 * `npm start`: the bot on Discord when DISCORD_TOKEN is set; otherwise a local chat on
 * the terminal over the same knowledge and matcher.
 */
import { loadConfig } from './config/env.js';
import { runChat } from './cli/chat.js';
import { loadMatcherOrExit } from './cli/load-or-exit.js';

const result = loadConfig();
if (!result.ok) {
  for (const error of result.errors) process.stderr.write(`configuration: ${error}\n`);
  process.exit(2);
}
const config = result.config;

if (config.DISCORD_TOKEN === undefined) {
  process.stderr.write('DISCORD_TOKEN is not set, so Discord is off: local chat on the terminal instead (see README, "Run it on Discord").\n');
  const matcher = await loadMatcherOrExit(config.FAQ_DIR);
  await runChat(() => matcher);
} else {
  const { startBot, StartupError } = await import('./discord/start.js');
  const { createLogger, scrubSecrets } = await import('./logging.js');
  const { handleShutdownSignals, installProcessGuards } = await import('./process-guards.js');
  const logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  try {
    if (config.INTERACTIONS_PORT !== undefined) {
      const { startHttpEndpoint } = await import('./http/start-http.js');
      const endpoint = await startHttpEndpoint(config, logger);
      handleShutdownSignals(() => endpoint.stop(), logger);
    } else if (config.SHARDS !== undefined && !config.SHARDING_MANAGER) {
      const { prepareShards } = await import('./discord/shards.js');
      const shards = await prepareShards(config, logger);
      handleShutdownSignals(() => shards.stop(), logger);
      await shards.spawn();
    } else {
      const bot = await startBot(config, logger);
      handleShutdownSignals(() => bot.stop(), logger);
    }
    // Only once running: a failure while starting must end the process, with code 1.
    installProcessGuards(logger);
  } catch (err) {
    const reason = err instanceof StartupError ? err.message : `unexpected error: ${(err as Error).message}`;
    logger.fatal({ err }, reason);
    process.stderr.write(`cannot start: ${scrubSecrets(reason, [config.DISCORD_TOKEN])}\n`);
    process.exit(1);
  }
}

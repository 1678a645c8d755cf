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
  const { createLogger } = await import('./logging.js');
  const { handleShutdownSignals, installProcessGuards } = await import('./process-guards.js');
  const logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  installProcessGuards(logger);
  try {
    if (config.INTERACTIONS_PORT !== undefined) {
      const { startHttpEndpoint } = await import('./http/start-http.js');
      const endpoint = await startHttpEndpoint(config, logger);
      handleShutdownSignals(() => endpoint.stop(), logger);
    } else if (config.SHARDS !== undefined && !config.SHARDING_MANAGER) {
      const { startShards } = await import('./discord/shards.js');
      const shards = await startShards(config, logger);
      handleShutdownSignals(() => shards.stop(), logger);
    } else {
      const bot = await startBot(config, logger);
      handleShutdownSignals(() => bot.stop(), logger);
    }
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    logger.fatal(err.message);
    process.stderr.write(`cannot start: ${err.message}\n`);
    process.exit(1);
  }
}

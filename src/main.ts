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
  const logger = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  // A stray rejection or exception is logged; the bot keeps answering.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));
  try {
    const bot = await startBot(config, logger);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing the interactions in flight');
      bot.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    logger.fatal(err.message);
    process.stderr.write(`cannot start: ${err.message}\n`);
    process.exit(1);
  }
}

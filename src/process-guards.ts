import type { Logger } from 'pino';

/**
 * A stray rejected promise or exception in some listener is logged and the bot keeps
 * answering; Node's default would end the process for every member at once.
 */
export function installProcessGuards(logger: Logger): void {
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection (the bot keeps running)'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception (the bot keeps running)'));
}

/**
 * SIGINT/SIGTERM: stop taking work, let what is in flight finish, close, exit 0. A second
 * signal exits at once (code 1), for an operator who does not want to wait.
 */
export function handleShutdownSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing the interactions in flight');
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

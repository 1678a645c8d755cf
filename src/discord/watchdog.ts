import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';

/**
 * A gateway that goes silent (no events, no heartbeat acknowledgements) leaves a bot
 * that looks alive but answers nobody. The watchdog notices and ends the process with
 * exit code 3, so that a supervisor (systemd, Docker, pm2) starts a fresh one.
 */
export function startWatchdog(client: Client, silenceMs: number, logger: Logger, onSilent = () => process.exit(3)) {
  let lastActivity = Date.now();
  const onRaw = () => {
    lastActivity = Date.now();
  };
  client.on(Events.Raw, onRaw);
  const timer = setInterval(() => {
    const lastPing = Math.max(0, ...client.ws.shards.map((s) => s.lastPingTimestamp));
    const quietFor = Date.now() - Math.max(lastActivity, lastPing);
    if (quietFor > silenceMs) {
      logger.fatal({ quietForMs: quietFor }, 'the gateway has been silent too long; exiting so a supervisor restarts the bot');
      clearInterval(timer);
      onSilent();
    }
  }, Math.min(10_000, Math.max(250, silenceMs / 4)));
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      client.off(Events.Raw, onRaw);
    },
  };
}

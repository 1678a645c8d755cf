import { fileURLToPath } from 'node:url';
import { Routes, ShardingManager } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { StartupError } from './runtime.js';
import { restClient } from './rest.js';

/** main next to this module's folder: .ts when running from the sources, .js when compiled. */
const OWN = fileURLToPath(import.meta.url);
const EXTENSION = OWN.slice(OWN.lastIndexOf('.'));
const ENTRY = fileURLToPath(new URL(`../main${EXTENSION}`, import.meta.url));
/** The garbage collector's settings npm start gives this process (package.json; README, "Performance"). */
export const GC_FLAG = /^--(?:max-semi-space-size=\d+|no-memory-reducer)$/;
/**
 * The shards run what this process runs, with its garbage collector's settings: the
 * TypeScript through tsx (npm start), or the compiled JavaScript as it is (npm run
 * start:compiled), without tsx's memory and start-up cost.
 */
const EXEC_ARGV = [...process.execArgv.filter((flag) => GC_FLAG.test(flag)), ...(EXTENSION === '.ts' ? ['--import', 'tsx'] : [])];

/**
 * One gateway process per shard, under discord.js's ShardingManager: each process loads
 * the knowledge itself and answers only its own servers; a shard that dies is respawned.
 * `stop` works from the moment this returns, so a signal while the shards are still
 * starting (each loads and learns from the FAQ first) stops them cleanly too.
 */
export async function prepareShards(config: Config, logger: Logger): Promise<{ spawn(): Promise<void>; stop(): Promise<void> }> {
  const token = config.DISCORD_TOKEN!;
  const totalShards = config.SHARDS === 'auto' ? await recommendedShards(config) : Number(config.SHARDS);
  const manager = new ShardingManager(ENTRY, {
    token,
    totalShards,
    respawn: true,
    mode: 'process',
    execArgv: EXEC_ARGV,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards }, 'shard started');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard died; respawning'));
  });
  return {
    async spawn() {
      try {
        await manager.spawn({ amount: totalShards, timeout: 60_000 });
      } catch (err) {
        if (stopping) return;
        for (const shard of manager.shards.values()) shard.kill();
        throw new StartupError(`the shards did not start: ${(err as Error).message}`);
      }
      logger.info({ totalShards }, 'ready: all shards started');
    },
    async stop() {
      stopping = true;
      const exits = [...manager.shards.values()].map(
        (shard) => new Promise<void>((resolve) => (shard.process && shard.process.exitCode === null ? shard.process.once('exit', () => resolve()) : resolve())),
      );
      manager.respawn = false;
      for (const shard of manager.shards.values()) {
        shard.removeAllListeners('death');
        // SIGTERM lets each shard finish its interactions and close its store.
        shard.process?.kill('SIGTERM');
      }
      await Promise.all(exits);
      logger.info('all shards stopped');
    },
  };
}

/** Discord's recommendation for this bot, asked of the configured API (not always discord.com). */
async function recommendedShards(config: Config): Promise<number> {
  const rest = restClient(config.DISCORD_API_URL, config.DISCORD_TOKEN!);
  try {
    const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return Math.max(1, shards);
  } catch (err) {
    throw new StartupError(`cannot ask Discord how many shards to run${config.DISCORD_API_URL ? ` (at ${config.DISCORD_API_URL})` : ''}: ${(err as Error).message}`);
  }
}

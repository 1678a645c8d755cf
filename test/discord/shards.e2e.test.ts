import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GC_FLAG } from '../../src/discord/shards.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { BOT_TOKEN, str } from './harness.js';

// Two servers that Discord's rule, (guild_id >> 22) % shard_count, puts on different shards.
const GUILD_ON_SHARD_0 = String(2n << 22n);
const GUILD_ON_SHARD_1 = String((3n << 22n) | 12345n);

let fake: FakeDiscord;
let dir: string;
let stopBot: () => Promise<number | null>;
let botPid = 0;
let gcFlags: string[] = [];
let output = '';

beforeAll(async () => {
  fake = await startFakeDiscord({ token: BOT_TOKEN, shards: 2, guilds: [{ id: GUILD_ON_SHARD_0 }, { id: GUILD_ON_SHARD_1 }] });
  dir = await mkdtemp(join(tmpdir(), 'faq-shards-'));
  // As npm start runs it (package.json): the shards are started with the same garbage collector flags.
  const start = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string;
  gcFlags = start.split(' ').filter((a) => GC_FLAG.test(a));
  const child = spawn(process.execPath, [...gcFlags, '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: fake.apiUrl, SHARDS: 'auto', DATABASE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  botPid = child.pid!;
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  stopBot = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  await fake.whenReady(2, 60_000);
}, 90_000);

afterAll(async () => {
  await stopBot?.();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('gateway shards under the ShardingManager (SHARDS=auto)', () => {
  it('given two shards, then each identified with its own shard id out of 2', () => {
    expect(fake.identified.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it.skipIf(process.platform !== 'linux')("given npm start's garbage collector flags, then each shard process runs with them too", () => {
    expect(gcFlags).toHaveLength(2);
    // The shards are the manager's child processes (Linux lists each process's parent and command line under /proc).
    const shards = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).flatMap((pid) => {
      try {
        const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        // (tsx's esbuild service is a child too, now and then)
        return parent === botPid && argv.some((a) => a.endsWith('main.ts')) ? [argv] : [];
      } catch {
        return [];
      }
    });
    expect(shards).toHaveLength(2);
    for (const argv of shards) for (const flag of gcFlags) expect(argv).toContain(flag);
  });

  it("given an /ask in each server, then the shard that owns that server answers it, once", async () => {
    for (const [guildId, shard] of [[GUILD_ON_SHARD_0, 0], [GUILD_ON_SHARD_1, 1]] as const) {
      const handle = h(guildId);
      expect(handle.shard).toBe(shard);
      const response = await handle.response(10_000);
      expect(JSON.stringify(response)).toMatch(/four eyes/i);
      await new Promise((r) => setTimeout(r, 200));
      expect(handle.responses().filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    }
  });

  it('given SIGTERM to the manager, then every shard stops and the manager exits 0', async () => {
    expect(await stopBot()).toBe(0);
    expect(output).toMatch(/all shards stopped/);
  });
});

function h(guildId: string) {
  return fake.slash('ask', [str('question', 'what is a four eyes meeting')], { guildId });
}

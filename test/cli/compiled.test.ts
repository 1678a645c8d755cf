import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, str } from '../discord/harness.js';
import { startFakeDiscord } from '../fake-discord/index.js';

/**
 * The bot compiled to JavaScript (`npm run build`, then `npm run start:compiled`), as an
 * operator runs it to save memory and start-up time: the same answers as from the sources,
 * with the reload worker and the command modules found beside the compiled files.
 */
const OUT = `.dist-test-${process.pid}`;

beforeAll(() => {
  // Inside the repo, so that the compiled files resolve node_modules as dist/ does.
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}${r.stderr}`);
}, 130_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the compiled bot', () => {
  it('given the build, then the reload worker and every command module are there as JavaScript', () => {
    expect(existsSync(`${OUT}/src/live/reload-worker.js`)).toBe(true);
    for (const name of ['ask', 'faq', 'article', 'help', 'find-faq-answer', 'faq-admin']) expect(existsSync(`${OUT}/commands/${name}.js`), name).toBe(true);
  });

  it('given no Discord token and a question on stdin, then the local chat answers it and exits 0 at the end of input', () => {
    const env = { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: '' };
    const r = spawnSync(process.execPath, [`${OUT}/src/main.js`], { input: 'who went to pakistan for the americans\n', env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Who represented the U.S.');
    expect(r.stdout).toContain('https://www.archyworldys.com/');
  });

  // The shards' command lines are read from /proc.
  it.runIf(existsSync('/proc/self/stat'))('given SHARDS=auto and two shards, then each shard runs the compiled main.js without tsx, and answers', async () => {
    const guilds = [String(2n << 22n), String((3n << 22n) | 12345n)];
    const fake = await startFakeDiscord({ token: BOT_TOKEN, shards: 2, guilds: guilds.map((id) => ({ id })) });
    const dir = await mkdtemp(join(tmpdir(), 'faq-compiled-shards-'));
    const manager = spawn(process.execPath, [`${OUT}/src/main.js`], {
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: fake.apiUrl, SHARDS: 'auto', DATABASE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => manager.on('exit', resolve));
    try {
      await fake.whenReady(2, 60_000);
      const shards = childrenOf(manager.pid!);
      expect(shards).toHaveLength(2);
      for (const argv of shards) {
        expect(argv.at(-1)).toMatch(new RegExp(`${OUT}/src/main\\.js$`));
        expect(argv.join(' ')).not.toMatch(/tsx/);
      }
      for (const guildId of guilds) {
        const response = await fake.slash('ask', [str('question', 'what is a four eyes meeting')], { guildId }).response(10_000);
        expect(JSON.stringify(response)).toMatch(/four eyes/i);
      }
    } finally {
      manager.kill('SIGTERM');
      await exited;
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
    expect(await exited).toBe(0);
  }, 90_000);
});

/** The command lines of a process's children, from /proc. */
function childrenOf(pid: number): string[][] {
  const children: string[][] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After "pid (command) state": the parent's pid. The command may hold spaces or parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter((a) => a !== ''));
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { BOT_TOKEN, finalText, str } from './harness.js';

/** The bot as operators run it (`npm start`'s entry point), as a child process. */
interface Running {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; ms: number }>;
}

let fake: FakeDiscord;
let dir: string;
beforeEach(async () => {
  fake = await startFakeDiscord({ token: BOT_TOKEN, heartbeatIntervalMs: 500 });
  dir = await mkdtemp(join(tmpdir(), 'faq-proc-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>): Running {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exit = new Promise<{ code: number | null; ms: number }>((resolve) => child.on('exit', (code) => resolve({ code, ms: Date.now() - started })));
  return { child, output: () => out, exit };
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bot process', () => {
  it('given a token Discord refuses, then a fast, clear, non-zero exit without the token in its output', async () => {
    const bot = run({ DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.Gzzzzz.this-is-not-the-right-token-at-all' });
    const { code, ms } = await bot.exit;
    expect(code).not.toBe(0);
    expect(ms).toBeLessThan(15_000);
    expect(bot.output()).toMatch(/Discord refused DISCORD_TOKEN/);
    expect(bot.output()).not.toContain('this-is-not-the-right-token-at-all');
  });

  it('given AUTO_ANSWER=true and Message Content not enabled for the application, then one line naming the toggle and exit 1, no retry loop', async () => {
    await fake.close();
    fake = await startFakeDiscord({ token: BOT_TOKEN, heartbeatIntervalMs: 500, privilegedIntents: 0 });
    const bot = run({ DISCORD_API_URL: fake.apiUrl, AUTO_ANSWER: 'true' });
    const { code, ms } = await bot.exit;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(15_000);
    // Guilds, Guild Messages, Message Content; asked once.
    expect(fake.identified.map((i) => i.intents)).toEqual([1 | (1 << 9) | (1 << 15)]);
    const stderr = bot.output().split('\n').filter((l) => l.startsWith('cannot start:'));
    expect(stderr).toEqual([expect.stringContaining('Bot → Privileged Gateway Intents → Message Content Intent')]);
  });

  it('given AUTO_ANSWER unset, then no privileged intent is asked for', async () => {
    const bot = run({});
    await until(() => bot.output().includes('"ready"'), 'ready');
    expect(fake.identified.map((i) => i.intents)).toEqual([1]);
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  });

  it('given an API that cannot be reached, then a fast, clear, non-zero exit', async () => {
    const bot = run({ DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    const { code, ms } = await bot.exit;
    expect(code).not.toBe(0);
    expect(ms).toBeLessThan(30_000);
    expect(bot.output()).toMatch(/cannot reach Discord at http:\/\/127\.0\.0\.1:9\/api/);
  });

  it('given shards asked for while the API is out of reach, then exit 1 with the reason', async () => {
    const bot = run({ SHARDS: 'auto', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    const { code } = await bot.exit;
    expect(code).toBe(1);
    expect(bot.output()).toMatch(/cannot start: cannot ask Discord how many shards/);
  });

  it('given an HTTP interactions port already taken, then exit 1 with the reason', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const bot = run({ INTERACTIONS_PORT: String(port), DISCORD_PUBLIC_KEY: 'ab'.repeat(32) });
    const { code } = await bot.exit;
    taken.close();
    expect(code).toBe(1);
    expect(bot.output()).toMatch(new RegExp(`cannot start: cannot listen on port ${port}`));
  });

  it('given a bad variable, then one line naming it and exit 2', async () => {
    const bot = run({ DISCORD_API_URL: 'not a url', GATEWAY_WATCHDOG_SECONDS: 'soon', EMBEDDING_MODEL_DIR: '/no/such/model' });
    const { code } = await bot.exit;
    expect(code).toBe(2);
    expect(bot.output()).toMatch(/configuration: DISCORD_API_URL: /);
    expect(bot.output()).toMatch(/configuration: GATEWAY_WATCHDOG_SECONDS: /);
    expect(bot.output()).toMatch(/configuration: EMBEDDING_MODEL_DIR: must be a folder with model\.onnx/);
  });

  it('given SIGTERM with an interaction in flight, then it is answered, the database is closed cleanly, and the exit is 0', async () => {
    const bot = run({});
    await until(() => bot.output().includes('"msg":"ready"'), 'ready');
    const vote = fake.button('vote:us-envoy:up', { id: '600000000000000009' });
    bot.child.kill('SIGTERM');
    const { code } = await bot.exit;
    expect(code).toBe(0);
    expect(await finalText(vote)).toMatch(/Thanks/);
    const db = new Database(join(dir, 'bot.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('given a second signal during shutdown, then it exits at once', async () => {
    const bot = run({});
    await until(() => bot.output().includes('"msg":"ready"'), 'ready');
    bot.child.kill('SIGTERM');
    bot.child.kill('SIGTERM');
    const { code } = await bot.exit;
    expect([0, 1]).toContain(code);
  });

  it('given a gateway that goes silent for good, then the watchdog exits non-zero for a supervisor to restart it', async () => {
    const bot = run({ GATEWAY_WATCHDOG_SECONDS: '3' });
    await until(() => bot.output().includes('"msg":"ready"'), 'ready');
    fake.silence(true);
    const { code } = await bot.exit;
    expect(code).toBe(3);
    expect(bot.output()).toMatch(/silent too long/);
  });

  it('given a dropped gateway connection, then the bot resumes and answers again', async () => {
    const bot = run({});
    await until(() => bot.output().includes('"msg":"ready"'), 'ready');
    fake.dropConnections();
    await new Promise((r) => setTimeout(r, 100));
    await fake.whenReady(1, 15_000);
    const answer = await fake.slash('ask', [str('question', 'what is maximum pressure')]).response();
    expect(JSON.stringify(answer)).toMatch(/maximum pressure/i);
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  });
});

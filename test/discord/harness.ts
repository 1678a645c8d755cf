import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseConfig, type Config } from '../../src/config/env.js';
import type { CommandModule } from '../../src/discord/command.js';
import { startBot, type RunningBot } from '../../src/discord/start.js';
import { createLogger } from '../../src/logging.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';

export const BOT_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.Gabcde.fake-bot-token-for-the-loopback-tests';

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  /** Every log line the bot wrote, as JSON text. */
  logs: string[];
  dir: string;
  stop(): Promise<void>;
}

/** The real bot (real discord.js client, real files, real SQLite) against the loopback fake Discord. */
export async function startHarness(options: { faqDir?: string; extraCommands?: CommandModule[]; env?: Record<string, string> } = {}): Promise<Harness> {
  const fake = await startFakeDiscord({ token: BOT_TOKEN, heartbeatIntervalMs: 1000 });
  const dir = await mkdtemp(join(tmpdir(), 'faq-bot-'));
  const parsed = parseConfig({
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    FAQ_DIR: options.faqDir ?? 'faq',
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', [BOT_TOKEN], sink);
  const bot = await startBot(parsed.config, logger, { extraCommands: options.extraCommands ?? [] });
  await fake.whenReady();
  return {
    fake,
    bot,
    config: parsed.config,
    logs,
    dir,
    async stop() {
      await bot.stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A string option as Discord sends it. */
export const str = (name: string, value: string, focused = false) => ({ type: 3, name, value, ...(focused ? { focused } : {}) }) as never;
export const user = (name: string, value: string) => ({ type: 6, name, value }) as never;
export const bool = (name: string, value: boolean) => ({ type: 5, name, value }) as never;
export const sub = (name: string, options: unknown[] = []) => ({ type: 1, name, options }) as never;

/**
 * What the member finally sees: the last message body of an interaction (a reply, or the
 * edit of a deferred one), as JSON text.
 */
export async function finalText(handle: { waitFor(n: number, timeoutMs?: number): Promise<{ body: unknown }[]> }, calls = 2): Promise<string> {
  const done = await handle.waitFor(calls, 10_000);
  // Over HTTP the deferral is the interaction's own response and the edit a REST call: the
  // fake can record them in either order, so the answer is the last call that is not a deferral.
  const deferral = (body: unknown) => typeof body === 'object' && body !== null && [5, 6].includes((body as { type?: number }).type ?? 0);
  return JSON.stringify((done.filter((c) => !deferral(c.body)).at(-1) ?? done.at(-1)!).body);
}

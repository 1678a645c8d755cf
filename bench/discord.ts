/**
 * npm run bench:discord: the real bot (discord.js client, LiveKnowledge, SQLite store)
 * against the loopback fake Discord, answering /ask interactions end to end.
 *
 * Latency is per interaction, from the moment the fake gateway hands INTERACTION_CREATE to
 * its socket to the moment the bot's interaction callback reaches the fake REST server
 * (handle.dispatchedAt -> handle.respondedAt).
 *
 * Two set-ups (both by default):
 * - "separate": the bot runs as `npm start` does (src/main.ts, its own Node process) against
 *   the fake Discord in this process. Its resident memory is its own (/proc/<pid>/status).
 * - "in-process": test/discord/harness.ts's startHarness(), bot and fake in this process.
 *   The memory printed is then the bot's plus the fake Discord's (with its discord-api-spec
 *   validators) plus tsx's: an upper bound, not the bot's.
 *
 * Three load shapes, 1,000 /ask each: one at a time; a steady stream (Poisson arrivals at
 * --rate per second); a burst that keeps 10 in flight (--concurrency). With 10 in flight,
 * each waits for the ones ahead of it: latency there is mostly queueing, about ten times
 * the CPU one interaction costs.
 *
 *   tsx bench/discord.ts [--interactions 1000] [--concurrency 10] [--rate 100] [--warmup 100]
 *                        [--mode both|separate|in-process] [--entries N] [--faq-dir faq]
 *                        [--bot-entry dist/src/main.js] (the bot from compiled JS, plain node)
 *                        [--bot-flags=--max-semi-space-size=2] (node flags for the bot process; write it with =)
 *
 * Prints a table, then (last line) one JSON object.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load.js';
import { BOT_TOKEN, startHarness, str } from '../test/discord/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../test/fake-discord/index.js';
import { fmt, machineFacts, machineLine, median, num, percentile, table } from './stats.js';
import { DEFAULT_SEED, Rng, generateQuestions, writeSyntheticFaq } from './synthetic.js';

const { values: args } = parseArgs({
  options: {
    interactions: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '100' },
    mode: { type: 'string', default: 'both' },
    entries: { type: 'string' },
    'faq-dir': { type: 'string', default: 'faq' },
    /** Run the bot from compiled JavaScript with plain node (no tsx), e.g. an esbuild output of src/main.ts. */
    'bot-entry': { type: 'string' },
    /** Extra node flags for the bot process, e.g. "--max-semi-space-size=2". */
    'bot-flags': { type: 'string', default: '' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});
const TOTAL = Number(args.interactions);
const CONCURRENCY = Math.max(1, Number(args.concurrency));
const RATE = Number(args.rate);
const WARMUP = Number(args.warmup);
const SEED = Number(args.seed);
const MODES = args.mode === 'both' ? (['separate', 'in-process'] as const) : ([args.mode as 'separate' | 'in-process'] as const);

// Each interaction awaited registers a listener on the fake's registry: many are in flight at once.
EventEmitter.defaultMaxListeners = 1000;

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`  ${line}\n`);
const mb = (bytes: number) => bytes / 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  latencyMs: number;
  /** How late the interaction was dispatched against its planned arrival (steady stream). */
  lagMs: number;
  ok: boolean;
  non2xx: number;
  kind: 'answer' | 'abstain' | 'other';
}

interface Memory {
  rss: number;
  peak: number;
}

interface Setup {
  fake: FakeDiscord;
  /** Drops what the set-up kept of the last run (the harness keeps every log line). */
  reset(): void;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Set-ups

async function inProcess(faqDir: string): Promise<Setup> {
  const h = await startHarness({ faqDir, env: { LOG_LEVEL: 'info' } });
  return {
    fake: h.fake,
    reset() {
      h.fake.reset();
      h.logs.length = 0;
    },
    memory: async () => ({ rss: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024 }),
    async stop() {
      await h.stop();
    },
  };
}

/**
 * The environment for the bot process: ours, without any setting that would change how the
 * bot runs (discord.js itself reads SHARDS and SHARDING_MANAGER when they merely exist).
 */
function botEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['DISCORD_GUILD_ID', 'DISCORD_PUBLIC_KEY', 'INTERACTIONS_PORT', 'SHARDS', 'SHARD_COUNT', 'SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DATABASE_URL', 'NODE_OPTIONS']) delete env[key];
  return { ...env, ...settings };
}

/** The bot as `npm start` runs it, in its own process, against the fake Discord here. */
async function separate(faqDir: string): Promise<Setup> {
  const fake = await startFakeDiscord({ token: BOT_TOKEN, heartbeatIntervalMs: 1000 });
  const dir = await mkdtemp(join(tmpdir(), 'faq-bench-bot-'));
  const entry = args['bot-entry'];
  const flags = args['bot-flags'].split(/\s+/).filter(Boolean);
  const argv = [...flags, ...(entry !== undefined ? [entry] : [...process.execArgv.filter((a) => a !== '--expose-gc'), 'src/main.ts'])];
  const child: ChildProcess = spawn(process.execPath, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: botEnv({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      FAQ_DIR: faqDir,
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      LOG_LEVEL: 'info',
    }),
  });
  // The bot logs JSON lines on stdout: keep the tail, for an error message.
  let output = '';
  const keep = (d: Buffer) => (output = (output + String(d)).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      fake.whenReady(1, 60_000),
      exited.then(() => {
        throw new Error(`the bot exited during start-up: ${output.trim()}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    await fake.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const status = async (): Promise<Memory> => {
    const text = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  };
  return {
    fake,
    reset: () => fake.reset(),
    memory: status,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Load

async function one(fake: FakeDiscord, question: string, lagMs = 0): Promise<Outcome> {
  const handle = fake.slash('ask', [str('question', question)]);
  try {
    const body = await handle.response(15_000);
    const statuses = handle.responses().map((r) => r.status);
    const flags = Number((body.data as { flags?: number } | undefined)?.flags ?? 0);
    const non2xx = statuses.filter((s) => s < 200 || s >= 300).length;
    return {
      latencyMs: handle.respondedAt! - handle.dispatchedAt,
      lagMs,
      ok: non2xx === 0,
      non2xx,
      // 64 = ephemeral: the bot abstains privately; an answer is public (no private option sent).
      kind: body.type === 4 ? ((flags & 64) !== 0 ? 'abstain' : 'answer') : 'other',
    };
  } catch (error) {
    progress(`interaction failed: ${(error as Error).message}`);
    const non2xx = handle.responses().filter((r) => r.status < 200 || r.status >= 300).length;
    return { latencyMs: NaN, lagMs, ok: false, non2xx, kind: 'other' };
  }
}

/** `count` interactions with `concurrency` in flight (a closed loop). */
async function closedLoop(fake: FakeDiscord, questions: readonly string[], count: number, concurrency: number, offset: number): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out.push(await one(fake, questions[(offset + i) % questions.length]!));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** `count` interactions arriving as a Poisson stream of `rate` per second (an open loop). */
async function steadyStream(fake: FakeDiscord, questions: readonly string[], count: number, rate: number, offset: number): Promise<Outcome[]> {
  const rng = Rng.seeded(SEED + 7);
  const pending: Promise<Outcome>[] = [];
  const start = performance.now();
  let due = 0;
  for (let i = 0; i < count; i++) {
    due += (-Math.log(1 - rng.next()) / rate) * 1000;
    const wait = start + due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(one(fake, questions[(offset + i) % questions.length]!, Math.max(0, performance.now() - (start + due))));
  }
  return Promise.all(pending);
}

interface Row {
  mode: string;
  load: string;
  outcomes: Outcome[];
  wallMs: number;
  memory: Memory;
}

function summary(r: Row) {
  const lat = r.outcomes.map((o) => o.latencyMs).filter((x) => Number.isFinite(x));
  return {
    n: r.outcomes.length,
    p50: median(lat),
    p90: percentile(lat, 0.9),
    p99: percentile(lat, 0.99),
    max: Math.max(...lat),
    non2xx: r.outcomes.reduce((n, o) => n + o.non2xx, 0),
    failed: r.outcomes.filter((o) => !o.ok).length,
    answered: r.outcomes.filter((o) => o.kind === 'answer').length,
    abstained: r.outcomes.filter((o) => o.kind === 'abstain').length,
    throughput: r.outcomes.length / (r.wallMs / 1000),
    maxLag: Math.max(...r.outcomes.map((o) => o.lagMs)),
  };
}

// ---------------------------------------------------------------------------------------

const machine = machineFacts();
const loadBefore = loadavg()[0]!;
let cleanup: (() => Promise<void>) | undefined;
let faqDir = args['faq-dir'];
let label = `${faqDir}/`;
if (args.entries !== undefined) {
  progress(`writing a synthetic FAQ of ${args.entries} entries...`);
  const faq = await writeSyntheticFaq(Number(args.entries), SEED);
  faqDir = faq.dir;
  cleanup = faq.cleanup;
  label = `synthetic ${Number(args.entries).toLocaleString('en-US')}`;
}
const loaded = await loadKnowledge(faqDir);
if (!loaded.ok) throw new Error(`${faqDir} does not load: ${loaded.issues[0]?.message}`);
const entries = loaded.kb.entries.length;
const questions = generateQuestions(loaded.kb.entries, 500, SEED + entries + 1).map((q) => q.text);

const rows: Row[] = [];
const startup: Record<string, { ms: number; memory: Memory }> = {};
try {
  for (const mode of MODES) {
    progress(`${mode}: starting the fake Discord and the bot...`);
    const t0 = performance.now();
    const setup = mode === 'separate' ? await separate(faqDir) : await inProcess(faqDir);
    startup[mode] = { ms: performance.now() - t0, memory: await setup.memory() };
    try {
      progress(`${mode}: ${WARMUP} warm-up interactions...`);
      await closedLoop(setup.fake, questions, WARMUP, 1, 0);
      const shapes: [string, () => Promise<Outcome[]>][] = [
        ['1 in flight', () => closedLoop(setup.fake, questions, TOTAL, 1, WARMUP)],
        [`${RATE}/s steady`, () => steadyStream(setup.fake, questions, TOTAL, RATE, WARMUP)],
        [`${CONCURRENCY} in flight`, () => closedLoop(setup.fake, questions, TOTAL, CONCURRENCY, WARMUP)],
      ];
      for (const [load, run] of shapes) {
        progress(`${mode}: ${TOTAL} interactions, ${load}...`);
        setup.reset(); // the fake keeps every request: do not let it grow across runs
        const t1 = performance.now();
        const outcomes = await run();
        const wallMs = performance.now() - t1;
        await sleep(200); // recording (SQLite) runs after the reply
        rows.push({ mode, load, outcomes, wallMs, memory: await setup.memory() });
      }
    } finally {
      await setup.stop();
    }
  }
} finally {
  await cleanup?.();
}

log(`npm run bench:discord — ${machineLine(machine)}`);
log(`real bot against the loopback fake Discord; FAQ ${label} (${entries} entries); ${TOTAL} /ask interactions per row after ${WARMUP} warm-up ones; ` +
  'latency = INTERACTION_CREATE written to the gateway socket -> interaction callback received by the fake REST server.');
log('separate = the bot as npm start runs it, in its own process (RSS is the bot\'s own); in-process = startHarness(), bot + fake Discord + tsx in one process (RSS is all of them).');
log();
log(table([
  ['set-up', 'load', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'failed', 'answered/abstained', 'per s', 'RSS MB', 'peak RSS MB'],
  ...rows.map((r) => {
    const s = summary(r);
    return [r.mode, r.load, String(s.n), fmt(s.p50), fmt(s.p90), fmt(s.p99), fmt(s.max), String(s.non2xx), String(s.failed),
      `${s.answered}/${s.abstained}`, fmt(s.throughput, 0), fmt(mb(r.memory.rss), 1), fmt(mb(r.memory.peak), 1)];
  }),
]));
log();
for (const [mode, s] of Object.entries(startup)) {
  log(`${mode}: start-up ${fmt(s.ms)} ms, RSS when ready ${fmt(mb(s.memory.rss), 1)} MB`);
}
const steady = rows.filter((r) => r.load.endsWith('steady'));
for (const r of steady) log(`${r.mode}, steady stream: worst dispatch lag behind the planned arrival ${fmt(summary(r).maxLag)} ms`);

const primary = rows.filter((r) => r.mode === MODES[0]);
const rssBot = Math.max(...primary.map((r) => r.memory.rss));
const checks = [
  ...primary.map((r) => ({ target: `p99 < 20 ms (${r.mode}, ${r.load})`, value: summary(r).p99, ok: summary(r).p99 < 20 })),
  { target: `resident memory < 150 MB (${MODES[0]}, largest after a run)`, value: mb(rssBot), ok: mb(rssBot) < 150 },
  { target: 'every interaction answered, all 2xx', value: rows.reduce((n, r) => n + summary(r).failed, 0), ok: rows.every((r) => summary(r).failed === 0) },
];
const loadAfter = loadavg()[0]!;
log(`load average (1 min) ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end, on ${machine.cores} cores` +
  (Math.max(loadBefore, loadAfter) > machine.cores / 2 ? ': other work was running, so the tails (p99, max) are inflated.' : '.'));
log('targets:');
for (const c of checks) log(`  ${c.ok ? 'MET ' : 'MISS'}  ${c.target}: ${fmt(c.value)}`);

log(JSON.stringify({
  machine,
  loadavg: [num(loadBefore), num(loadAfter)],
  faq: label,
  entries,
  runs: rows.map((r) => {
    const s = summary(r);
    return {
      mode: r.mode,
      load: r.load,
      interactions: s.n,
      p50_ms: num(s.p50),
      p90_ms: num(s.p90),
      p99_ms: num(s.p99),
      max_ms: num(s.max),
      non_2xx: s.non2xx,
      failed: s.failed,
      answered: s.answered,
      abstained: s.abstained,
      throughput_per_s: num(s.throughput),
      rss_mb: num(mb(r.memory.rss)),
      peak_rss_mb: num(mb(r.memory.peak)),
    };
  }),
  startup: Object.fromEntries(Object.entries(startup).map(([m, s]) => [m, { ms: num(s.ms), rss_mb: num(mb(s.memory.rss)) }])),
  targets: Object.fromEntries(checks.map((c) => [c.target, c.ok])),
}));

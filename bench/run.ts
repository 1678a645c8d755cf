/**
 * npm run bench: the matcher's speed and memory on synthetic knowledge bases of 100, 1,000
 * and 10,000 entries and on the shipped faq/, against plain Fuse.js on the same entries and
 * the same questions; plus one reload of the 10,000-entry set while questions keep coming.
 *
 * Prints a table, then (last line) one JSON object with every figure.
 *
 *   tsx --expose-gc bench/run.ts [--sizes 100,1000,10000] [--no-shipped] [--no-reload]
 *                                [--quick] [--baseline N] [--seed N]
 *
 * Timings are wall clock (process.hrtime.bigint) around each call, after a warm-up pass.
 * Nothing here asserts a timing: the targets are printed as met or missed.
 */
import { loadavg, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { pino } from 'pino';
import { loadKnowledge } from '../src/knowledge/load.js';
import { parseKnowledgeText } from '../src/knowledge/parse-file.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { LiveKnowledge } from '../src/live/live-knowledge.js';
import { loadEncoder } from '../src/embedding/encoder.js';
import { EMBEDDING_DEFAULTS, type EmbeddingOptions } from '../src/embedding/options.js';
import { buildMatcher, Matcher } from '../src/search/matcher.js';
import { ensureExposedGc, fmt, fullGc, machineFacts, machineLine, median, msSince, num, percentile, table } from './stats.js';
import { DEFAULT_SEED, generatePrefixes, generateQuestions, writeSyntheticFaq, type BenchQuestion } from './synthetic.js';

ensureExposedGc();

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    'no-shipped': { type: 'boolean', default: false },
    'no-reload': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'faq-dir': { type: 'string', default: 'faq' },
  },
});

const SEED = Number(args.seed);
const QUESTIONS = 500;
/** Timed calls per measurement (whole passes over the question set). */
const PASSES = args.quick ? 2 : 5;
const TIMED_CALLS = PASSES * QUESTIONS;
const LOADS = 3;
/**
 * Plain Fuse.js costs pattern length x text length per entry: about 30 ms a question at
 * 100 entries, 300 ms at 1,000, 3 s at 10,000. Only a spread subset is timed at the larger
 * sizes so the run stays within a few minutes; the count is printed next to the figures.
 */
function baselineCount(entries: number): number {
  if (args.baseline !== undefined) return Math.min(QUESTIONS, Number(args.baseline));
  if (args.quick) return entries >= 10_000 ? 5 : entries >= 1000 ? 20 : 50;
  return entries >= 10_000 ? 20 : entries >= 1000 ? 100 : QUESTIONS;
}

interface Latency {
  p50: number;
  /** The median of each pass's p99 (a pass = every question once): steady against a burst of load from elsewhere. */
  p99: number;
  /** p99 of all calls pooled. */
  p99Pooled: number;
  /** p99 over questions of each question's fastest pass: the work itself, without GC or preemption. */
  p99Best: number;
  max: number;
  n: number;
  /** GC pauses seen while timing: count, how many were full (major) collections, longest (ms). */
  gcCount: number;
  gcMajor: number;
  gcMaxMs: number;
}

interface SizeResult {
  label: string;
  entries: number;
  files: number;
  bytes: number;
  ask: Latency;
  autocomplete: Latency;
  baseline: Latency;
  baselineIndexMs: number;
  load: { total: number; parse: number; index: number };
  /** The first build, with no vector cached: every text embedded. */
  firstBuildMs: number;
  /** The encoder alone, per question. */
  encoder: Latency;
  /** The process's resident memory after this size was built and asked (MB). */
  rssMb: number;
  heap: { index: number; kb: number };
  quality: { oursTop1: number; oursAbstainOffTopic: number; baselineTop1: number; baselineN: number };
}

interface ReloadResult {
  entries: number;
  reloadMs: number;
  questionsDuring: number;
  worstDelayMs: number;
  p99DelayMs: number;
  idleWorstDelayMs: number;
  loopDelayMaxMs: number;
  longestSync: { parseFileMs: number; matcherBuildMs: number };
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`  ${line}\n`);

// GC pauses, as the runtime reports them (delivered asynchronously, read after each timing).
const gcPauses: { start: number; duration: number; major: boolean }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    gcPauses.push({ start: e.startTime, duration: e.duration, major: kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR });
  }
}).observe({ entryTypes: ['gc'] });

/**
 * Calls `fn` on every input, `passes` times over; returns each call's ms, pass by pass
 * (out[pass][input]). A full GC first, so one measurement does not pay for the last.
 */
async function timePasses<T>(inputs: readonly T[], passes: number, fn: (input: T) => unknown): Promise<Timed> {
  fullGc();
  await new Promise((r) => setImmediate(r));
  const from = performance.now();
  const times: number[][] = [];
  let sink = 0;
  for (let pass = 0; pass < passes; pass++) {
    const row: number[] = [];
    for (const input of inputs) {
      const t = process.hrtime.bigint();
      const r = await fn(input);
      row.push(msSince(t));
      if (r !== undefined) sink++;
    }
    times.push(row);
  }
  const to = performance.now();
  if (sink < 0) log('impossible');
  await new Promise((r) => setTimeout(r, 20));
  const pauses = gcPauses.filter((g) => g.start >= from && g.start <= to);
  return { times, gcCount: pauses.length, gcMajor: pauses.filter((g) => g.major).length, gcMaxMs: Math.max(0, ...pauses.map((g) => g.duration)) };
}

interface Timed {
  times: number[][];
  gcCount: number;
  gcMajor: number;
  gcMaxMs: number;
}

function summarize({ times, gcCount, gcMajor, gcMaxMs }: Timed): Latency {
  const all = times.flat();
  const best = times[0]!.map((_, i) => Math.min(...times.map((row) => row[i]!)));
  return {
    p50: median(all),
    p99: median(times.map((row) => percentile(row, 0.99))),
    p99Pooled: percentile(all, 0.99),
    p99Best: percentile(best, 0.99),
    max: Math.max(...all),
    n: all.length,
    gcCount,
    gcMajor,
    gcMaxMs,
  };
}

async function loadOrThrow(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new Error(`${dir}: ${result.issues.length} problem(s), first: ${result.issues[0]?.message}`);
  return result.kb;
}

/** Full collections, with turns of the event loop between them for finalisers. */
async function settleGc(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    fullGc();
    await new Promise((r) => setImmediate(r));
  }
}

function heapNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function benchSize(label: string, dir: string, meta: { files: number; bytes: number }): Promise<{ result: SizeResult; questions: BenchQuestion[] }> {
  // Load: read + parse + validate (loadKnowledge) and index (new Matcher), median of 3.
  // Each load is kept until all three are done, so the heap each one adds can be read
  // after full collections: the snapshot's, then the matcher's (its index) on top.
  const loads: { total: number; parse: number; index: number; kbBytes: number; indexBytes: number }[] = [];
  const kept: unknown[] = [];
  let kb!: KnowledgeBase;
  let matcher!: Matcher;
  // A cache of its own: the first load embeds every text, the next ones read the vectors.
  const cacheDir = await mkdtemp(join(tmpdir(), 'bench-vectors-'));
  const embedding: EmbeddingOptions = { ...EMBEDDING_DEFAULTS, cacheDir };
  for (let i = 0; i < LOADS; i++) {
    await settleGc();
    const h0 = heapNow();
    const t0 = process.hrtime.bigint();
    kb = await loadOrThrow(dir);
    const parse = msSince(t0);
    await settleGc();
    const h1 = heapNow();
    const t1 = process.hrtime.bigint();
    matcher = await buildMatcher(kb, { embedding });
    const index = msSince(t1);
    await settleGc();
    const h2 = heapNow();
    kept.push(kb, matcher);
    loads.push({ total: parse + index, parse, index, kbBytes: h1 - h0, indexBytes: h2 - h1 });
  }
  await rm(cacheDir, { recursive: true, force: true });
  const firstBuildMs = loads[0]!.index;
  // (load: the warm ones, as a reload or a restart sees it)
  const med = (key: keyof (typeof loads)[number]) => median(loads.slice(1).map((l) => l[key]));
  const load = { total: med('total'), parse: med('parse'), index: med('index') };
  const heap = { kb: med('kbBytes') / 2 ** 20, index: med('indexBytes') / 2 ** 20 };
  kept.length = 0;

  const entries = kb.entries.length;
  const questions = generateQuestions(kb.entries, QUESTIONS, SEED + entries + 1);
  const texts = questions.map((q) => q.text);
  const prefixes = generatePrefixes(questions, SEED + entries + 2);

  // Warm-up: one untimed pass each, so the JIT has seen every path.
  for (const q of texts) (await matcher.ask(q));
  for (const p of prefixes) matcher.autocomplete(p);
  const ask = summarize(await timePasses(texts, PASSES, (q) => matcher.ask(q)));
  const autocomplete = summarize(await timePasses(prefixes, PASSES, (p) => matcher.autocomplete(p)));
  const encoderModel = await loadEncoder();
  const encoder = summarize(await timePasses(texts, 1, (q) => encoderModel.embed(q)));
  const rssMb = process.memoryUsage().rss / 2 ** 20;

  // Quality, only to show both sides do real work (npm run eval measures it properly).
  let hits = 0;
  let paraphrases = 0;
  let abstained = 0;
  let offTopic = 0;
  for (const q of questions) {
    const a = (await matcher.ask(q.text));
    if (q.kind === 'paraphrase') {
      paraphrases++;
      if (a.match?.entry.id === q.entryId) hits++;
    } else {
      offTopic++;
      if (a.match === null) abstained++;
    }
  }

  // Baseline: plain Fuse.js, one index over question + alternates, whole sentence as pattern.
  const tb = process.hrtime.bigint();
  const fuse = new Fuse(kb.entries as KnowledgeBase['entries'][number][], { keys: ['question', 'alternates'], ignoreLocation: true, includeScore: true });
  const baselineIndexMs = msSince(tb);
  const nBase = baselineCount(entries);
  const step = QUESTIONS / nBase;
  const sample = Array.from({ length: nBase }, (_, i) => questions[Math.floor(i * step)]!);
  progress(`${label}: ours done (ask p99 ${fmt(ask.p99)} ms); plain Fuse.js on ${nBase} questions...`);
  fuse.search(sample[0]!.text); // warm-up
  let baseHits = 0;
  let baseParaphrases = 0;
  const baseTimes = await timePasses(sample, 1, (q) => {
    const r = fuse.search(q.text);
    if (q.kind === 'paraphrase') {
      baseParaphrases++;
      if (r[0]?.item.id === q.entryId) baseHits++;
    }
    return r;
  });
  const baseline = summarize(baseTimes);

  return {
    questions,
    result: {
      label,
      entries,
      files: meta.files,
      bytes: meta.bytes,
      ask,
      autocomplete,
      baseline,
      baselineIndexMs,
      load,
      firstBuildMs,
      encoder,
      rssMb,
      heap,
      quality: {
        oursTop1: paraphrases > 0 ? hits / paraphrases : NaN,
        oursAbstainOffTopic: offTopic > 0 ? abstained / offTopic : NaN,
        baselineTop1: baseParaphrases > 0 ? baseHits / baseParaphrases : NaN,
        baselineN: nBase,
      },
    },
  };
}

/**
 * One reload of `dir` while questions keep coming: a setImmediate loop asks one question
 * per turn of the event loop through LiveKnowledge (as the bot does). A question that
 * arrives just after the previous one waits for whatever holds the loop, then for its own
 * answer: its delay is the time from the previous answer to its own.
 */
async function reloadUnderLoad(dir: string, questions: readonly string[]): Promise<ReloadResult> {
  // No vector cache: the reload is a first build in the worker, every text embedded there.
  const opened = await LiveKnowledge.open(dir, pino({ level: 'silent' }), { embedding: { ...EMBEDDING_DEFAULTS, cacheDir: null } });
  if (!(opened instanceof LiveKnowledge)) throw new Error(`${dir} did not load`);
  const live = opened;
  let i = 0;
  let prevEnd = performance.now();
  let record: number[] | null = null;
  let stopped = false;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const turn = () => {
    if (stopped) return finished();
    void live.matcher.ask(questions[i++ % questions.length]!).then(() => {
      const end = performance.now();
      record?.push(end - prevEnd);
      prevEnd = end;
      setImmediate(turn);
    });
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  setImmediate(turn);
  // Without a reload first: the loop's own worst (GC, timers).
  const idle: number[] = [];
  record = idle;
  await sleep(500);
  const during: number[] = [];
  record = during;
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const t0 = performance.now();
  const outcome = await live.reload();
  const reloadMs = performance.now() - t0;
  await sleep(200); // the old snapshot's garbage is collected around here
  histogram.disable();
  stopped = true;
  await done;
  await live.close();
  if (!outcome.ok) throw new Error('reload failed');

  // The longest steps a reload runs in its worker (each would hold the event loop if run here).
  const files = (await loadOrThrow(dir)).files;
  let parseFileMs = 0;
  for (const file of files) {
    const text = await readFile(join(dir, file.split(/[\\/]/).pop()!), 'utf8');
    const t = process.hrtime.bigint();
    parseKnowledgeText(text, file);
    parseFileMs = Math.max(parseFileMs, msSince(t));
  }
  const kb = await loadOrThrow(dir);
  fullGc();
  const t = process.hrtime.bigint();
  await buildMatcher(kb, { embedding: { ...EMBEDDING_DEFAULTS, cacheDir: null } });
  const matcherBuildMs = msSince(t);

  return {
    entries: live.matcher.kb.entries.length,
    reloadMs,
    questionsDuring: during.length,
    worstDelayMs: Math.max(...during),
    p99DelayMs: percentile(during, 0.99),
    idleWorstDelayMs: Math.max(...idle),
    loopDelayMaxMs: histogram.max / 1e6,
    longestSync: { parseFileMs, matcherBuildMs },
  };
}

/**
 * A FAQ of 1,000 entries with 10 phrasings each: its first build (no vector cached, every
 * text embedded), then a reload through the worker after one entry's question is edited.
 */
async function buildAndEdit(): Promise<{ entries: number; phrasings: number; firstBuildMs: number; reloadAfterEditMs: number }> {
  const faq = await writeSyntheticFaq(1000, SEED, 9);
  const cacheDir = await mkdtemp(join(tmpdir(), 'bench-vectors-'));
  try {
    const t0 = process.hrtime.bigint();
    const opened = await LiveKnowledge.open(faq.dir, pino({ level: 'silent' }), { embedding: { ...EMBEDDING_DEFAULTS, cacheDir } });
    const firstBuildMs = msSince(t0);
    if (!(opened instanceof LiveKnowledge)) throw new Error('the 1,000 x 10 FAQ did not load');
    const kb = opened.matcher.kb;
    const phrasings = kb.entries.reduce((n, e) => n + 1 + e.alternates.length, 0);
    const file = join(faq.dir, 'faq-000.yaml');
    const first = kb.entries[0]!.question;
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(first, `${first.replace(/\?$/, '')} today?`));
    const t1 = process.hrtime.bigint();
    const outcome = await opened.reload();
    const reloadAfterEditMs = msSince(t1);
    await opened.close();
    if (!outcome.ok) throw new Error(`the edited FAQ did not reload: ${outcome.issues[0]?.message}`);
    return { entries: kb.entries.length, phrasings, firstBuildMs, reloadAfterEditMs };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
    await faq.cleanup();
  }
}

// ---------------------------------------------------------------------------------------

const machine = machineFacts();
const loadBefore = loadavg()[0]!;
log(`npm run bench — ${machineLine(machine)}`);
log(`seed ${SEED}; ${QUESTIONS} questions per size (paraphrases with word swaps/drops, 1/3 with a typo, 1/5 off-topic); ` +
  `ask and autocomplete: ${PASSES} timed passes over them (${TIMED_CALLS} calls) after a warm-up pass, p99 = median of the passes' p99; load = median of ${LOADS}.`);
log();

const sizes = args.sizes.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const results: SizeResult[] = [];
let reload: ReloadResult | undefined;
let edit: Awaited<ReturnType<typeof buildAndEdit>> | undefined;
const cleanups: (() => Promise<void>)[] = [];
try {
  for (const size of sizes) {
    progress(`${size}: writing synthetic knowledge files...`);
    const faq = await writeSyntheticFaq(size, SEED);
    cleanups.push(faq.cleanup);
    const { result, questions } = await benchSize(String(size), faq.dir, faq);
    results.push(result);
    if (size === Math.max(...sizes) && size >= 10_000 && !args['no-reload']) {
      progress(`${size}: reload while asking...`);
      reload = await reloadUnderLoad(faq.dir, questions.map((q) => q.text));
    }
  }
  if (sizes.includes(1000) && !args['no-reload']) {
    progress('1,000 entries x 10 phrasings: first build, then a reload after one edit...');
    edit = await buildAndEdit();
  }
  if (!args['no-shipped']) {
    const dir = args['faq-dir'];
    const kb = await loadOrThrow(dir);
    let bytes = 0;
    for (const f of kb.files) bytes += (await readFile(join(dir, f.split(/[\\/]/).pop()!))).length;
    progress(`shipped ${dir}/ (${kb.entries.length} entries)...`);
    results.push((await benchSize(`shipped`, dir, { files: kb.files.length, bytes })).result);
  }
} finally {
  for (const c of cleanups) await c();
}

// ---------------------------------------------------------------------------------------
// Report

const pair = (l: Latency) => `${fmt(l.p50)} / ${fmt(l.p99)}`;
log(table([
  ['size', 'entries', 'ask p50/p99 ms', 'autocomplete p50/p99 ms', 'baseline p50/p99 ms (n)', 'speed-up p50/p99', 'load ms', '(parse+index)', 'heap MB', 'kb MB'],
  ...results.map((r) => [
    r.label,
    String(r.entries),
    pair(r.ask),
    pair(r.autocomplete),
    `${pair(r.baseline)} (${r.baseline.n})`,
    `${fmt(r.baseline.p50 / r.ask.p50, 0)}x / ${fmt(r.baseline.p99 / r.ask.p99, 0)}x`,
    fmt(r.load.total),
    `${fmt(r.load.parse)}+${fmt(r.load.index)}`,
    fmt(r.heap.index, 1),
    fmt(r.heap.kb, 1),
  ]),
]));
log();
log('heap MB = heapUsed + arrayBuffers added by await buildMatcher(kb) (the index), after full GCs; kb MB = the loaded snapshot itself.');
log(`baseline = new Fuse(entries, { keys: ['question', 'alternates'], ignoreLocation: true }).search(whole question); ` +
  `n = questions timed (a spread subset at 1,000+ entries: ~0.3-3 s each).`);
log('p99 pooled = over all timed calls; p99 best = over questions, each at its fastest pass (the work alone, without GC pauses or preemption).');
log(table([
  ['size', 'files', 'file MB', 'ask p99 pooled/best/max ms', 'autocomplete p99 pooled/best/max ms', 'GC pauses: all/major (max ms) in ask timing', 'Fuse index ms', 'ours top-1 (paraphrases)', 'ours abstains (off-topic)', 'baseline top-1 (n)'],
  ...results.map((r) => [
    r.label,
    String(r.files),
    fmt(r.bytes / 2 ** 20, 2),
    `${fmt(r.ask.p99Pooled)} / ${fmt(r.ask.p99Best)} / ${fmt(r.ask.max)}`,
    `${fmt(r.autocomplete.p99Pooled)} / ${fmt(r.autocomplete.p99Best)} / ${fmt(r.autocomplete.max)}`,
    `${r.ask.gcCount}/${r.ask.gcMajor} (${fmt(r.ask.gcMaxMs)})`,
    fmt(r.baselineIndexMs),
    `${fmt(r.quality.oursTop1 * 100, 1)}%`,
    `${fmt(r.quality.oursAbstainOffTopic * 100, 1)}%`,
    `${fmt(r.quality.baselineTop1 * 100, 1)}% (${r.quality.baselineN})`,
  ]),
]));
log();
log('Encoder alone, per question, and what it takes to build a FAQ with no vector cached:');
log(table([
  ['size', 'encoder p50/p99 ms', 'first build ms', 'load ms (vectors cached)', 'RSS MB after'],
  ...results.map((r) => [r.label, pair(r.encoder), fmt(r.firstBuildMs), fmt(r.load.total), fmt(r.rssMb, 0)]),
]));
if (edit) {
  log(`${edit.entries.toLocaleString('en-US')} entries x 10 phrasings (${edit.phrasings.toLocaleString('en-US')} phrasings): first build ${fmt(edit.firstBuildMs)} ms; ` +
    `reload through the worker after one question was edited ${fmt(edit.reloadAfterEditMs)} ms.`);
}
if (reload) {
  log();
  log(`reload of ${reload.entries.toLocaleString('en-US')} entries while asking: reload took ${fmt(reload.reloadMs)} ms; ` +
    `${reload.questionsDuring} questions answered meanwhile; worst delay a question saw ${fmt(reload.worstDelayMs)} ms ` +
    `(p99 ${fmt(reload.p99DelayMs)} ms; event-loop delay max ${fmt(reload.loopDelayMaxMs)} ms; without a reload the worst was ${fmt(reload.idleWorstDelayMs)} ms).`);
  log(`  work a reload does in its worker thread, off the event loop: parsing one knowledge file ${fmt(reload.longestSync.parseFileMs)} ms, ` +
    `indexing the snapshot ${fmt(reload.longestSync.matcherBuildMs)} ms; the main thread only builds the snapshot from the pieces it sends, restores the index and swaps it in.`);
}

// Targets from the issue (p99 on this machine).
const at = (n: number) => results.find((r) => r.label === String(n));
type Check = { target: string; value: number | undefined; ok: boolean | undefined };
const check = (target: string, value: number | undefined, limit: number, atLeast = false): Check => ({
  target,
  value,
  ok: value === undefined ? undefined : atLeast ? value >= limit : value <= limit,
});
const r1k = at(1000);
const r10k = at(10_000);
const checks: Check[] = [
  check('ask p99 <= 10 ms at 1,000, encoder included', r1k?.ask.p99, 10),
  check('ask p99 <= 20 ms at 10,000, encoder included', r10k?.ask.p99, 20),
  check('ask >= 30x faster than baseline at 1,000 (p99/p99)', r1k ? r1k.baseline.p99 / r1k.ask.p99 : undefined, 30, true),
  check('ask >= 30x faster than baseline at 10,000 (p99/p99)', r10k ? r10k.baseline.p99 / r10k.ask.p99 : undefined, 30, true),
  check('autocomplete p99 <= 1 ms at 1,000', r1k?.autocomplete.p99, 1),
  check('autocomplete p99 <= 3 ms at 10,000', r10k?.autocomplete.p99, 3),
  check('first build of 1,000 entries x 10 phrasings <= 60,000 ms', edit?.firstBuildMs, 60_000),
  check('reload of it after one edit <= 5,000 ms', edit?.reloadAfterEditMs, 5000),
  check('first build of 10,000 entries in the worker <= 600,000 ms', reload?.reloadMs, 600_000),
  check('that build delays a question <= 50 ms', reload?.worstDelayMs, 50),
  check('RSS with the encoder loaded <= 350 MB after 1,000 entries', r1k?.rssMb, 350),
];
const loadAfter = loadavg()[0]!;
log();
log(`load average (1 min) ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end, on ${machine.cores} cores` +
  (Math.max(loadBefore, loadAfter) > machine.cores / 2 ? ': other work was running, so the tails (p99, max) are inflated.' : '.'));
log('targets:');
for (const c of checks) {
  log(`  ${c.ok === undefined ? 'n/a ' : c.ok ? 'MET ' : 'MISS'}  ${c.target}: ${c.value === undefined ? 'not measured' : fmt(c.value)}`);
}

const lat = (l: Latency, prefix: string) => ({ [`${prefix}_p50_ms`]: num(l.p50), [`${prefix}_p99_ms`]: num(l.p99) });
const tails = (l: Latency, prefix: string) => ({ [`${prefix}_p99_pooled_ms`]: num(l.p99Pooled), [`${prefix}_p99_best_ms`]: num(l.p99Best), [`${prefix}_max_ms`]: num(l.max) });
const json = {
  machine,
  loadavg: [num(loadBefore), num(loadAfter)],
  seed: SEED,
  questions: QUESTIONS,
  timed_calls: TIMED_CALLS,
  sizes: Object.fromEntries(results.map((r) => [r.label, {
    entries: r.entries,
    ...lat(r.ask, 'ask'),
    ...lat(r.autocomplete, 'autocomplete'),
    ...lat(r.baseline, 'baseline_ask'),
    baseline_n: r.baseline.n,
    ...tails(r.ask, 'ask'),
    ...tails(r.autocomplete, 'autocomplete'),
    gc_pauses_during_ask: r.ask.gcCount,
    gc_major_during_ask: r.ask.gcMajor,
    gc_max_ms_during_ask: num(r.ask.gcMaxMs),
    speedup_p50: num(r.baseline.p50 / r.ask.p50),
    speedup_p99: num(r.baseline.p99 / r.ask.p99),
    load_ms: num(r.load.total),
    first_build_ms: num(r.firstBuildMs),
    ...lat(r.encoder, 'encoder'),
    rss_mb: num(r.rssMb),
    parse_ms: num(r.load.parse),
    index_ms: num(r.load.index),
    heap_mb: num(r.heap.index),
    kb_heap_mb: num(r.heap.kb),
    top1: num(r.quality.oursTop1),
    offtopic_abstain: num(r.quality.oursAbstainOffTopic),
  }])),
  ...(edit ? { edit: { entries: edit.entries, phrasings: edit.phrasings, first_build_ms: num(edit.firstBuildMs), reload_after_edit_ms: num(edit.reloadAfterEditMs) } } : {}),
  ...(reload ? {
    reload: {
      entries: reload.entries,
      reload_ms: num(reload.reloadMs),
      questions_during: reload.questionsDuring,
      worst_delay_ms: num(reload.worstDelayMs),
      p99_delay_ms: num(reload.p99DelayMs),
      idle_worst_delay_ms: num(reload.idleWorstDelayMs),
      parse_file_max_ms: num(reload.longestSync.parseFileMs),
      matcher_build_ms: num(reload.longestSync.matcherBuildMs),
    },
  } : {}),
  targets: Object.fromEntries(checks.map((c) => [c.target, c.ok ?? null])),
};
log(JSON.stringify(json));

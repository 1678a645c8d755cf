import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Entry, KnowledgeBase } from '../../src/knowledge/types.js';
import { LiveKnowledge } from '../../src/live/live-knowledge.js';
import { WorkerReader } from '../../src/live/reader.js';
import { EMBEDDING_DEFAULTS } from '../../src/embedding/options.js';
import { buildMatcher, Matcher } from '../../src/search/matcher.js';
import { writeSyntheticFaq } from '../../bench/synthetic.js';

/**
 * Reloads run off the main thread (reader.ts, reload-worker.ts): what they serve must be
 * what a load on the main thread serves, a failing worker must end the reload with an
 * error (never a hang), and questions asked meanwhile must keep being answered.
 */

const FAQ_FILE = 'iran-us-pakistan.yaml';
const FAULTY = new URL('./fixtures/faulty-reload-worker.ts', import.meta.url);
const extraFile = `entries:
  - id: cricket-score
    question: What was the cricket score in the Islamabad test match?
    alternates: [cricket score islamabad]
    answer: This entry exists only to test reloading.
    sources: [archyworldys-secret-diplomacy]
    review_by: 2026-06-30
`;
const QUESTIONS = [
  'who went to pakistan for the americans',
  'what is a back channel',
  'why did the islamabad talks fail',
  'cricket score islamabad',
  'what does it mean to save face',
  'was pakistan invited to the istanbul talks',
  'what is the weather like',
];

/** The shipped file's entries and the one extra.yaml adds. */
let withExtra: number;
let dir: string;
const readers: WorkerReader[] = [];
const lives: LiveKnowledge[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-reload-'));
  await cp(join('faq', FAQ_FILE), join(dir, FAQ_FILE));
  const shipped = await loadKnowledge(dir);
  if (!shipped.ok) throw new Error('the shipped FAQ does not load');
  withExtra = shipped.kb.entries.length + 1;
});
afterEach(async () => {
  await Promise.all(lives.splice(0).map((live) => live.close()));
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
  await rm(dir, { recursive: true, force: true });
});

async function open(reader: WorkerReader): Promise<LiveKnowledge> {
  readers.push(reader);
  const live = await LiveKnowledge.open(dir, pino({ level: 'silent' }), { reader });
  if (!(live instanceof LiveKnowledge)) throw new Error('the shipped FAQ did not load');
  lives.push(live);
  return live;
}

/** Everything a snapshot serves, without the time it was made. */
const contents = (kb: KnowledgeBase) => ({ ...kb, loadedAt: undefined });
const answers = (matcher: Matcher) => Promise.all(QUESTIONS.map(async (q) => [await matcher.ask(q), matcher.autocomplete(q.slice(0, 12))]));

describe('given a reload through the worker thread', () => {
  it('then the snapshot and the answers are exactly those of a load on the main thread', async () => {
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    const reader = new WorkerReader();
    readers.push(reader);
    const read = await reader.read(dir);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const { kb } = read;
    const restored = await Matcher.fromData(kb, read.index);

    const loaded = await loadKnowledge(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(contents(kb)).toEqual(contents(loaded.kb));
    expect(JSON.stringify(contents(kb))).toBe(JSON.stringify(contents(loaded.kb)));
    expect(JSON.stringify(await answers(restored))).toBe(JSON.stringify(await answers(await buildMatcher(loaded.kb))));
  });

  it('then a new file is served, and a broken one is reported with file:line while the last good set stays', async () => {
    const live = await open(new WorkerReader());
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    expect(await live.reload()).toMatchObject({ ok: true, entries: withExtra });
    expect((await live.matcher.ask('cricket score islamabad')).match?.entry.id).toBe('cricket-score');

    const good = live.matcher;
    await writeFile(join(dir, 'extra.yaml'), `${extraFile}    bogus: field\n`);
    const outcome = await live.reload();
    expect(outcome.ok).toBe(false);
    expect(live.matcher).toBe(good);
    expect(live.problem![0]).toMatchObject({ file: expect.stringContaining('extra.yaml'), line: 8, message: expect.stringContaining('bogus') });
  });

  it('then after the worker was ended for being idle, the next reload starts a new one', async () => {
    const live = await open(new WorkerReader(undefined, 120_000, 50));
    expect((await live.reload()).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    expect(await live.reload()).toMatchObject({ ok: true, entries: withExtra });
  });

  it('then a later reload serves what changed since the last one (unchanged files come from its cache)', async () => {
    const live = await open(new WorkerReader());
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    expect((await live.reload()).ok).toBe(true);
    await writeFile(join(dir, 'extra.yaml'), extraFile.replace('cricket score islamabad', 'islamabad cricket result'));
    expect((await live.reload()).ok).toBe(true);
    expect(live.matcher.entry('cricket-score')!.alternates).toEqual(['islamabad cricket result']);
    expect(live.matcher.entry('us-envoy')).toBeDefined();
  });
});

describe('given a worker thread that fails', () => {
  for (const [marker, what] of [
    ['crash-the-reader', 'throws'],
    ['exit-the-reader', 'exits'],
  ] as const) {
    it(`(it ${what}), then the reload ends with the error reported, the last good set stays, and the next reload works`, async () => {
      const live = await open(new WorkerReader(FAULTY));
      const before = live.matcher;
      await writeFile(join(dir, 'extra.yaml'), extraFile);
      await writeFile(join(dir, marker), '');
      const failed = await live.reload();
      expect(failed.ok).toBe(false);
      expect(failed.ok ? [] : failed.issues).toEqual([expect.objectContaining({ file: dir, message: expect.stringMatching(/could not be read: the loader stopped/) })]);
      expect(live.problem).not.toBeNull();
      expect(live.matcher).toBe(before);
      expect((await live.matcher.ask('who went to pakistan for the americans')).match?.entry.id).toBe('us-envoy');

      await rm(join(dir, marker));
      expect(await live.reload()).toMatchObject({ ok: true, entries: withExtra });
      expect(live.problem).toBeNull();
      expect(live.matcher.entry('cricket-score')).toBeDefined();
    });
  }

  it('(it never answers), then the read ends with an error after its time limit', async () => {
    const reader = new WorkerReader(FAULTY, 1500);
    readers.push(reader);
    await writeFile(join(dir, 'hang-the-reader'), '');
    const read = await reader.read(dir);
    expect(read.ok ? [] : read.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/no answer in 2 s/) })]);
  });

  it('(it cannot even start), then the read ends with an error', async () => {
    const reader = new WorkerReader(new URL('./fixtures/no-such-worker.js', import.meta.url));
    readers.push(reader);
    const read = await reader.read(dir);
    expect(read.ok).toBe(false);
  });

  it('(it is stopped while it embeds a big FAQ), then the read ends with an error and the process lives on', { timeout: 60_000 }, async () => {
    // onnxruntime-node aborts the process when a thread is terminated with a run in flight:
    // the worker is asked to end itself after its run instead.
    // (1,500 entries: 7,500 texts to embed, many seconds on any machine, so it is stopped mid-way)
    const big = await writeSyntheticFaq(1500, 7);
    try {
      const reader = new WorkerReader();
      const reading = reader.read(big.dir, { ...EMBEDDING_DEFAULTS, cacheDir: null });
      await new Promise((r) => setTimeout(r, 2500));
      reader.close();
      expect((await reading).ok).toBe(false);
      await new Promise((r) => setTimeout(r, 500));
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      await big.cleanup();
    }
  });

  it('(it is closed during a read), then the read ends with an error', async () => {
    const reader = new WorkerReader();
    const reading = reader.read(dir);
    reader.close();
    expect((await reading).ok).toBe(false);
  });
});

describe('given a reader closed in a process with nothing else to do', () => {
  it('then close() settles once its idle worker has ended, before the process exits', { timeout: 60_000 }, () => {
    // An idle worker does not keep the process alive; one being stopped must, until it has ended.
    const code = `import { WorkerReader } from ${JSON.stringify(new URL('../../src/live/reader.ts', import.meta.url).href)};
      const reader = new WorkerReader();
      const read = await reader.read(${JSON.stringify(dir)});
      await reader.close();
      console.log(read.ok ? 'closed' : 'the read failed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }, run.stderr).toEqual({ status: 0, stdout: 'closed' });
  });
});

describe('given questions asked while a reload runs', () => {
  it('then they keep being answered meanwhile, each by the old set or the new one, whole', async () => {
    await rm(dir, { recursive: true, force: true });
    const generated = await writeSyntheticFaq(1000);
    dir = generated.dir;
    const live = await open(new WorkerReader());
    const old = live.matcher;
    const questions = old.kb.entries.slice(0, 200).map((e) => e.alternates[0] ?? e.question);
    await writeFile(join(dir, 'zz-extra.yaml'), extraFile.replace('archyworldys-secret-diplomacy', 'src-f0-0'));

    let stop = false;
    let during = 0;
    let reloading = true;
    const seen = new Set<Matcher>();
    let wrong = 0;
    const asking = new Promise<void>((resolve) => {
      let i = 0;
      const turn = async () => {
        if (stop) return resolve();
        const matcher = live.matcher;
        seen.add(matcher);
        const answer = (await matcher.ask(questions[i++ % questions.length]!));
        // An answer comes from the entries of the matcher that gave it, never a mix.
        const own = new Set<Entry>(matcher.kb.entries);
        if (answer.match !== null && !own.has(answer.match.entry)) wrong++;
        if (reloading) during++;
        setImmediate(() => void turn());
      };
      setImmediate(turn);
    });
    const outcome = await live.reload();
    reloading = false;
    stop = true;
    await asking;
    try {
      expect(outcome).toMatchObject({ ok: true, entries: 1001 });
      expect(wrong).toBe(0);
      expect([...seen].every((m) => m === old || m === live.matcher)).toBe(true);
      expect(live.matcher).not.toBe(old);
      // Built from the worker's pieces (entries 500 at a time), the snapshot is the one a load makes.
      const loaded = await loadKnowledge(dir);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      expect(JSON.stringify(contents(live.matcher.kb))).toBe(JSON.stringify(contents(loaded.kb)));
      // The reload reads, checks and indexes 1,000 entries and learns from them: if it held the event loop, no
      // question would be answered before it ended.
      expect(during).toBeGreaterThan(20);
    } finally {
      await generated.cleanup();
    }
  }, 60_000);
});

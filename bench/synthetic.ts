/**
 * Synthetic knowledge bases and question sets for the benchmark, from a fixed seed.
 *
 * An entry has a 12-word question, three informal alternates and a 60-word answer, written
 * from everyday English (bench/vocabulary.ts) and made-up proper names, with sources. The
 * entries are written as real knowledge files (YAML, several files, each well under the
 * loader's 2 MB cap) so that timing a load covers read + parse + validate + index.
 *
 * Entries are generated one after the other from one stream: the 100-entry set is the
 * first 100 entries of the 1,000-entry set, and so on.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Entry } from '../src/knowledge/types.js';
import {
  ADJECTIVES, NOUNS, OFF_TOPIC_TEMPLATES, OFF_TOPIC_WORDS, PERSON_NAMES, PLACES, REWORDINGS, SYLLABLES, SYNONYM_GROUPS, TIMES, VERBS,
} from './vocabulary.js';

export const DEFAULT_SEED = 20260214;
/** Entries per generated file: 1,000 entries make a file of about 0.8 MB (the cap is 2 MB). */
export const ENTRIES_PER_FILE = 1000;

// ---------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(readonly next: () => number) {}
  static seeded(seed: number): Rng {
    return new Rng(mulberry32(seed));
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** Picks with a Zipf-like skew: rank r is drawn in proportion to 1 / (r + offset)^s. */
class Zipf<T> {
  private readonly cumulative: Float64Array;
  constructor(private readonly items: readonly T[], s = 1, offset = 2) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((_, r) => {
      sum += 1 / Math.pow(r + offset, s);
      this.cumulative[r] = sum;
    });
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const unique = (words: readonly string[]) => [...new Set(words)];

/** Made-up proper names ("Velmora", "Kastrin"), as many as a 10,000-entry FAQ would hold. */
function makeNames(rng: Rng, count: number): string[] {
  const names = new Set<string>([...PLACES, ...PERSON_NAMES]);
  while (names.size < count) {
    const n = rng.int(2, 3);
    let w = '';
    for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
    if (w.length >= 4) names.add(w[0]!.toUpperCase() + w.slice(1));
  }
  return rng.shuffle([...names]);
}

interface Vocabulary {
  nouns: Zipf<string>;
  verbs: Zipf<string>;
  adjectives: Zipf<string>;
  names: Zipf<string>;
  times: readonly string[];
}

function vocabulary(rng: Rng): Vocabulary {
  return {
    nouns: new Zipf(unique(NOUNS), 0.9, 3),
    verbs: new Zipf(unique(VERBS), 0.9, 3),
    adjectives: new Zipf(unique(ADJECTIVES), 0.9, 3),
    // Names are many and flat-ish: each product, team or place has a handful of entries.
    names: new Zipf(makeNames(rng, 2500), 0.6, 10),
    times: TIMES,
  };
}

function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function gerund(verb: string): string {
  if (verb.includes(' ')) return verb.replace(/^(\S+)/, (v) => gerund(v));
  if (/[^e]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  if (/^(stop|ship|pin|plan|drop|ban|unban|set)$/.test(verb)) return `${verb}${verb.at(-1)}ing`;
  return `${verb}ing`;
}

// ---------------------------------------------------------------------------------------
// Entries

/** What one entry is about: the words its question, alternates and answer are made from. */
interface Topic {
  v: string;
  n1: string;
  n2: string;
  n3: string;
  a: string;
  p: string;
  t: string;
}

/** Every question frame is exactly 12 words. */
const QUESTION_FRAMES: readonly ((x: Topic) => string)[] = [
  (x) => `How do I ${x.v} the ${x.a} ${x.n1} for ${x.p} ${x.n2} before ${x.t}?`,
  (x) => `Why does the ${x.n1} ${thirdPerson(x.v)} my ${x.a} ${x.n2} whenever ${x.p} ${thirdPerson(x.v)} ${x.n3}?`,
  (x) => `What happens to the ${x.n1} if ${x.p} ${thirdPerson(x.v)} the ${x.a} ${x.n2} ${x.t}?`,
  (x) => `Can I ${x.v} ${x.a} ${x.n1} with ${x.p} ${x.n2} without losing my ${x.n3}?`,
  (x) => `Where should I ${x.v} the ${x.n1} when the ${x.p} ${x.n2} is ${x.a}?`,
  (x) => `Who decides whether ${x.p} can ${x.v} the ${x.a} ${x.n1} ${x.n2} during ${x.t}?`,
  (x) => `Is it possible to ${x.v} a ${x.n1} for the ${x.a} ${x.p} ${x.n2} ${x.t}?`,
  (x) => `When will ${x.p} ${x.v} the ${x.a} ${x.n1} and ${x.n2} for new ${x.n3}s?`,
  (x) => `Which ${x.n1} should I ${x.v} to get ${x.a} ${x.n2} from ${x.p} ${x.n3}?`,
  (x) => `How long does it take to ${x.v} the ${x.p} ${x.n1} after ${x.t}?`,
];

/** Informal rewordings, as members type them. */
const ALTERNATE_FRAMES: readonly ((x: Topic, w: (s: string) => string) => string)[] = [
  (x, w) => `how to ${w(x.v)} ${x.a} ${w(x.n1)} ${x.p}`,
  (x, w) => `${x.p} ${w(x.n1)} ${x.n2} not working`,
  (x, w) => `cant ${w(x.v)} my ${w(x.n1)} before ${x.t}`,
  (x, w) => `${w(x.v)} ${x.n2} for ${x.p}?`,
  (x, w) => `whats the deal with ${x.a} ${w(x.n1)} and ${x.n3}`,
  (x, w) => `${w(x.n1)} ${w(x.v)} help pls`,
  (x, w) => `is ${gerund(w(x.v))} the ${w(x.n2)} allowed on ${x.p}`,
  (x, w) => `${x.p} ${w(x.n2)} ${w(x.v)} during ${x.t}?`,
];

/** Answer sentences; an answer is cut to exactly 60 words. */
const ANSWER_FRAMES: readonly ((x: Topic, r: () => string) => string)[] = [
  (x) => `The ${x.n1} ${thirdPerson(x.v)} the ${x.a} ${x.n2} once ${x.p} confirms the ${x.n3}.`,
  (x, r) => `You can ${x.v} your ${x.n1} from the ${r()} page of the ${x.p} ${x.n2}.`,
  (x, r) => `If the ${x.n2} is ${x.a}, ${x.v} the ${r()} first and then try again.`,
  (x, r) => `${x.p} usually handles ${x.n1} requests within two working days, and the ${r()} team answers questions.`,
  (x, r) => `Contact the ${r()} team when the ${x.a} ${x.n1} still does not work after ${x.t}.`,
  (x, r) => `Keep your ${x.n3} and ${r()} ready, because the ${x.n2} staff may ask for them.`,
  (x, r) => `Most members finish this in a few minutes, but a ${r()} can take longer during ${x.t}.`,
  (x, r) => `Nothing is lost: your ${x.n1}, ${r()} and ${x.n3} stay as they were.`,
];

function entryId(index: number, x: Topic): string {
  return `e${String(index).padStart(5, '0')}-${x.v}-${x.n1}`.toLowerCase();
}

export interface SyntheticEntry {
  id: string;
  question: string;
  alternates: string[];
  answer: string;
  sources: string[];
  tags: string[];
}

interface Generated {
  entries: SyntheticEntry[];
  sourceIds: string[][];
}

/**
 * `count` entries from `seed`. Questions are unique after the loader's own normalisation
 * (it refuses two entries asking the same thing), so a duplicate is drawn again.
 */
export function generateEntries(count: number, seed = DEFAULT_SEED, alternatesEach = 3): Generated {
  const rng = Rng.seeded(seed);
  const vocab = vocabulary(rng);
  const noun = () => vocab.nouns.pick(rng);
  const seen = new Set<string>();
  const entries: SyntheticEntry[] = [];
  const files = Math.ceil(count / ENTRIES_PER_FILE);
  const sourceIds = Array.from({ length: files }, (_, f) => Array.from({ length: 12 }, (_, k) => `src-f${f}-${k}`));
  for (let i = 0; i < count; i++) {
    for (;;) {
      const n1 = noun();
      let n2 = noun();
      while (n2 === n1) n2 = noun();
      let n3 = noun();
      while (n3 === n1 || n3 === n2) n3 = noun();
      const x: Topic = { v: vocab.verbs.pick(rng), n1, n2, n3, a: vocab.adjectives.pick(rng), p: vocab.names.pick(rng), t: rng.pick(vocab.times) };
      const question = rng.pick(QUESTION_FRAMES)(x);
      const key = question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (seen.has(key)) continue;
      seen.add(key);
      const reword = (word: string) => (rng.chance(0.3) && REWORDINGS[word] ? rng.pick(REWORDINGS[word]!) : word);
      const frames = rng.shuffle([...ALTERNATE_FRAMES]).slice(0, alternatesEach);
      const alternates = frames.map((f) => f(x, reword));
      const words: string[] = [];
      while (words.length < 60) words.push(...rng.pick(ANSWER_FRAMES)(x, noun).split(' '));
      const answer = words.slice(0, 60).join(' ').replace(/[.,]?$/, '.');
      const fileSources = sourceIds[Math.floor(i / ENTRIES_PER_FILE)]!;
      const sources = [rng.pick(fileSources)];
      if (rng.chance(0.3)) {
        const second = rng.pick(fileSources);
        if (second !== sources[0]) sources.push(second);
      }
      entries.push({ id: entryId(i, x), question, alternates, answer, sources, tags: [x.n1, x.p.toLowerCase()] });
      break;
    }
  }
  return { entries, sourceIds };
}

/**
 * Writes `count` synthetic entries as knowledge files (ENTRIES_PER_FILE per file) in a new
 * temporary folder; `cleanup` removes it.
 */
export async function writeSyntheticFaq(count: number, seed = DEFAULT_SEED, alternatesEach = 3): Promise<{ dir: string; bytes: number; files: number; cleanup: () => Promise<void> }> {
  const { entries, sourceIds } = generateEntries(count, seed, alternatesEach);
  const dir = await mkdtemp(join(tmpdir(), `faq-bench-${count}-`));
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let f = 0; f * ENTRIES_PER_FILE < count; f++) {
    const sources = Object.fromEntries(
      sourceIds[f]!.map((id, k) => [id, {
        publisher: `Publisher ${f}-${k}`,
        title: `Field notes ${f}.${k}: how members use the service`,
        url: `https://example.org/reports/${f}/${k}`,
        date: `2025-${String((k % 12) + 1).padStart(2, '0')}-15`,
      }]),
    );
    const doc = {
      sources,
      ...(f === 0 ? { synonyms: SYNONYM_GROUPS } : {}),
      entries: entries.slice(f * ENTRIES_PER_FILE, (f + 1) * ENTRIES_PER_FILE),
    };
    const text = `# Synthetic knowledge file ${f} (seed ${seed}) for npm run bench.\n${stringify(doc, { lineWidth: 100 })}`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, `faq-${String(f).padStart(3, '0')}.yaml`), text);
  }
  // The entries are not returned: read them back with loadKnowledge, and the benchmark's
  // heap holds no second copy.
  return { dir, bytes, files: Math.ceil(count / ENTRIES_PER_FILE), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------
// Questions

export type QuestionKind = 'paraphrase' | 'off-topic';

export interface BenchQuestion {
  text: string;
  kind: QuestionKind;
  typo: boolean;
  /** The entry a paraphrase was made from. */
  entryId?: string;
}

const FILLER = ['please', 'help', 'hey', 'so', 'quick question', 'anyone know'];
const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qsz', b: 'vgn', c: 'xdv', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok', j: 'hku', k: 'jli', l: 'kop',
  m: 'nj', n: 'bmh', o: 'ipl', p: 'ol', q: 'wa', r: 'eft', s: 'adw', t: 'rgy', u: 'yij', v: 'cbf', w: 'qes', x: 'zcs',
  y: 'tuh', z: 'xa',
};

/** One realistic typing slip in a word of four letters or more. */
function typo(rng: Rng, words: string[]): string[] {
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{4,}$/i.test(w));
  if (candidates.length === 0) return words;
  const [word, i] = rng.pick(candidates);
  const at = rng.int(1, word.length - 2);
  let out: string;
  switch (rng.int(0, 3)) {
    case 0: // dropped letter
      out = word.slice(0, at) + word.slice(at + 1);
      break;
    case 1: // swapped letters
      out = word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
      break;
    case 2: // doubled letter
      out = word.slice(0, at) + word[at]! + word.slice(at);
      break;
    default: { // neighbouring key
      const c = word[at]!.toLowerCase();
      out = word.slice(0, at) + rng.pick([...(KEYBOARD_NEIGHBOURS[c] ?? c)]) + word.slice(at + 1);
    }
  }
  const copy = [...words];
  copy[i] = out;
  return copy;
}

const FUNCTION_WORDS = new Set(['the', 'a', 'my', 'to', 'for', 'with', 'is', 'it', 'do', 'does', 'i', 'of', 'and', 'can', 'should', 'will']);

/** A member's wording of an entry: words dropped and swapped, 5 to 12 words. */
function paraphrase(rng: Rng, entry: Pick<Entry, 'question' | 'alternates'>): string[] {
  const base = rng.chance(0.6) || entry.alternates.length === 0 ? entry.question : rng.pick(entry.alternates);
  let words = base.replace(/[?!.,]/g, '').toLowerCase().split(/\s+/).filter(Boolean);
  // Swap one or two words for what a member might say instead.
  const swaps = rng.int(1, 2);
  for (let k = 0; k < swaps; k++) {
    const options = words.map((w, i) => [w, i] as const).filter(([w]) => REWORDINGS[w]);
    if (options.length === 0) break;
    const [w, i] = rng.pick(options);
    words.splice(i, 1, ...rng.pick(REWORDINGS[w]!).split(' '));
  }
  // Drop a few words, function words more often.
  const drops = rng.int(1, 3);
  for (let k = 0; k < drops && words.length > 5; k++) {
    const fn = words.map((w, i) => [w, i] as const).filter(([w]) => FUNCTION_WORDS.has(w));
    const i = fn.length > 0 && rng.chance(0.7) ? rng.pick(fn)[1] : rng.int(0, words.length - 1);
    words.splice(i, 1);
  }
  if (rng.chance(0.2) && words.length > 3) {
    const i = rng.int(0, words.length - 2);
    [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
  }
  while (words.length > 12) words.splice(rng.int(0, words.length - 1), 1);
  while (words.length < 5) words = [...rng.pick(FILLER).split(' '), ...words];
  return words.slice(0, 12);
}

function offTopic(rng: Rng): string[] {
  const faqNoun = () => rng.pick(NOUNS.slice(0, 40));
  let words: string[] = [];
  while (words.length < 5 || words.length > 12) {
    words = rng
      .pick(OFF_TOPIC_TEMPLATES)
      .replace(/\{O\}/g, () => rng.pick(OFF_TOPIC_WORDS))
      .replace(/\{C\}/g, () => rng.pick(PLACES))
      .replace(/\{F\}/g, faqNoun)
      .split(' ');
  }
  return words;
}

/**
 * `count` questions about `entries`: a fifth off-topic, the rest paraphrases of random
 * entries, and a third of all of them (either kind) with a typo. 5 to 12 words each.
 */
export function generateQuestions(entries: readonly Pick<Entry, 'id' | 'question' | 'alternates'>[], count = 500, seed = DEFAULT_SEED + 1): BenchQuestion[] {
  const rng = Rng.seeded(seed);
  const out: BenchQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const isOffTopic = i % 5 === 4;
    const withTypo = i % 3 === 0;
    const entry = isOffTopic ? undefined : rng.pick(entries);
    let words = entry ? paraphrase(rng, entry) : offTopic(rng);
    if (withTypo) words = typo(rng, words);
    const text = words.join(' ') + (rng.chance(0.5) ? '?' : '');
    out.push({ text, kind: isOffTopic ? 'off-topic' : 'paraphrase', typo: withTypo, ...(entry ? { entryId: entry.id } : {}) });
  }
  return rng.shuffle(out);
}

/** What a member has typed so far: each question cut at a random point (at least 2 characters). */
export function generatePrefixes(questions: readonly BenchQuestion[], seed = DEFAULT_SEED + 2): string[] {
  const rng = Rng.seeded(seed);
  return questions.map((q) => q.text.slice(0, rng.int(Math.min(2, q.text.length), q.text.length)));
}

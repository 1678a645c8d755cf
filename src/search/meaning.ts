import type { Entry, KnowledgeBase } from '../knowledge/types.js';

/*
 * What the FAQ's texts mean, as sentence vectors (src/embedding): each entry's question and
 * alternates, and the start of its answer. A question's vector against them finds entries
 * that say the same thing in other words ("doesnt see message content" and "the content is
 * empty"), which words alone cannot.
 */

/** How much of an answer is embedded: its start says what it is about. */
const ANSWER_CHARS = 300;
/** Entries whose mean vector is closest to a question are compared phrasing by phrasing; this many. */
const SHORTLIST = 30;

/** An entry's question and alternates, as embedded (the rows of MeaningData.phrasings). */
export function phrasingsOf(entry: Entry): string[] {
  return [entry.question, ...entry.alternates].filter((t) => t.trim() !== '');
}

/** An answer's opening as prose: link texts kept, addresses and Markdown marks dropped. */
export function answerStart(answer: string): string {
  const prose = answer
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<?https?:\/\/\S+>?/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*_`>#|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return prose.length <= ANSWER_CHARS ? prose : prose.slice(0, prose.lastIndexOf(' ', ANSWER_CHARS) > 0 ? prose.lastIndexOf(' ', ANSWER_CHARS) : ANSWER_CHARS);
}

/** The FAQ's vectors as flat arrays (a worker builds them and moves them to the main thread). */
export interface MeaningData {
  readonly dimensions: number;
  /** Entry e's phrasing vectors are rows phrasingStarts[e] .. phrasingStarts[e + 1] of `phrasings`. */
  readonly phrasingStarts: Uint32Array;
  readonly phrasings: Float32Array;
  /** One row an entry: its answer's start. */
  readonly answers: Float32Array;
  /** One row an entry: the mean of its rows above, for the shortlist. */
  readonly centroids: Float32Array;
}

/**
 * `answers`: each entry's answerStart(), made once a build (the held-out folds learning
 * builds change questions and alternates only).
 */
export function buildMeaning(kb: KnowledgeBase, answerTexts: readonly string[], vectorOf: (text: string) => Float32Array, dimensions: number): MeaningData {
  const n = kb.entries.length;
  const texts = kb.entries.map((entry, e) => ({ phrasings: phrasingsOf(entry), answer: answerTexts[e]! }));
  const phrasingStarts = new Uint32Array(n + 1);
  texts.forEach((t, e) => (phrasingStarts[e + 1] = phrasingStarts[e]! + t.phrasings.length));
  const phrasings = new Float32Array(phrasingStarts[n]! * dimensions);
  const answers = new Float32Array(n * dimensions);
  const centroids = new Float32Array(n * dimensions);
  texts.forEach((t, e) => {
    const centroid = centroids.subarray(e * dimensions, (e + 1) * dimensions);
    t.phrasings.forEach((text, i) => {
      const v = vectorOf(text);
      phrasings.set(v, (phrasingStarts[e]! + i) * dimensions);
      for (let d = 0; d < dimensions; d++) centroid[d]! += v[d]!;
    });
    const a = vectorOf(t.answer);
    answers.set(a, e * dimensions);
    for (let d = 0; d < dimensions; d++) centroid[d]! += a[d]!;
    const norm = Math.hypot(...centroid) || 1;
    for (let d = 0; d < dimensions; d++) centroid[d]! /= norm;
  });
  return { dimensions, phrasingStarts, phrasings, answers, centroids };
}

/** Entries by the closeness of their mean vectors to a question's, closest first (Meaning.shortlist). */
export type Shortlist = readonly number[];

/** How alike a question is to one entry: its closest phrasing, and its answer's start. */
export interface Likeness {
  readonly phrasing: number;
  readonly answer: number;
}

export class Meaning {
  constructor(readonly data: MeaningData) {}

  /**
   * The entries whose mean vectors are closest to the question's, closest first: SHORTLIST of
   * them and one more, so that nearest() can leave one out and still have SHORTLIST.
   */
  shortlist(q: Float32Array): Shortlist {
    const { centroids, dimensions } = this.data;
    const n = centroids.length / dimensions;
    const size = SHORTLIST + 1;
    const short: { e: number; s: number }[] = [];
    for (let e = 0; e < n; e++) {
      const s = dot(q, centroids, e * dimensions, dimensions);
      if (short.length < size) short.push({ e, s });
      else if (s > short[size - 1]!.s) short[size - 1] = { e, s };
      else continue;
      short.sort((a, b) => b.s - a.s);
    }
    return short.map(({ e }) => e);
  }

  /** The `k` entries of the shortlist most like the question, likeliest first, `hide` left out. */
  nearest(q: Float32Array, short: Shortlist, k: number, hide?: number): number[] {
    return short
      .filter((e) => e !== hide)
      .slice(0, SHORTLIST)
      .map((e) => ({ e, s: this.best(q, e) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, k)
      .map(({ e }) => e);
  }

  of(q: Float32Array, e: number): Likeness {
    const { phrasingStarts, phrasings, answers, dimensions } = this.data;
    let phrasing = 0;
    for (let p = phrasingStarts[e]!; p < phrasingStarts[e + 1]!; p++) phrasing = Math.max(phrasing, dot(q, phrasings, p * dimensions, dimensions));
    return { phrasing, answer: Math.max(0, dot(q, answers, e * dimensions, dimensions)) };
  }

  /** The likeness that ranks: the closer of the two. */
  best(q: Float32Array, e: number): number {
    const { phrasing, answer } = this.of(q, e);
    return Math.max(phrasing, answer);
  }
}

/**
 * Four sums side by side: V8 does not vectorise, and one running sum makes each step wait for
 * the last. At 10,000 entries the shortlist's scan of every centroid went from 8.9 to 5.8 ms
 * a question (a profile of the bench's questions; README, "Performance").
 */
function dot(q: Float32Array, rows: Float32Array, at: number, dimensions: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let d = 0;
  for (; d + 3 < dimensions; d += 4) {
    s0 += q[d]! * rows[at + d]!;
    s1 += q[d + 1]! * rows[at + d + 1]!;
    s2 += q[d + 2]! * rows[at + d + 2]!;
    s3 += q[d + 3]! * rows[at + d + 3]!;
  }
  for (; d < dimensions; d++) s0 += q[d]! * rows[at + d]!;
  return s0 + s1 + s2 + s3;
}

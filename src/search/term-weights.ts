import { LEARNING_DEFAULTS } from './defaults.js';
import type { PhraseIndex } from './phrase-index.js';

/**
 * How much each word says for an entry against the entries it is confused with, learned from
 * the FAQ's own phrasings as logistic regression learns: each phrasing is asked, the entries
 * found with it compete for it (a softmax over their summed word weights), and the weights
 * move towards the phrasing's own entry. A word shared by neighbours ends up saying little
 * for either; one that only an entry's phrasings use says a lot. An entry keeps weights only
 * for the words of its own phrasings and of the phrasings it competed for, so the whole is
 * about the size of the index. Each phrasing learned from costs a search, so learning is
 * bounded (MAX_EXAMPLES phrasings, or one an entry when a FAQ has more entries than that).
 */
export interface TermWeights {
  /** Entry e's keys (keysOf) are keys[starts[e] .. starts[e + 1]), sorted; weight[k] is keys[k]'s. */
  readonly keys: Float64Array;
  readonly starts: Uint32Array;
  readonly weight: Float32Array;
}

const { termCompetitors: COMPETITORS, termMaxExamples: MAX_EXAMPLES, termEpochs: EPOCHS, termRate: RATE } = LEARNING_DEFAULTS;

/**
 * What a text's words are weighed by: each term (by id), and each pair of neighbouring
 * terms ("card arrive" says more than "card" and "arrive" apart), numbered after the terms.
 */
export function keysOf(terms: ArrayLike<number>, termCount: number): number[] {
  const keys = Array.from(terms);
  for (let i = 0; i + 1 < terms.length; i++) keys.push(termCount * (1 + terms[i]!) + terms[i + 1]!);
  return keys;
}

/** The sum of entry e's weights for the keys (one it has no weight for counts 0). */
export function weightOf(weights: TermWeights, e: number, keys: readonly number[]): number {
  let sum = 0;
  for (const t of keys) {
    const k = slotOf(weights, e, t);
    if (k >= 0) sum += weights.weight[k]!;
  }
  return sum;
}

/** Weights that say nothing, for every entry. */
export function noTermWeights(entries: number): TermWeights {
  return { keys: new Float64Array(0), starts: new Uint32Array(entries + 1), weight: new Float32Array(0) };
}

/**
 * Learns the weights; `competitors(terms, n)` gives the n entries the finder ranks first for
 * a phrasing made of these terms.
 */
export function learnTermWeights(index: PhraseIndex, entries: number, competitors: (terms: readonly number[], n: number) => number[]): TermWeights {
  const { phrasingTerms, phrasingTermStarts, phrasingEntry, terms: allTerms } = index.data;
  const phrasings = index.phrasingCount;
  const termsOf = (p: number) => Array.from(phrasingTerms.subarray(phrasingTermStarts[p]!, phrasingTermStarts[p + 1]!));
  const keysOfPhrasing = (p: number) => keysOf(phrasingTerms.subarray(phrasingTermStarts[p]!, phrasingTermStarts[p + 1]!), allTerms.length);
  const kept: Set<number>[] = Array.from({ length: entries }, () => new Set<number>());
  for (let p = 0; p < phrasings; p++) for (const k of keysOfPhrasing(p)) kept[phrasingEntry[p]!]!.add(k);
  const asked: { found: number[]; right: number; keys: number[] }[] = [];
  // Every entry learns from its question at least (an entry learned would stand out against
  // one not learned); beyond that, phrasings in turns until the budget is spent.
  for (const p of eachEntryInTurn(phrasingEntry).slice(0, Math.max(MAX_EXAMPLES, entries))) {
    const found = competitors(termsOf(p), COMPETITORS);
    const right = found.indexOf(phrasingEntry[p]!);
    if (right < 0 || found.length < 2) continue;
    const keys = keysOfPhrasing(p);
    asked.push({ found, right, keys });
    // (a competitor learns what these words say against it)
    for (const e of found) for (const k of keys) kept[e]!.add(k);
  }
  const starts = new Uint32Array(entries + 1);
  const lists = kept.map((set, e) => {
    const list = Float64Array.from(set).sort();
    starts[e + 1] = starts[e]! + list.length;
    return list;
  });
  const keys = new Float64Array(starts[entries]!);
  lists.forEach((list, e) => keys.set(list, starts[e]!));
  const weights: TermWeights = { keys, starts, weight: new Float32Array(keys.length) };
  const examples = asked.map(({ found, right, keys: ks }) => ({ right, slots: found.map((e) => Int32Array.from(ks, (k) => slotOf(weights, e, k))) }));
  train(weights.weight, examples);
  return weights;
}

/** Phrasings (laid out entry by entry) in turns: each entry's first, then each one's second, and so on. */
function eachEntryInTurn(phrasingEntry: Uint32Array): number[] {
  const turn = new Uint32Array(phrasingEntry.length);
  for (let p = 1; p < phrasingEntry.length; p++) turn[p] = phrasingEntry[p] === phrasingEntry[p - 1] ? turn[p - 1]! + 1 : 0;
  return Array.from(phrasingEntry.keys()).sort((a, b) => turn[a]! - turn[b]! || a - b);
}

/** Stochastic gradient ascent on the log-likelihood of each example's right competitor. */
function train(weight: Float32Array, examples: readonly { right: number; slots: Int32Array[] }[]): void {
  const u = new Float64Array(COMPETITORS);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { right, slots } of examples) {
      let max = -Infinity;
      slots.forEach((ks, j) => {
        let s = 0;
        for (const k of ks) s += weight[k]!;
        u[j] = s;
        if (s > max) max = s;
      });
      let sum = 0;
      for (let j = 0; j < slots.length; j++) sum += u[j] = Math.exp(u[j]! - max);
      slots.forEach((ks, j) => {
        const g = RATE * ((j === right ? 1 : 0) - u[j]! / sum);
        for (const k of ks) weight[k]! += g;
      });
    }
  }
}

/** Where entry e keeps key t's weight, or -1. */
function slotOf({ keys, starts }: Pick<TermWeights, 'keys' | 'starts'>, e: number, t: number): number {
  let lo = starts[e]!;
  let hi = starts[e + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts[e + 1]! && keys[lo] === t ? lo : -1;
}

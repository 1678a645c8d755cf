import type { MatcherOptions } from './defaults.js';
import type { PhraseIndex } from './phrase-index.js';
import type { Query, QueryTerm } from './query.js';
import { TopK } from './top-k.js';

/**
 * A word found in most of a large FAQ says nothing about which entry is meant: when its
 * postings are this long and it weighs under SKIP_SHARE of the question, they are not
 * walked (it still counts in the question's weight). Keeps a question over 10,000 entries
 * from touching every phrasing; a FAQ of a few hundred phrasings is never affected.
 */
const LONG_POSTINGS = 2000;
const SKIP_SHARE = 0.02;

/** One entry as ranked, with what its score was made of. */
export interface Scored {
  readonly e: number;
  readonly score: number;
  /** Share of the question's weight the entry's best phrasing covers. */
  readonly own: number;
  /** Share of that phrasing's weight the question covers. */
  readonly phrasing: number;
  /** The mean score of the entry's three best phrasings. */
  readonly support: number;
  /** Share of the question's weight found anywhere in the entry (answer words count less). */
  readonly cover: number;
  /** The highest weight among the question's words found in the entry's phrasings. */
  readonly topMatched: number;
  /** Which of the question's head words the entry's phrasings have (a topic word only its answer has is weak evidence) (bit 1: the first, bit 2: the second). */
  readonly matchedHead: number;
}

/**
 * How find() scores a phrasing: for an answer, queryCoverage^e x phrasingCoverage^(1-e);
 * while typing (autocomplete), every typed word found counts and how much is still
 * untyped matters little: 0.8 x queryCoverage + 0.2 x phrasingCoverage. A plain number
 * rather than a function, so the hot loop stays monomorphic and allocates nothing.
 */
export const SCORE_ANSWER = 0;
export const SCORE_COMPLETION = 1;
export type ScoreMode = typeof SCORE_ANSWER | typeof SCORE_COMPLETION;

type RankWeights = Pick<MatcherOptions, 'answerWeight' | 'spreadWeight' | 'tagWeight' | 'queryExponent'>;

/**
 * Finds a question's candidate entries in the phrase index: each phrasing scored by how much
 * of the question it covers and how much of it the question covers, an entry by its best
 * phrasings. Scratch space is kept between questions (they run one at a time on the event
 * loop), so finding allocates nothing per phrasing.
 */
export class CandidateFinder {
  private readonly matchedQuery: Float64Array;
  private readonly matchedPhrasing: Float64Array;
  private readonly touched: Uint32Array;
  private readonly stamp: Uint32Array;
  private readonly entryScore: Float64Array;
  private readonly entryCover: Float64Array;
  private readonly entryTop: Float64Array;
  private readonly entryHead: Uint8Array;
  private readonly entryOwn: Float64Array;
  private readonly entryPhrasing: Float64Array;
  /** The second and third best phrasing scores of each entry: support from more than one phrasing. */
  private readonly entrySecond: Float64Array;
  private readonly entryThird: Float64Array;
  private readonly entryStamp: Uint32Array;
  private readonly answerStamp: Uint32Array;
  private readonly entryList: Uint32Array;
  private readonly entryListed: Uint32Array;
  private findCount = 0;
  private generation = 0;

  constructor(
    private readonly index: PhraseIndex,
    entries: number,
    private readonly weights: RankWeights,
  ) {
    const n = index.phrasingCount;
    this.matchedQuery = new Float64Array(n);
    this.matchedPhrasing = new Float64Array(n);
    this.touched = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.entryScore = new Float64Array(entries);
    this.entryCover = new Float64Array(entries);
    this.entryTop = new Float64Array(entries);
    this.entryHead = new Uint8Array(entries);
    this.entryOwn = new Float64Array(entries);
    this.entryPhrasing = new Float64Array(entries);
    this.entrySecond = new Float64Array(entries);
    this.entryThird = new Float64Array(entries);
    this.entryStamp = new Uint32Array(entries);
    this.answerStamp = new Uint32Array(entries);
    this.entryList = new Uint32Array(entries);
    this.entryListed = new Uint32Array(entries);
  }

  /** The `limit` best entries for the question, best first. */
  find(query: Query, limit: number, mode: ScoreMode): Scored[] {
    if (!(query.total > 0)) return [];
    if (this.findCount === 0xffffffff) {
      this.entryListed.fill(0);
      this.findCount = 0;
    }
    const findId = ++this.findCount;
    let touchedCount = 0;
    let entryCount = 0;
    const skipBelow = SKIP_SHARE * query.total;
    const heaviest = query.terms.reduce((max, t) => Math.max(max, t.weight), 0);
    const { postingStarts } = this.index.data;
    for (const term of query.terms) {
      if (term.weight < skipBelow && heaviest >= skipBelow && term.ids.every((id) => postingStarts[id + 1]! - postingStarts[id]! > LONG_POSTINGS)) continue;
      const generation = this.nextGeneration();
      [touchedCount, entryCount] = this.matchPhrasings(term, generation, findId, touchedCount, entryCount);
      entryCount = this.matchAnswers(term, generation, findId, entryCount);
    }
    this.scorePhrasings(touchedCount, query.total, mode);
    const out = this.best(entryCount, limit, query.total);
    this.clearEntries(entryCount);
    return out;
  }

  /** Marks the phrasings holding the term's words, and their entries; returns the new counts. */
  private matchPhrasings(term: QueryTerm, generation: number, findId: number, touchedCount: number, entryCount: number): [number, number] {
    const { matchedQuery, matchedPhrasing, touched, entryCover, entryTop, entryHead, stamp, entryStamp, entryList, entryListed } = this;
    const { postings, postingStarts, weight, phrasingEntry } = this.index.data;
    for (const id of term.ids) {
      const end = postingStarts[id + 1]!;
      for (let k = postingStarts[id]!; k < end; k++) {
        const p = postings[k]!;
        // A prefix can expand to two words of one phrasing; the typed word counts once.
        if (stamp[p] === generation) continue;
        stamp[p] = generation;
        if (matchedQuery[p] === 0) touched[touchedCount++] = p;
        matchedQuery[p]! += term.weight;
        matchedPhrasing[p]! += weight[id]!;
        const e = phrasingEntry[p]!;
        if (entryStamp[e] !== generation) {
          entryStamp[e] = generation;
          if (entryListed[e] !== findId) {
            entryListed[e] = findId;
            entryList[entryCount++] = e;
          }
          entryCover[e]! += term.weight;
          if (term.weight > entryTop[e]!) entryTop[e] = term.weight;
          if (term.head > 0) entryHead[e]! |= term.head;
        }
      }
    }
    return [touchedCount, entryCount];
  }

  /** Found only in the answer: some support for an entry another word already matched. */
  private matchAnswers(term: QueryTerm, generation: number, findId: number, entryCount: number): number {
    const { entryCover, entryStamp, answerStamp, entryList, entryListed } = this;
    const { answerPostings, answerStarts } = this.index.data;
    const { answerWeight } = this.weights;
    for (const id of term.ids) {
      const end = answerStarts[id + 1]!;
      for (let k = answerStarts[id]!; k < end; k++) {
        const e = answerPostings[k]!;
        if (answerStamp[e] === generation) continue;
        answerStamp[e] = generation;
        if (entryStamp[e] === generation) continue;
        if (entryListed[e] !== findId) {
          entryListed[e] = findId;
          entryList[entryCount++] = e;
        }
        entryCover[e]! += term.weight * answerWeight;
      }
    }
    return entryCount;
  }

  /** Scores each touched phrasing and keeps its entry's three best; clears the phrasings' scratch. */
  private scorePhrasings(touchedCount: number, total: number, mode: ScoreMode): void {
    const { matchedQuery, matchedPhrasing, touched, entryScore, entryCover, entryOwn, entryPhrasing, entrySecond, entryThird } = this;
    const { phrasingEntry, phrasingWeight, phrasingIsTags } = this.index.data;
    const { spreadWeight, tagWeight, queryExponent } = this.weights;
    const phrasingExponent = 1 - queryExponent;
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i]!;
      const e = phrasingEntry[p]!;
      const own = Math.min(1, matchedQuery[p]! / total);
      const phrasing = Math.min(1, matchedPhrasing[p]! / phrasingWeight[p]!);
      // Words of the question found elsewhere in the same entry count in part (Fuse.js
      // cannot add up words spread over fields; this can).
      const spread = Math.max(0, Math.min(1, entryCover[e]! / total) - own);
      const covered = own + spreadWeight * spread;
      const s =
        (mode === SCORE_ANSWER ? Math.pow(covered, queryExponent) * Math.pow(phrasing, phrasingExponent) : 0.8 * covered + 0.2 * phrasing) *
        (phrasingIsTags[p] === 1 ? tagWeight : 1);
      if (s > entryThird[e]!) {
        if (s > entrySecond[e]!) {
          entryThird[e] = entrySecond[e]!;
          entrySecond[e] = Math.min(s, entryScore[e]!);
        } else entryThird[e] = s;
      }
      if (s > entryScore[e]!) {
        entryScore[e] = s;
        entryOwn[e] = own;
        entryPhrasing[e] = phrasing;
      }
      matchedQuery[p] = 0;
      matchedPhrasing[p] = 0;
    }
  }

  /** The `limit` best of the entries listed, with what each score was made of. */
  private best(entryCount: number, limit: number, total: number): Scored[] {
    const { entryList, entryScore, entryOwn, entryPhrasing, entrySecond, entryThird, entryCover, entryTop, entryHead } = this;
    const top = new TopK(limit);
    for (let i = 0; i < entryCount; i++) {
      const e = entryList[i]!;
      if (entryScore[e]! > 0) top.offer(e, entryScore[e]!);
    }
    return top.sorted().map(([e, s]): Scored => ({
      e,
      score: s,
      own: entryOwn[e]!,
      phrasing: entryPhrasing[e]!,
      support: (s + entrySecond[e]! + entryThird[e]!) / 3,
      cover: Math.min(1, entryCover[e]! / total),
      topMatched: entryTop[e]!,
      matchedHead: entryHead[e]!,
    }));
  }

  private clearEntries(entryCount: number): void {
    for (let i = 0; i < entryCount; i++) {
      const e = this.entryList[i]!;
      this.entryScore[e] = 0;
      this.entryCover[e] = 0;
      this.entryTop[e] = 0;
      this.entryHead[e] = 0;
      this.entryOwn[e] = 0;
      this.entryPhrasing[e] = 0;
      this.entrySecond[e] = 0;
      this.entryThird[e] = 0;
    }
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.entryStamp.fill(0);
      this.answerStamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

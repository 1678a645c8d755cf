import type { MatcherOptions } from './defaults.js';
import type { MatcherIndex } from './matcher-index.js';
import { NEGATIONS } from './stop-words.js';

/** Only the start of a very long message is matched: the question is there. */
const MAX_QUERY_TOKENS = 48;
/** How many vocabulary words a typed prefix may stand for in autocomplete. */
const MAX_PREFIX_EXPANSIONS = 40;

export interface QueryTerm {
  /** Term ids any of which satisfy this word (one, or several for a typed prefix). */
  readonly ids: readonly number[];
  /** What the word counts for in the question's coverage. */
  readonly weight: number;
  /** A typed content word (not a question word, not an intent). */
  readonly content: boolean;
  /** 1 or 2 for the question's first or second content word, else 0. */
  readonly head: number;
}

export interface Query {
  readonly terms: QueryTerm[];
  /** Summed weight of the words no entry has. */
  readonly unknownWeight: number;
  /** The question's whole weight: known and unknown words. */
  readonly total: number;
  /** The weight of the question's most distinctive word, known or not. */
  readonly maxWeight: number;
  /** How many head words (the first two content words, where a question puts its topic) it has. */
  readonly headCount: number;
  /** How many typed content words the FAQ knows, negations aside: none, and nothing is asked about. */
  readonly topics: number;
}

/**
 * Reads a question (as normalize() left it) against the FAQ's vocabulary: its words as the
 * index's terms, misspellings corrected, with their weights. `lastIsPrefix`: the last word is
 * still being typed (autocomplete), so it stands for every FAQ word it begins.
 */
export function readQuestion(built: MatcherIndex, options: MatcherOptions, normalized: string, lastIsPrefix: boolean): Query {
const { analyzer, index, speller } = built;
  const tokens = analyzer.tokensOf(normalized).slice(0, MAX_QUERY_TOKENS);
  const { minCorrectableLength, correctionWeight, intentWeight, questionWordWeight, unknownWeight: unknownFactor } = options;
  const terms: QueryTerm[] = [];
  const seen = new Set<number>();
  let unknownWeight = 0;
  let total = 0;
  let maxWeight = 0;
  let headCount = 0;
  let topics = 0;
  tokens.forEach((token, i) => {
    const isHead = !token.questionWord && !token.intent && headCount < 2;
    if (isHead) headCount++;
    const head = isHead ? headCount : 0;
    const factor = token.intent ? intentWeight : token.questionWord ? questionWordWeight : 1;
    if (lastIsPrefix && i === tokens.length - 1 && !token.intent) {
      const ids = expandPrefix(built, token.word);
      if (ids.length > 0) {
        const weight = ids.reduce((sum, id) => sum + index.data.weight[id]!, 0) / ids.length;
        terms.push({ ids, weight, content: !token.questionWord, head });
        if (!token.questionWord) topics++;
        total += weight;
        return;
      }
    }
    let id = index.termIds.get(token.term);
    let correction = 1;
    if (id === undefined && !token.questionWord && !token.intent && token.word.length >= minCorrectableLength) {
      const corrected = speller.correct(token.word);
      if (corrected !== undefined) {
        id = index.termIds.get(analyzer.token(corrected).term);
        correction = correctionWeight;
      }
    }
    if (id === undefined) {
      // Intent words are guesses: one the FAQ never uses says nothing against a match.
      if (token.intent) return;
      const w = index.data.unknownIdf * unknownFactor * factor;
      // (a word the FAQ never uses still names a topic: its meaning may be the FAQ's in other words)
      if (!token.questionWord && !NEGATIONS.has(token.word)) topics++;
      unknownWeight += w;
      total += w;
      if (w > maxWeight) maxWeight = w;
    } else if (!seen.has(id)) {
      seen.add(id);
      const weight = index.data.weight[id]! * correction * (token.intent ? factor : 1);
      terms.push({ ids: [id], weight, content: !token.questionWord && !token.intent, head });
      if (!token.questionWord && !token.intent && !NEGATIONS.has(token.word)) topics++;
      total += weight;
      if (weight > maxWeight) maxWeight = weight;
    }
  });
  return { terms, unknownWeight, total, maxWeight, headCount, topics };
}

function expandPrefix({ sortedWords: words, index, analyzer }: MatcherIndex, prefix: string): number[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const ids = new Set<number>();
  for (let i = lo; i < words.length && ids.size < MAX_PREFIX_EXPANSIONS && words[i]!.startsWith(prefix); i++) {
    const id = index.termIds.get(analyzer.token(words[i]!).term);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

import type { Scored } from './candidates.js';
import { CANDIDATE_FEATURES, type CandidateFeature, type Choice } from './choice-model.js';
import type { Likeness } from './meaning.js';
import type { PhraseIndex } from './phrase-index.js';
import type { Query } from './query.js';
import { keysOf, weightOf, type TermWeights } from './term-weights.js';

/*
 * What the choice model reads of a question's candidates (CANDIDATE_FEATURES and
 * NONE_FEATURES in choice-model.ts, in that order): how well each matched, and how well the
 * question's words separate it from the rest of the FAQ, judged from the entry's own
 * phrasings.
 */

/** Additive smoothing of the per-entry word counts (separation). */
const SMOOTHING = 0.5;
/** Postings longer than this are not intersected (together()). */
const INTERSECT_AT_MOST = 1000;

/** Where each entry's phrasings start (entry e's are entryPhrasingStart[e] .. [e + 1]). */
export function entryPhrasingStarts(index: PhraseIndex, entries: number): Uint32Array {
  const starts = new Uint32Array(entries + 1);
  for (let p = 0; p < index.phrasingCount; p++) starts[index.data.phrasingEntry[p]! + 1]!++;
  for (let e = 0; e < entries; e++) starts[e + 1]! += starts[e]!;
  return starts;
}

/**
 * The features of each candidate and of the question. Separation is naive Bayes over
 * phrasings: for each question word, the log of how much more often the entry's phrasings
 * have it than the FAQ's other phrasings do; the same over pairs of neighbouring words.
 */
export function describeCandidates(
  index: PhraseIndex,
  entryPhrasingStart: Uint32Array,
  termWeights: TermWeights,
  query: Query,
  scored: readonly Scored[],
  lacks: readonly boolean[],
  likeness: readonly Likeness[],
): Choice {
  const { phrasingTerms, phrasingTermStarts, postingStarts } = index.data;
  const phrasings = index.phrasingCount;
  const single = query.terms.filter((t) => t.ids.length === 1);
  const content = single.filter((t) => t.content).map((t) => t.ids[0]!);
  // How many phrasings have both words of each pair of neighbouring content words.
  const pairDf = content.slice(1).map((b, i) => together(index, content[i]!, b));
  const keys = keysOf(single.map((t) => t.ids[0]!), index.data.terms.length);
  const features = scored.map((s, i) => {
    const from = entryPhrasingStart[s.e]!;
    const to = entryPhrasingStart[s.e + 1]!;
    const own = to - from;
    const has = (p: number, t: number) => {
      for (let k = phrasingTermStarts[p]!; k < phrasingTermStarts[p + 1]!; k++) if (phrasingTerms[k] === t) return k;
      return -1;
    };
    let separation = 0;
    for (const term of single) {
      const t = term.ids[0]!;
      let c = 0;
      for (let p = from; p < to; p++) if (has(p, t) >= 0) c++;
      const df = postingStarts[t + 1]! - postingStarts[t]!;
      const ratio = Math.log((c + SMOOTHING) / (own + 2 * SMOOTHING)) - Math.log((df - c + SMOOTHING) / (phrasings - own + 2 * SMOOTHING));
      separation += ratio / single.length;
    }
    let pairSeparation = 0;
    for (let i = 0; i + 1 < content.length; i++) {
      let c = 0;
      for (let p = from; p < to; p++) {
        if (has(p, content[i]!) >= 0 && has(p, content[i + 1]!) >= 0) c++;
      }
      // (an estimate, for common words: never fewer than this entry's own)
      const df = Math.max(pairDf[i]!, c);
      pairSeparation += Math.log((c + SMOOTHING) / (own + 2 * SMOOTHING)) - Math.log((df - c + SMOOTHING) / (phrasings - own + 2 * SMOOTHING));
    }
    if (content.length > 1) pairSeparation /= content.length - 1;
    const head = query.headCount > 0 ? popcount(s.matchedHead) / query.headCount : 1;
    const distinctive = query.maxWeight > 0 ? s.topMatched / query.maxWeight : 0;
    const { phrasing: meaningPhrasing, answer: meaningAnswer } = likeness[i]!;
    return {
      score: s.score,
      coverage: s.own,
      phrasingCoverage: s.phrasing,
      entryCoverage: s.cover,
      separation,
      head,
      distinctive,
      support: s.support,
      pairSeparation,
      learned: weightOf(termWeights, s.e, keys),
      learnedGap: 0,
      lacksFact: lacks[i] ? 1 : 0,
      meaning: Math.max(meaningPhrasing, meaningAnswer),
      meaningAnswer,
      meaningGap: 0,
    } satisfies Record<CandidateFeature, number>;
  });
  const maxScore = Math.max(0, ...features.map((f) => f.score));
  const maxLearned = Math.max(...features.map((f) => f.learned));
  const maxMeaning = Math.max(0, ...features.map((f) => f.meaning));
  for (const f of features) {
    // (how far below the likeliest by the learned weights; then, for the decision, the mean weight a word)
    f.learnedGap = f.learned - maxLearned;
    f.learned = f.learned / Math.max(1, single.length);
    f.meaningGap = f.meaning - maxMeaning;
  }
  const unknownShare = query.total > 0 ? query.unknownWeight / query.total : 0;
  const top = features[0];
  return {
    candidates: features.map((f) => CANDIDATE_FEATURES.map((k) => f[k])),
    none: [1, unknownShare, maxScore, top?.coverage ?? 0, top?.phrasingCoverage ?? 0, maxMeaning],
  };
}

/** How many phrasings have both terms (their postings are in phrasing order). */
function together({ data: { postings, postingStarts, phrasingEntry } }: PhraseIndex, a: number, b: number): number {
  const na = postingStarts[a + 1]! - postingStarts[a]!;
  const nb = postingStarts[b + 1]! - postingStarts[b]!;
  // Two words common in a big FAQ: walking both lists would cost more than the rest of the
  // question; as if independent is close enough for words that common.
  if (Math.min(na, nb) > INTERSECT_AT_MOST) return (na * nb) / phrasingEntry.length;
  let i = postingStarts[a]!;
  let j = postingStarts[b]!;
  const ei = postingStarts[a + 1]!;
  const ej = postingStarts[b + 1]!;
  let n = 0;
  while (i < ei && j < ej) {
    const x = postings[i]!;
    const y = postings[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function popcount(bits: number): number {
  return (bits & 1) + ((bits >> 1) & 1);
}

import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Analyzer } from './analyzer.js';
import { answerTypeOf, hasRequirements, meets, type AnswerType } from './answer-type.js';
import { MATCHER_DEFAULTS, type MatcherOptions } from './defaults.js';
import { Facts, stemsOf } from './facts.js';
import { indexOptions, indexSteps, restoreSteps, type MatcherIndex, type MatcherIndexData } from './matcher-index.js';
import { normalize } from './normalize.js';
import type { PhraseIndex } from './phrase-index.js';
import { runSliced, runSync } from './slices.js';
import type { SpellingCorrector } from './spelling.js';
import { NEGATIONS } from './stop-words.js';
import { TopK } from './top-k.js';
import { CANDIDATE_FEATURES, probabilities, type Choice, type ChoiceModel } from './choice-model.js';
import { learnChoiceModel, PRIOR_MODEL } from './learn.js';
import type { Answer, Candidate, Suggestion } from './types.js';

export { transferablesOf, type MatcherIndexData } from './matcher-index.js';

/** Only the start of a very long message is matched: the question is there. */
const MAX_QUERY_TOKENS = 48;
/** How many vocabulary words a typed prefix may stand for in autocomplete. */
const MAX_PREFIX_EXPANSIONS = 40;
/**
 * A word found in most of a large FAQ says nothing about which entry is meant: when its
 * postings are this long and it weighs under SKIP_SHARE of the question, they are not
 * walked (it still counts in the question's weight). Keeps a question over 10,000 entries
 * from touching every phrasing; a FAQ of a few hundred phrasings is never affected.
 */
const LONG_POSTINGS = 2000;
const SKIP_SHARE = 0.02;
/** Only this much of a message is read at all (a question is never longer). */
const MAX_QUESTION_CHARS = 2000;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
/** How many entries the choice model weighs for a question. */
const CANDIDATES = 10;
/** Additive smoothing of the per-entry word counts (separation). */
const SMOOTHING = 0.5;

interface QueryTerm {
  /** Term ids any of which satisfy this word (one, or several for a typed prefix). */
  readonly ids: readonly number[];
  /** What the word counts for in the question's coverage. */
  readonly weight: number;
  /** How distinctive the word is in the FAQ (its idf, less for a corrected word). */
  readonly idf: number;
  /** A typed content word (not a question word, not an intent). */
  readonly content: boolean;
  /** 1 or 2 for the question's first or second content word, else 0. */
  readonly head: number;
}

interface Query {
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

/** One entry as ranked, with what its score was made of. */
interface Scored {
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
  /** Summed idf of the question's words found in the entry's phrasings. */
  readonly evidence: number;
  /** The highest weight among the question's words found in the entry's phrasings. */
  readonly topMatched: number;
  /** How many of the question's content words the entry's phrasings have. */
  readonly matchedWords: number;
  /** Which of the question's head words the entry's phrasings have (a topic word only its answer has is weak evidence) (bit 1: the first, bit 2: the second). */
  readonly matchedHead: number;
}

/**
 * How rank() scores a phrasing: for an answer, queryCoverage^e x phrasingCoverage^(1-e);
 * while typing (autocomplete), every typed word found counts and how much is still
 * untyped matters little: 0.8 x queryCoverage + 0.2 x phrasingCoverage. A plain number
 * rather than a function, so the hot loop stays monomorphic and allocates nothing.
 */
const SCORE_ANSWER = 0;
const SCORE_COMPLETION = 1;
type ScoreMode = typeof SCORE_ANSWER | typeof SCORE_COMPLETION;

/**
 * Matches questions against one knowledge base snapshot. Build a new Matcher for a new
 * snapshot; a Matcher never changes, so a reload can swap it in atomically.
 */
export class Matcher {
  readonly kb: KnowledgeBase;
  private readonly options: MatcherOptions;
  private readonly analyzer: Analyzer;
  private readonly index: PhraseIndex;
  private readonly speller: SpellingCorrector;
  private readonly sortedWords: readonly string[];
  // Scratch space reused by every query: queries run one at a time on the event loop.
  private readonly matchedQuery: Float64Array;
  private readonly matchedPhrasing: Float64Array;
  private readonly touched: Uint32Array;
  private readonly entryScore: Float64Array;
  private readonly entryCover: Float64Array;
  private readonly entryEvidence: Float64Array;
  private readonly entryTop: Float64Array;
  private readonly entryWords: Uint16Array;
  private readonly entryHead: Uint8Array;
  private readonly entryOwn: Float64Array;
  private readonly entryPhrasing: Float64Array;
  /** The second and third best phrasing scores of each entry: support from more than one phrasing. */
  private readonly entrySecond: Float64Array;
  private readonly entryThird: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly entryStamp: Uint32Array;
  private readonly answerStamp: Uint32Array;
  private readonly entryList: Uint32Array;
  private readonly entryListed: Uint32Array;
  private rankCount = 0;
  private generation = 0;
  /** What entries can answer with, for questions asking for a number, a time or a name. */
  private readonly facts: Facts;
  /** Entry e's phrasings are entryPhrasingStart[e] .. entryPhrasingStart[e + 1]. */
  private readonly entryPhrasingStart: Uint32Array;
  readonly model: ChoiceModel;

  /**
   * Indexes `kb` at once: about a second for 10,000 entries, during which the event loop is
   * held. `built` is what Matcher.build() prepared (internal).
   */
  constructor(kb: KnowledgeBase, options: Partial<MatcherOptions> = {}, built?: MatcherIndex, model?: ChoiceModel) {
    this.kb = kb;
    this.options = Object.freeze({ ...MATCHER_DEFAULTS, ...options });
    const { analyzer, index, speller, sortedWords, names } = built ?? runSync(indexSteps(kb, this.options));
    this.analyzer = analyzer;
    this.index = index;
    this.speller = speller;
    this.sortedWords = sortedWords;
    this.facts = new Facts(analyzer, names);
    const n = this.index.phrasingCount;
    const m = kb.entries.length;
    this.entryPhrasingStart = new Uint32Array(m + 1);
    for (let p = 0; p < n; p++) this.entryPhrasingStart[this.index.phrasingEntry[p]! + 1]!++;
    for (let e = 0; e < m; e++) this.entryPhrasingStart[e + 1]! += this.entryPhrasingStart[e]!;
    this.model = model ?? (options.learn === false ? PRIOR_MODEL : learnChoiceModel(kb, (small, prior) => new Matcher(small, options, undefined, prior)));
    this.matchedQuery = new Float64Array(n);
    this.matchedPhrasing = new Float64Array(n);
    this.touched = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.entryScore = new Float64Array(m);
    this.entryCover = new Float64Array(m);
    this.entryEvidence = new Float64Array(m);
    this.entryTop = new Float64Array(m);
    this.entryWords = new Uint16Array(m);
    this.entryHead = new Uint8Array(m);
    this.entryOwn = new Float64Array(m);
    this.entryPhrasing = new Float64Array(m);
    this.entrySecond = new Float64Array(m);
    this.entryThird = new Float64Array(m);
    this.entryStamp = new Uint32Array(m);
    this.answerStamp = new Uint32Array(m);
    this.entryList = new Uint32Array(m);
    this.entryListed = new Uint32Array(m);
  }

  /**
   * The same Matcher as `new Matcher(kb, options)`, indexed in slices of a few milliseconds
   * with the event loop free in between: what a live reload uses, so questions asked
   * meanwhile are answered (by the old matcher) without waiting for the whole index.
   */
  static async build(kb: KnowledgeBase, options: Partial<MatcherOptions> = {}): Promise<Matcher> {
    const built = await runSliced(indexSteps(kb, Object.freeze({ ...MATCHER_DEFAULTS, ...options })));
    return new Matcher(kb, options, built, learnChoiceModel(kb, (small, prior) => new Matcher(small, options, undefined, prior)));
  }

  /**
   * Indexes `kb` at once, as plain data that Matcher.restore() turns back into a matcher
   * (in another thread: a live reload indexes in a worker).
   */
  static indexData(kb: KnowledgeBase, options: Partial<MatcherOptions> = {}): MatcherIndexData {
    const all = Object.freeze({ ...MATCHER_DEFAULTS, ...options });
    const built = runSync(indexSteps(kb, all));
    const { index, speller, sortedWords, groups, vocabulary, names } = built;
    const model = new Matcher(kb, options, built).model;
    return { entries: kb.entries.length, options: indexOptions(all), groups, vocabulary, index: index.toData(), speller: speller.toData(), sortedWords, names, model };
  }

  /**
   * The Matcher that `new Matcher(kb, options)` would be, from what Matcher.indexData(kb,
   * options) made of the same snapshot; in slices of a few milliseconds, like build().
   */
  static async restore(kb: KnowledgeBase, data: MatcherIndexData, options: Partial<MatcherOptions> = {}): Promise<Matcher> {
    if (data.entries !== kb.entries.length) throw new Error(`this index is of ${data.entries} entries, the snapshot has ${kb.entries.length}`);
    const wanted = indexOptions(Object.freeze({ ...MATCHER_DEFAULTS, ...options }));
    if (JSON.stringify(wanted) !== JSON.stringify(data.options)) throw new Error('this index was built with other options');
    const built = await runSliced(restoreSteps(data));
    return new Matcher(kb, options, built, data.model);
  }

  /** The entry with this exact id, if the snapshot has it. */
  entry(id: string): Entry | undefined {
    return this.kb.entryById.get(id);
  }

  /**
   * Answers a free-text question, or, when the text is exactly an entry id (what an
   * autocomplete pick sends), that entry.
   */
  ask(question: string): Answer {
    const picked = this.kb.entryById.get(question.trim());
    if (picked !== undefined) {
      const match = { entry: picked, confidence: 1 };
      return { question, match, best: match, runnersUp: [], suggestions: [], reason: 'picked' };
    }
    const typed = question.slice(0, MAX_QUESTION_CHARS);
    const normalized = normalize(typed);
    const query = this.analyze(normalized, false);
    if (query.terms.length === 0 && query.unknownWeight === 0) {
      return { question, match: null, best: null, runnersUp: [], suggestions: [], reason: 'empty' };
    }
    // "why not", "what for", "how come": question words and intents alone name no topic.
    if (query.topics === 0) return { question, match: null, best: null, runnersUp: [], suggestions: [], reason: 'no-match' };
    const { entries: order, choice } = this.choiceOf(query, undefined);
    const probs = probabilities(this.model, choice);
    const ranked0 = order.map((e, i) => ({ e, p: probs[i]! })).sort((a, b) => b.p - a.p).slice(0, this.options.runnersUp + 1);
    const type = answerTypeOf(normalized, typed);
    const questionStems = hasRequirements(type, normalized) ? new Set(stemsOf(normalized)) : undefined;
    const { answerThreshold, missingFactCeiling } = this.options;
    let missing: AnswerType | undefined;
    const candidates = ranked0.map(({ e, p }) => {
      const entry = this.kb.entries[e]!;
      const confidence = p;
      // Asked for a number, a time, a year or a name it does not give: offered, never answered.
      const lacks = questionStems !== undefined && !meets(type, this.facts.of(entry), normalized, questionStems);
      // (said only of an entry that would have been answered: else the topic is not the FAQ's)
      if (lacks && confidence >= answerThreshold) missing ??= type ?? 'year';
      return { entry, confidence: lacks ? Math.min(confidence, missingFactCeiling) : confidence, lacks };
    });
    // Candidates stay in score order (reordering by confidence measured worse), except that
    // one good enough to answer goes above any that lacks what was asked; a runner-up never
    // shows more confidence than the candidate ranked above it.
    let ceiling = 1;
    const answers = (c: (typeof candidates)[number]) => !c.lacks && c.confidence >= answerThreshold;
    const ranked: Candidate[] = [...candidates.filter(answers), ...candidates.filter((c) => !answers(c))].map((c) => {
      ceiling = Math.min(ceiling, c.confidence);
      return { entry: c.entry, confidence: round(ceiling) };
    });
    const [best = null, ...runnersUp] = ranked;
    const { suggestThreshold, relatedThreshold } = this.options;
    const base = { question, best, runnersUp };
    if (best !== null && best.confidence >= answerThreshold) {
      const related = runnersUp.filter((c) => c.confidence >= relatedThreshold);
      return { ...base, match: best, suggestions: related, reason: 'matched' };
    }
    const suggestions = ranked.filter((c) => c.confidence >= suggestThreshold);
    return { ...base, match: null, suggestions, reason: best === null ? 'no-match' : 'low-confidence', ...(missing !== undefined ? { missing } : {}) };
  }

  /**
   * The question's candidates and what the choice model reads of them (internal: ask() and
   * learning use it). `hide`: an entry to leave out, as if the FAQ did not have it.
   */
  choiceFor(question: string, hide?: number): { entries: number[]; choice: Choice } | null {
    const query = this.analyze(normalize(question.slice(0, MAX_QUESTION_CHARS)), false);
    if (query.topics === 0) return null;
    return this.choiceOf(query, hide);
  }

  private choiceOf(query: Query, hide: number | undefined): { entries: number[]; choice: Choice } {
    const scored = this.rank(query, CANDIDATES + 1, SCORE_ANSWER).filter((s) => s.e !== hide).slice(0, CANDIDATES);
    const { phrasingTerms, phrasingTermStarts, postingStarts } = this.index;
    const phrasings = this.index.phrasingCount;
    const single = query.terms.filter((t) => t.ids.length === 1);
    const content = single.filter((t) => t.content).map((t) => t.ids[0]!);
    // How many phrasings have both words of each pair of neighbouring content words.
    const pairDf = content.slice(1).map((b, i) => this.together(content[i]!, b));
    const features = scored.map((s) => {
      const from = this.entryPhrasingStart[s.e]!;
      const to = this.entryPhrasingStart[s.e + 1]!;
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
      let pairs = 0;
      let pairSeparation = 0;
      for (let i = 0; i + 1 < content.length; i++) {
        let c = 0;
        for (let p = from; p < to; p++) {
          if (has(p, content[i]!) >= 0 && has(p, content[i + 1]!) >= 0) c++;
        }
        if (c > 0) pairs++;
        const df = pairDf[i]!;
        pairSeparation += Math.log((c + SMOOTHING) / (own + 2 * SMOOTHING)) - Math.log((df - c + SMOOTHING) / (phrasings - own + 2 * SMOOTHING));
      }
      if (content.length > 1) pairSeparation /= content.length - 1;
      const head = query.headCount > 0 ? popcount(s.matchedHead) / query.headCount : 1;
      const distinctive = query.maxWeight > 0 ? s.topMatched / query.maxWeight : 0;
      return [s.score, s.own, s.phrasing, s.cover, separation, 0, 0, head, distinctive, content.length > 1 ? pairs / (content.length - 1) : 0, s.support, pairSeparation];
    });
    const maxScore = Math.max(0, ...features.map((f) => f[0]!));
    const maxSeparation = Math.max(...features.map((f) => f[4]!));
    for (const f of features) {
      f[5] = f[4]! - maxSeparation;
      f[6] = f[0]! - maxScore;
    }
    const unknownShare = query.total > 0 ? query.unknownWeight / query.total : 0;
    const top = features[0];
    return { entries: scored.map((s) => s.e), choice: { candidates: features, none: [1, unknownShare, maxScore, top?.[1] ?? 0, top?.[2] ?? 0] } };
  }

  /** How many phrasings have both terms (their postings are in phrasing order). */
  private together(a: number, b: number): number {
    const { postings, postingStarts } = this.index;
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

  /** Up to `limit` entries for a partly typed question, best first. */
  autocomplete(partial: string, limit: number = this.options.autocompleteLimit): Suggestion[] {
    const cap = Math.max(0, Math.min(Math.floor(limit), this.options.autocompleteLimit));
    if (!(cap > 0)) return [];
    const query = this.analyze(normalize(partial.slice(0, MAX_QUESTION_CHARS)), ENDS_IN_WORD.test(partial));
    if (query.terms.length === 0) {
      return this.kb.entries.slice(0, cap).map((entry) => ({ id: entry.id, question: entry.question, score: 0 }));
    }
    return this.rank(query, cap, SCORE_COMPLETION).map((s) => {
      const entry = this.kb.entries[s.e]!;
      return { id: entry.id, question: entry.question, score: round(s.score) };
    });
  }

  /** `normalized`: the text as normalize() left it (ask() needs it too, and reads it once). */
  private analyze(normalized: string, lastIsPrefix: boolean): Query {
    const tokens = this.analyzer.tokensOf(normalized).slice(0, MAX_QUERY_TOKENS);
    const { questionWordWeight, minCorrectableLength, correctionWeight, intentWeight, minWeight, unknownWeight: unknownFactor } = this.options;
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
        const ids = this.expandPrefix(token.word);
        if (ids.length > 0) {
          const weight = ids.reduce((sum, id) => sum + this.index.weight[id]!, 0) / ids.length;
          const floored = Math.max(weight, minWeight * factor);
          terms.push({ ids, weight: floored, idf: weight, content: !token.questionWord, head });
          if (!token.questionWord) topics++;
          total += floored;
          return;
        }
      }
      let id = this.index.termIds.get(token.term);
      let correction = 1;
      if (id === undefined && !token.questionWord && !token.intent && token.word.length >= minCorrectableLength) {
        const corrected = this.speller.correct(token.word);
        if (corrected !== undefined) {
          id = this.index.termIds.get(this.analyzer.token(corrected).term);
          correction = correctionWeight;
        }
      }
      if (id === undefined) {
        // Intent words are guesses: one the FAQ never uses says nothing against a match.
        if (token.intent) return;
        const w = this.index.unknownIdf * unknownFactor * factor;
        unknownWeight += w;
        total += w;
        if (w > maxWeight) maxWeight = w;
      } else if (!seen.has(id)) {
        seen.add(id);
        const idf = this.index.weight[id]! * correction;
        const weight = Math.max(idf, minWeight * (token.questionWord ? questionWordWeight : 1)) * (token.intent ? factor : 1);
        terms.push({ ids: [id], weight, idf, content: !token.questionWord && !token.intent, head });
        if (!token.questionWord && !token.intent && !NEGATIONS.has(token.word)) topics++;
        total += weight;
        if (weight > maxWeight) maxWeight = weight;
      }
    });
    return { terms, unknownWeight, total, maxWeight, headCount, topics };
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

  private expandPrefix(prefix: string): number[] {
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids = new Set<number>();
    for (let i = lo; i < words.length && ids.size < MAX_PREFIX_EXPANSIONS && words[i]!.startsWith(prefix); i++) {
      const id = this.index.termIds.get(this.analyzer.token(words[i]!).term);
      if (id !== undefined) ids.add(id);
    }
    return [...ids];
  }

  private rank(query: Query, limit: number, mode: ScoreMode): Scored[] {
    const { matchedQuery, matchedPhrasing, touched, entryScore, entryCover, entryEvidence, entryTop, entryOwn, entryPhrasing, entryWords } = this;
    const { stamp, entryStamp } = this;
    const { postings, postingStarts, answerPostings, answerStarts, weight, phrasingEntry, phrasingWeight, phrasingIsTags } = this.index;
    const { answerWeight, spreadWeight, tagWeight, queryExponent } = this.options;
    const phrasingExponent = 1 - queryExponent;
    const { entryHead, answerStamp } = this;
    const total = query.total;
    if (!(total > 0)) return [];
    let touchedCount = 0;
    const { entryList, entryListed } = this;
    let entryCount = 0;
    if (this.rankCount === 0xffffffff) {
      entryListed.fill(0);
      this.rankCount = 0;
    }
    const rankId = ++this.rankCount;
    const skipBelow = SKIP_SHARE * total;
    const heaviest = query.terms.reduce((max, t) => Math.max(max, t.weight), 0);
    for (const term of query.terms) {
      if (term.weight < skipBelow && heaviest >= skipBelow && term.ids.every((id) => postingStarts[id + 1]! - postingStarts[id]! > LONG_POSTINGS)) continue;
      const generation = this.nextGeneration();
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
            if (entryListed[e] !== rankId) {
              entryListed[e] = rankId;
              entryList[entryCount++] = e;
            }
            entryCover[e]! += term.weight;
            entryEvidence[e]! += term.idf;
            if (term.weight > entryTop[e]!) entryTop[e] = term.weight;
            if (term.content) entryWords[e]!++;
            if (term.head > 0) entryHead[e]! |= term.head;
          }
        }
      }
      // Found only in the answer: some support for an entry another word already matched.
      for (const id of term.ids) {
        const end = answerStarts[id + 1]!;
        for (let k = answerStarts[id]!; k < end; k++) {
          const e = answerPostings[k]!;
          if (answerStamp[e] === generation) continue;
          answerStamp[e] = generation;
          if (entryStamp[e] === generation) continue;
          if (entryListed[e] !== rankId) {
            entryListed[e] = rankId;
            entryList[entryCount++] = e;
          }
          entryCover[e]! += term.weight * answerWeight;
        }
      }
    }
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
      const { entrySecond, entryThird } = this;
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
    const top = new TopK(limit);
    for (let i = 0; i < entryCount; i++) {
      const e = entryList[i]!;
      if (entryScore[e]! > 0) top.offer(e, entryScore[e]!);
    }
    const out = top.sorted().map(([e, s]): Scored => ({
      e,
      score: s,
      own: entryOwn[e]!,
      phrasing: entryPhrasing[e]!,
      support: (s + this.entrySecond[e]! + this.entryThird[e]!) / 3,
      cover: Math.min(1, entryCover[e]! / total),
      evidence: entryEvidence[e]!,
      topMatched: entryTop[e]!,
      matchedWords: entryWords[e]!,
      matchedHead: entryHead[e]!,
    }));
    for (let i = 0; i < entryCount; i++) {
      const e = entryList[i]!;
      entryScore[e] = 0;
      entryCover[e] = 0;
      entryEvidence[e] = 0;
      entryTop[e] = 0;
      entryWords[e] = 0;
      entryHead[e] = 0;
      entryOwn[e] = 0;
      entryPhrasing[e] = 0;
      this.entrySecond[e] = 0;
      this.entryThird[e] = 0;
    }
    return out;
  }
}

function popcount(bits: number): number {
  return (bits & 1) + ((bits >> 1) & 1);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

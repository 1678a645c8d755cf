import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { Analyzer } from './analyzer.js';
import { MATCHER_DEFAULTS, type MatcherOptions } from './defaults.js';
import { PhraseIndex } from './phrase-index.js';
import { SpellingCorrector } from './spelling.js';
import { TopK } from './top-k.js';
import type { Answer, Candidate, Suggestion } from './types.js';

/** Only the start of a very long message is matched: the question is there. */
const MAX_QUERY_TOKENS = 48;
/** How many vocabulary words a typed prefix may stand for in autocomplete. */
const MAX_PREFIX_EXPANSIONS = 40;

interface QueryTerm {
  /** Term ids any of which satisfy this word (one, or several for a typed prefix). */
  readonly ids: readonly number[];
  readonly weight: number;
}

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
  private readonly stamp: Uint32Array;
  private readonly entryStamp: Uint32Array;
  private generation = 0;

  constructor(kb: KnowledgeBase, options: Partial<MatcherOptions> = {}) {
    this.kb = kb;
    this.options = Object.freeze({ ...MATCHER_DEFAULTS, ...options });
    this.analyzer = new Analyzer(kb.synonyms);
    this.index = new PhraseIndex(kb.entries, this.analyzer, this.options.questionWordWeight);
    this.speller = new SpellingCorrector(
      [...this.index.words].filter((w) => w.length >= this.options.minCorrectableLength),
      this.options.correctionScore,
    );
    this.sortedWords = [...this.index.words].sort();
    const n = this.index.phrasingCount;
    this.matchedQuery = new Float64Array(n);
    this.matchedPhrasing = new Float64Array(n);
    this.touched = new Uint32Array(n);
    this.entryScore = new Float64Array(kb.entries.length);
    this.entryCover = new Float64Array(kb.entries.length);
    this.stamp = new Uint32Array(n);
    this.entryStamp = new Uint32Array(kb.entries.length);
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
    const query = this.analyze(question, false);
    if (query.terms.length === 0 && query.unknownWeight === 0) {
      return { question, match: null, best: null, runnersUp: [], suggestions: [], reason: 'empty' };
    }
    const ranked = this.rank(query, this.options.runnersUp + 1, scoreAnswer);
    const [best = null, ...runnersUp] = ranked;
    const { answerThreshold, suggestThreshold, relatedThreshold } = this.options;
    if (best !== null && best.confidence >= answerThreshold) {
      const related = runnersUp.filter((c) => c.confidence >= relatedThreshold);
      return { question, match: best, best, runnersUp, suggestions: related, reason: 'matched' };
    }
    const suggestions = ranked.filter((c) => c.confidence >= suggestThreshold);
    return { question, match: null, best, runnersUp, suggestions, reason: best === null ? 'no-match' : 'low-confidence' };
  }

  /** Up to `limit` entries for a partly typed question, best first. */
  autocomplete(partial: string, limit: number = this.options.autocompleteLimit): Suggestion[] {
    const toSuggestion = (c: Candidate): Suggestion => ({ id: c.entry.id, question: c.entry.question, score: c.confidence });
    const query = this.analyze(partial, /[\p{L}\p{N}]$/u.test(partial));
    if (query.terms.length === 0) {
      return this.kb.entries.slice(0, limit).map((entry) => toSuggestion({ entry, confidence: 0 }));
    }
    return this.rank(query, limit, scoreCompletion).map(toSuggestion);
  }

  private analyze(text: string, lastIsPrefix: boolean): { terms: QueryTerm[]; unknownWeight: number } {
    const tokens = this.analyzer.tokens(text).slice(0, MAX_QUERY_TOKENS);
    const terms: QueryTerm[] = [];
    const seen = new Set<number>();
    let unknownWeight = 0;
    tokens.forEach((token, i) => {
      if (lastIsPrefix && i === tokens.length - 1) {
        const ids = this.expandPrefix(token.word);
        if (ids.length > 0) {
          const weight = ids.reduce((sum, id) => sum + this.index.weight[id]!, 0) / ids.length;
          terms.push({ ids, weight });
          return;
        }
      }
      let id = this.index.termIds.get(token.term);
      let factor = 1;
      if (id === undefined && !token.questionWord && token.word.length >= this.options.minCorrectableLength) {
        const corrected = this.speller.correct(token.word);
        if (corrected !== undefined) {
          id = this.index.termIds.get(this.analyzer.token(corrected).term);
          factor = this.options.correctionWeight;
        }
      }
      if (id === undefined) {
        unknownWeight += this.index.unknownIdf * (token.questionWord ? this.options.questionWordWeight : 1);
      } else if (!seen.has(id)) {
        seen.add(id);
        terms.push({ ids: [id], weight: this.index.weight[id]! * factor });
      }
    });
    return { terms, unknownWeight };
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.entryStamp.fill(0);
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

  private rank(
    query: { terms: QueryTerm[]; unknownWeight: number },
    limit: number,
    score: (queryCoverage: number, phrasingCoverage: number) => number,
  ): Candidate[] {
    const { matchedQuery, matchedPhrasing, touched, entryScore, entryCover, stamp, entryStamp } = this;
    const { postings, answerPostings, weight, phrasingEntry, phrasingWeight } = this.index;
    const { answerWeight, spreadWeight } = this.options;
    let touchedCount = 0;
    let total = query.unknownWeight;
    const entries: number[] = [];
    for (const term of query.terms) {
      const generation = this.nextGeneration();
      total += term.weight;
      for (const id of term.ids) {
        const list = postings[id]!;
        for (let k = 0; k < list.length; k++) {
          const p = list[k]!;
          // A prefix can expand to two words of one phrasing; the typed word counts once.
          if (stamp[p] === generation) continue;
          stamp[p] = generation;
          if (matchedQuery[p] === 0) touched[touchedCount++] = p;
          matchedQuery[p]! += term.weight;
          matchedPhrasing[p]! += weight[id]!;
          const e = phrasingEntry[p]!;
          if (entryStamp[e] !== generation) {
            entryStamp[e] = generation;
            if (entryCover[e] === 0) entries.push(e);
            entryCover[e]! += term.weight;
          }
        }
      }
      // Found only in the answer: some support for an entry another word already matched.
      for (const id of term.ids) {
        const list = answerPostings[id]!;
        for (let k = 0; k < list.length; k++) {
          const e = list[k]!;
          if (entryStamp[e] === generation) continue;
          entryStamp[e] = generation;
          if (entryCover[e] === 0) entries.push(e);
          entryCover[e]! += term.weight * answerWeight;
        }
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i]!;
      const e = phrasingEntry[p]!;
      const own = Math.min(1, matchedQuery[p]! / total);
      // Words of the question found elsewhere in the same entry count in part (Fuse.js
      // cannot add up words spread over fields; this can).
      const spread = Math.max(0, Math.min(1, entryCover[e]! / total) - own);
      const s = score(own + spreadWeight * spread, Math.min(1, matchedPhrasing[p]! / phrasingWeight[p]!));
      if (s > entryScore[e]!) entryScore[e] = s;
      matchedQuery[p] = 0;
      matchedPhrasing[p] = 0;
    }
    const top = new TopK(limit);
    for (const e of entries) {
      if (entryScore[e]! > 0) top.offer(e, entryScore[e]!);
      entryScore[e] = 0;
      entryCover[e] = 0;
    }
    return top.sorted().map(([e, s]) => ({ entry: this.kb.entries[e]!, confidence: round(s) }));
  }
}

/** How much of the question the phrasing covers matters most; the rest of the phrasing, less. */
function scoreAnswer(queryCoverage: number, phrasingCoverage: number): number {
  return Math.pow(queryCoverage, 0.65) * Math.pow(phrasingCoverage, 0.35);
}

/** While typing, every typed word found counts; how much is still untyped matters little. */
function scoreCompletion(queryCoverage: number, phrasingCoverage: number): number {
  return 0.8 * queryCoverage + 0.2 * phrasingCoverage;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

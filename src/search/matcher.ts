import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { answerTypeOf, hasRequirements, meets, type AnswerType } from './answer-type.js';
import { CandidateFinder, SCORE_ANSWER, SCORE_COMPLETION } from './candidates.js';
import { CANDIDATE_FEATURES, probabilities, type Choice, type ChoiceModel } from './choice-model.js';
import { MATCHER_DEFAULTS, type MatcherOptions } from './defaults.js';
import { Facts, stemsOf } from './facts.js';
import { describeCandidates, entryPhrasingStarts } from './features.js';
import { learnChoiceModel, PRIOR_MODEL } from './learn.js';
import { learnTermWeights, noTermWeights, type TermWeights } from './term-weights.js';
import { Analyzer } from './analyzer.js';
import { buildIndex, indexOptions, type MatcherIndex, type MatcherIndexData } from './matcher-index.js';
import { normalize } from './normalize.js';
import { readQuestion, type Query } from './query.js';
import { PhraseIndex } from './phrase-index.js';
import { SpellingCorrector } from './spelling.js';
import type { Answer, Suggestion } from './types.js';

export { transferablesOf, type MatcherIndexData } from './matcher-index.js';

/** Only this much of a message is read at all (a question is never longer). */
const MAX_QUESTION_CHARS = 2000;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
const LACKS_FACT = CANDIDATE_FEATURES.indexOf('lacksFact');
/** How many entries the choice model weighs for a question. */
const CANDIDATES = 10;

/**
 * Matches questions against one knowledge base snapshot: reads the question (query.ts),
 * finds candidate entries (candidates.ts), describes them (features.ts) and lets the choice
 * model learned from this FAQ (learn.ts, choice-model.ts) decide. Build a new Matcher for a
 * new snapshot; a Matcher never changes, so a reload can swap it in atomically.
 */
export class Matcher {
  readonly kb: KnowledgeBase;
  /** The choice model learned from this snapshot (or the prior, with nothing to learn from). */
  readonly model: ChoiceModel;
  private readonly options: MatcherOptions;
  private readonly built: MatcherIndex;
  private readonly finder: CandidateFinder;
  /** Entry e's phrasings are entryPhrasingStart[e] .. entryPhrasingStart[e + 1]. */
  private readonly entryPhrasingStart: Uint32Array;
  /** What entries can answer with, for questions asking for a number, a time or a name. */
  private readonly facts: Facts;
  /** What each entry's words say for it against its neighbours (term-weights.ts). */
  readonly termWeights: TermWeights;

  /**
   * Indexes `kb` and learns from it at once (a few seconds for 10,000 entries, during which
   * the event loop is held: a live reload does this in a worker). `built`, `model` and `termWeights` are
   * what indexData() made (internal).
   */
  constructor(kb: KnowledgeBase, options: Partial<MatcherOptions> = {}, built?: MatcherIndex, model?: ChoiceModel, termWeights?: TermWeights) {
    this.kb = kb;
    this.options = Object.freeze({ ...MATCHER_DEFAULTS, ...options });
    this.built = built ?? buildIndex(kb, this.options);
    const { index, analyzer, names } = this.built;
    this.facts = new Facts(analyzer, names);
    this.finder = new CandidateFinder(index, kb.entries.length, this.options);
    this.entryPhrasingStart = entryPhrasingStarts(index, kb.entries.length);
    const find = (terms: readonly number[], n: number) => this.finder.find(phrasingQuery(index, terms), n, SCORE_ANSWER).map((s) => s.e);
    this.termWeights = termWeights ?? (this.options.learn ? learnTermWeights(index, kb.entries.length, find) : noTermWeights(kb.entries.length));
    this.model = model ?? (this.options.learn ? learnChoiceModel(kb, (small, prior) => new Matcher(small, options, undefined, prior)) : PRIOR_MODEL);
  }

  /**
   * Indexes `kb` and learns from it, as plain data that Matcher.restore() turns back into a
   * matcher in another thread: a live reload does this part in a worker.
   */
  static indexData(kb: KnowledgeBase, options: Partial<MatcherOptions> = {}): MatcherIndexData {
    const all = Object.freeze({ ...MATCHER_DEFAULTS, ...options });
    const built = buildIndex(kb, all);
    const { index, speller, sortedWords, groups, vocabulary, names } = built;
    const { model, termWeights } = new Matcher(kb, options, built);
    return { entries: kb.entries.length, options: indexOptions(all), groups, vocabulary, index: index.data, speller: speller.toData(), sortedWords, names, model, termWeights };
  }

  /**
   * The Matcher that `new Matcher(kb, options)` would be, from what Matcher.indexData(kb,
   * options) made of the same snapshot. Its three costly parts are put together a turn of
   * the event loop apart, so questions asked meanwhile wait for one part at most.
   */
  static async restore(kb: KnowledgeBase, data: MatcherIndexData, options: Partial<MatcherOptions> = {}): Promise<Matcher> {
    if (data.entries !== kb.entries.length) throw new Error(`this index is of ${data.entries} entries, the snapshot has ${kb.entries.length}`);
    const wanted = indexOptions(Object.freeze({ ...MATCHER_DEFAULTS, ...options }));
    if (JSON.stringify(wanted) !== JSON.stringify(data.options)) throw new Error('this index was built with other options');
    const analyzer = new Analyzer(data.groups, new Set(data.vocabulary));
    await nextTurn();
    const index = new PhraseIndex(data.index);
    await nextTurn();
    const speller = SpellingCorrector.fromData(data.speller);
    await nextTurn();
    const { sortedWords, groups, vocabulary, names } = data;
    return new Matcher(kb, options, { analyzer, index, speller, sortedWords, groups, vocabulary, names }, data.model, data.termWeights);
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
    const query = readQuestion(this.built, this.options, normalized, false);
    if (query.terms.length === 0 && query.unknownWeight === 0) {
      return { question, match: null, best: null, runnersUp: [], suggestions: [], reason: 'empty' };
    }
    // "why not", "what for", "how come": question words and intents alone name no topic.
    if (query.topics === 0) return { question, match: null, best: null, runnersUp: [], suggestions: [], reason: 'no-match' };
    const { entries: order, choice, lacks, type } = this.choiceOf(query, normalized, typed);
    const probs = probabilities(this.model, choice);
    const { answerThreshold, suggestThreshold, relatedThreshold, runnersUp: shown } = this.options;
    const ranked = order.map((e, i) => ({ entry: this.kb.entries[e]!, confidence: round(probs[i]!) })).sort((a, b) => b.confidence - a.confidence);
    const [best = null, ...others] = ranked.slice(0, shown + 1);
    if (best !== null && best.confidence >= answerThreshold) {
      return { question, best, runnersUp: others, match: best, suggestions: others.filter((c) => c.confidence >= relatedThreshold), reason: 'matched' };
    }
    // Declined. Offered: the entries on the question's topic, as likely as they would be if they
    // gave the kind of fact asked for (they are what a member would look at next); and if the
    // likeliest of them would have answered but for that fact, say so.
    const onTopic = lacks.includes(true) ? probabilities(this.model, withoutLacks(choice)) : probs;
    const offered = order.map((e, i) => ({ i, topic: onTopic[i]! })).sort((a, b) => b.topic - a.topic);
    const suggestions = offered.filter((c) => c.topic >= suggestThreshold).slice(0, shown + 1).map(({ i }) => ({ entry: this.kb.entries[order[i]!]!, confidence: round(probs[i]!) }));
    const first = offered[0];
    const missing = first !== undefined && lacks[first.i] && first.topic >= answerThreshold ? (type ?? 'year') : undefined;
    return { question, best, runnersUp: others, match: null, suggestions, reason: best === null ? 'no-match' : 'low-confidence', ...(missing !== undefined ? { missing } : {}) };
  }

  /**
   * The question's candidates and what the choice model reads of them (internal: learning
   * uses it). `hide`: an entry to leave out, as if the FAQ did not have it.
   */
  choiceFor(question: string, hide?: number): { entries: number[]; choice: Choice } | null {
    const typed = question.slice(0, MAX_QUESTION_CHARS);
    const normalized = normalize(typed);
    const query = readQuestion(this.built, this.options, normalized, false);
    if (query.topics === 0) return null;
    return this.choiceOf(query, normalized, typed, hide);
  }

  private choiceOf(query: Query, normalized: string, typed: string, hide?: number): { entries: number[]; choice: Choice; lacks: boolean[]; type?: AnswerType } {
    const scored = this.finder.find(query, CANDIDATES + 1, SCORE_ANSWER).filter((s) => s.e !== hide).slice(0, CANDIDATES);
    const type = answerTypeOf(normalized, typed);
    const stems = hasRequirements(type, normalized) ? new Set(stemsOf(normalized)) : undefined;
    // Asked for a number, a time, a year or a name the entry does not give: how much that
    // counts against it is learned, like the rest (a FAQ whose answers never give figures
    // teaches that it does not).
    const lacks = scored.map((s) => stems !== undefined && !meets(type, this.facts.of(this.kb.entries[s.e]!), normalized, stems));
    const choice = describeCandidates(this.built.index, this.entryPhrasingStart, this.termWeights, query, scored, lacks);
    return { entries: scored.map((s) => s.e), choice, lacks, ...(type !== undefined ? { type } : {}) };
  }

  /** Up to `limit` entries for a partly typed question, best first. */
  autocomplete(partial: string, limit: number = this.options.autocompleteLimit): Suggestion[] {
    const cap = Math.max(0, Math.min(Math.floor(limit), this.options.autocompleteLimit));
    if (!(cap > 0)) return [];
    const query = readQuestion(this.built, this.options, normalize(partial.slice(0, MAX_QUESTION_CHARS)), ENDS_IN_WORD.test(partial));
    if (query.terms.length === 0) {
      return this.kb.entries.slice(0, cap).map((entry) => ({ id: entry.id, question: entry.question, score: 0 }));
    }
    return this.finder.find(query, cap, SCORE_COMPLETION).map((s) => {
      const entry = this.kb.entries[s.e]!;
      return { id: entry.id, question: entry.question, score: round(s.score) };
    });
  }
}

/** A phrasing of the FAQ (its terms) asked as a question, every word typed. */
function phrasingQuery(index: PhraseIndex, terms: readonly number[]): Query {
  const weights = terms.map((id) => index.data.weight[id]!);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return { terms: terms.map((id, i) => ({ ids: [id], weight: weights[i]!, content: true, head: 0 })), unknownWeight: 0, total, maxWeight: 0, headCount: 0, topics: terms.length };
}

/** The choice as if no candidate lacked the fact asked for. */
function withoutLacks(choice: Choice): Choice {
  return { ...choice, candidates: choice.candidates.map((f) => f.map((x, k) => (k === LACKS_FACT ? 0 : x))) };
}

/** After whatever the event loop has waiting (I/O, timers, other immediates). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

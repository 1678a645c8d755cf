import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { EmbeddingCache } from '../embedding/cache.js';
import { embedAll } from '../embedding/embed.js';
import { loadEncoder, type Encoder } from '../embedding/encoder.js';
import { EMBEDDING_DEFAULTS, type EmbeddingOptions } from '../embedding/options.js';
import { answerTypeOf, hasRequirements, meets, type AnswerType } from './answer-type.js';
import { CandidateFinder, SCORE_ANSWER, SCORE_COMPLETION, type Scored } from './candidates.js';
import { CHATTER } from './chatter.js';
import { CANDIDATE_FEATURES, probabilities, type Choice, type ChoiceModel } from './choice-model.js';
import { MATCHER_DEFAULTS, type MatcherOptions } from './defaults.js';
import { Facts, stemsOf } from './facts.js';
import { describeCandidates, entryPhrasingStarts } from './features.js';
import { learnChoiceModel } from './learn.js';
import { PRIOR_MODEL } from './prior-model.js';
import { answerStart, buildMeaning, Meaning, phrasingsOf, type Shortlist } from './meaning.js';
import { learnTermWeights, type TermWeights } from './term-weights.js';
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
/** How many entries the choice model weighs for a question, found by their words. */
const CANDIDATES = 10;
/** And how many more found by meaning alone (entries whose words the question does not share). */
const MEANING_CANDIDATES = 5;

/** What building a matcher needs besides the snapshot. */
export interface BuildOptions {
  readonly matcher?: Partial<MatcherOptions>;
  readonly embedding?: EmbeddingOptions;
  /** The choice model learning starts from (default: the one learned across FAQs, prior-model.ts). */
  readonly prior?: ChoiceModel;
  /** Called now and then while the FAQ's texts are being embedded (embedAll). */
  readonly progress?: () => void;
}

/**
 * The one step from a snapshot to what a Matcher is made of: the FAQ's texts embedded (from
 * the on-disk cache where it has them), indexed, and the choice model learned from them. Plain
 * data, so that the reload worker can make it and move it to the main thread; start-up, the
 * worker and the tests all take this road (buildMatcher is it, then Matcher.fromData).
 */
export async function buildMatcherData(kb: KnowledgeBase, options: BuildOptions = {}): Promise<MatcherIndexData> {
  const all = Object.freeze({ ...MATCHER_DEFAULTS, ...options.matcher });
  const embedding = options.embedding ?? EMBEDDING_DEFAULTS;
  const encoder = await loadEncoder(embedding.modelDir);
  const answers = kb.entries.map((entry) => answerStart(entry.answer));
  const texts: string[] = [...CHATTER, ...answers];
  for (const entry of kb.entries) texts.push(...phrasingsOf(entry));
  const vectors = await embedAll(texts, encoder, EmbeddingCache.open(embedding.cacheDir, encoder.id, encoder.dimensions), options.progress);
  const vectorOf = (text: string) => vectors.get(text)!;
  const built = buildIndex(kb, all);
  const meaning = buildMeaning(kb, answers, vectorOf, encoder.dimensions);
  const { model, termWeights } = assemble(kb, all, built, answers, vectorOf, encoder.dimensions, options.prior ?? PRIOR_MODEL, false);
  const { index, speller, sortedWords, groups, vocabulary, names } = built;
  return { entries: kb.entries.length, options: indexOptions(all), groups, vocabulary, index: index.data, speller: speller.toData(), sortedWords, names, model, termWeights, meaning, encoderId: encoder.id };
}

/** A matcher over `kb`: buildMatcherData, then Matcher.fromData. */
export async function buildMatcher(kb: KnowledgeBase, options: BuildOptions = {}): Promise<Matcher> {
  return Matcher.fromData(kb, await buildMatcherData(kb, options), options);
}

/**
 * The term weights learned from `kb`, and the choice model learned from it starting at
 * `prior`, or `prior` itself when `fixed` (the matchers learning builds on held-out folds,
 * dropped after).
 */
function assemble(
  kb: KnowledgeBase,
  options: MatcherOptions,
  built: MatcherIndex,
  answers: readonly string[],
  vectorOf: (text: string) => Float32Array,
  dimensions: number,
  prior: ChoiceModel,
  fixed: boolean,
): { model: ChoiceModel; termWeights: TermWeights } {
  const { index } = built;
  const finder = new CandidateFinder(index, kb.entries.length, options);
  const find = (terms: readonly number[], n: number) => finder.find(phrasingQuery(index, terms), n, SCORE_ANSWER).map((s) => s.e);
  const termWeights = learnTermWeights(index, kb.entries.length, find);
  if (fixed) return { model: prior, termWeights };
  const model = learnChoiceModel(kb, prior, vectorOf, (small, start) => {
    const smallBuilt = buildIndex(small, options);
    const smallMeaning = new Meaning(buildMeaning(small, answers, vectorOf, dimensions));
    const learned = assemble(small, options, smallBuilt, answers, vectorOf, dimensions, start, true);
    return new Matcher(small, options, smallBuilt, smallMeaning, learned.model, learned.termWeights, NO_ENCODER, new Map());
  });
  return { model, termWeights };
}

/** The held-out matchers are only asked with vectors given (choicesFor). */
const NO_ENCODER: Encoder = Object.freeze({
  id: 'none',
  dimensions: 0,
  embed: () => Promise.reject(new Error('a matcher built for learning embeds nothing')),
});

/**
 * Matches questions against one knowledge base snapshot: reads the question (query.ts),
 * finds candidate entries by their words (candidates.ts) and by meaning (meaning.ts),
 * describes them (features.ts) and lets the choice model learned from this FAQ (learn.ts,
 * choice-model.ts) decide. A read-only view over what buildMatcherData made; a new snapshot
 * gets a new Matcher, so a reload can swap it in atomically.
 */
export class Matcher {
  readonly kb: KnowledgeBase;
  /** The choice model learned from this snapshot (the prior, or the prior at a scale of this FAQ's, with too little to learn from). */
  readonly model: ChoiceModel;
  private readonly options: MatcherOptions;
  private readonly finder: CandidateFinder;
  /** Entry e's phrasings are entryPhrasingStart[e] .. entryPhrasingStart[e + 1]. */
  private readonly entryPhrasingStart: Uint32Array;
  /** What entries can answer with, for questions asking for a number, a time or a name. */
  private readonly facts: Facts;

  /** (internal: buildMatcherData and fromData make these parts) */
  constructor(
    kb: KnowledgeBase,
    options: Partial<MatcherOptions>,
    private readonly built: MatcherIndex,
    private readonly meaning: Meaning,
    model: ChoiceModel,
    /** What each entry's words say for it against its neighbours (term-weights.ts). */
    readonly termWeights: TermWeights,
    private readonly encoder: Encoder,
    /** The FAQ's own phrasings' rows in `meaning` by text: asking one (faq:check's collisions) needs no encoder run. */
    private readonly known: ReadonlyMap<string, number>,
  ) {
    this.kb = kb;
    this.options = Object.freeze({ ...MATCHER_DEFAULTS, ...options });
    this.model = model;
    const { index, analyzer, names } = built;
    this.facts = new Facts(analyzer, names);
    this.finder = new CandidateFinder(index, kb.entries.length, this.options);
    this.entryPhrasingStart = entryPhrasingStarts(index, kb.entries.length);
  }

  /**
   * The Matcher over `kb` from what buildMatcherData(kb) made (in this thread or another).
   * Its costly parts are put together a turn of the event loop apart, so questions asked
   * meanwhile wait for one part at most.
   */
  static async fromData(kb: KnowledgeBase, data: MatcherIndexData, options: BuildOptions = {}): Promise<Matcher> {
    if (data.entries !== kb.entries.length) throw new Error(`this index is of ${data.entries} entries, the snapshot has ${kb.entries.length}`);
    const wanted = indexOptions(Object.freeze({ ...MATCHER_DEFAULTS, ...options.matcher }));
    if (JSON.stringify(wanted) !== JSON.stringify(data.options)) throw new Error('this index was built with other options');
    const encoder = await loadEncoder((options.embedding ?? EMBEDDING_DEFAULTS).modelDir);
    if (encoder.id !== data.encoderId) throw new Error('this index was built with another sentence encoder');
    // Each step below in a turn of its own: a reload runs this on the thread that answers.
    await nextTurn();
    const analyzer = new Analyzer(data.groups, new Set(data.vocabulary));
    await nextTurn();
    const index = new PhraseIndex(data.index);
    await nextTurn();
    const speller = SpellingCorrector.fromData(data.speller);
    await nextTurn();
    const known = await phrasingRows(kb, data.meaning.phrasingStarts);
    const { sortedWords, groups, vocabulary, names } = data;
    return new Matcher(kb, options.matcher ?? {}, { analyzer, index, speller, sortedWords, groups, vocabulary, names }, new Meaning(data.meaning), data.model, data.termWeights, encoder, known);
  }

  /** The entry with this exact id, if the snapshot has it. */
  entry(id: string): Entry | undefined {
    return this.kb.entryById.get(id);
  }

  /**
   * Answers a free-text question, or, when the text is exactly an entry id (what an
   * autocomplete pick sends), that entry.
   */
  async ask(question: string): Promise<Answer> {
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
    return this.decide(question, query, normalized, typed, await this.vectorOf(typed));
  }

  /**
   * What a text means to the matcher: its sentence vector, a unit vector whose dot product with
   * another's says how alike the two are (-1..1). For grouping what members typed.
   */
  async meaningOf(text: string): Promise<Float32Array> {
    return this.vectorOf(text.slice(0, MAX_QUESTION_CHARS));
  }

  /** How alike a meaning (meaningOf) is to the closest of an entry's question and alternates, or 0 for an unknown entry. */
  likenessToEntry(vector: Float32Array, entryId: string): number {
    const entry = this.kb.entryById.get(entryId);
    return entry === undefined ? 0 : this.meaning.of(vector, this.kb.entries.indexOf(entry)).phrasing;
  }

  /** A text's vector: the FAQ's own phrasings are embedded already; anything else is embedded now. */
  private vectorOf(text: string): Promise<Float32Array> | Float32Array {
    const row = this.known.get(text);
    if (row === undefined) return this.encoder.embed(text);
    const { phrasings, dimensions } = this.meaning.data;
    return phrasings.subarray(row * dimensions, (row + 1) * dimensions);
  }

  private decide(question: string, query: Query, normalized: string, typed: string, vector: Float32Array): Answer {
    const { entries: order, choice, lacks, type } = this.choiceOf(query, normalized, typed, vector, this.search(query, vector));
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
   * uses it, with the question's vector), once for each of `hidden`: an entry to leave out, as
   * if the FAQ did not have it, or undefined for none. The searches behind them are made once
   * for all: learning asks each held-out phrasing as itself and with its entry hidden.
   */
  choicesFor(question: string, vector: Float32Array, hidden: readonly (number | undefined)[] = [undefined]): { entries: number[]; choice: Choice }[] | null {
    const typed = question.slice(0, MAX_QUESTION_CHARS);
    const normalized = normalize(typed);
    const query = readQuestion(this.built, this.options, normalized, false);
    if (query.topics === 0) return null;
    const found = this.search(query, vector);
    return hidden.map((hide) => this.choiceOf(query, normalized, typed, vector, found, hide));
  }

  /**
   * The entries a question's words find (one more than the candidates, so that one can be
   * hidden), and the entries closest to it in meaning (meaning.ts), with none hidden.
   */
  private search(query: Query, vector: Float32Array): Searched {
    return { scored: this.finder.find(query, CANDIDATES + 1, SCORE_ANSWER), short: this.meaning.shortlist(vector) };
  }

  private choiceOf(query: Query, normalized: string, typed: string, vector: Float32Array, found: Searched, hide?: number): { entries: number[]; choice: Choice; lacks: boolean[]; type?: AnswerType } {
    const scored = found.scored.filter((s) => s.e !== hide).slice(0, CANDIDATES);
    const byWords = new Set(scored.map((s) => s.e));
    // Entries that mean what the question asks though they share none of its words (or too few to rank).
    for (const e of this.meaning.nearest(vector, found.short, MEANING_CANDIDATES, hide)) if (!byWords.has(e)) scored.push(unmatched(e));
    const type = answerTypeOf(normalized, typed);
    const stems = hasRequirements(type, normalized) ? new Set(stemsOf(normalized)) : undefined;
    // Asked for a number, a time, a year or a name the entry does not give: how much that
    // counts against it is learned, like the rest (a FAQ whose answers never give figures
    // teaches that it does not).
    const lacks = scored.map((s) => stems !== undefined && !meets(type, this.facts.of(this.kb.entries[s.e]!), normalized, stems));
    const likeness = scored.map((s) => this.meaning.of(vector, s.e));
    const choice = describeCandidates(this.built.index, this.entryPhrasingStart, this.termWeights, query, scored, lacks, likeness);
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

/** What one search for a question finds, before any entry is hidden (Matcher.search). */
interface Searched {
  readonly scored: readonly Scored[];
  readonly short: Shortlist;
}

/** A phrasing of the FAQ (its terms) asked as a question, every word typed. */
function phrasingQuery(index: PhraseIndex, terms: readonly number[]): Query {
  const weights = terms.map((id) => index.data.weight[id]!);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return { terms: terms.map((id, i) => ({ ids: [id], weight: weights[i]!, content: true, head: 0 })), unknownWeight: 0, total, maxWeight: 0, headCount: 0, topics: terms.length };
}

/** An entry found by meaning alone: none of its phrasings scored on the question's words. */
function unmatched(e: number): Scored {
  return { e, score: 0, own: 0, phrasing: 0, support: 0, cover: 0, topMatched: 0, matchedHead: 0 };
}

/** The choice as if no candidate lacked the fact asked for. */
function withoutLacks(choice: Choice): Choice {
  return { ...choice, candidates: choice.candidates.map((f) => f.map((x, k) => (k === LACKS_FACT ? 0 : x))) };
}

/** How many entries phrasingRows reads in one turn of the event loop: 10,000 at once held it 20-65 ms. */
const ROWS_PER_TURN = 1000;

/** The rows of the FAQ's own phrasings in MeaningData by text (the phrasings alone: making each answer's start again would hold the loop too). */
async function phrasingRows(kb: KnowledgeBase, starts: Uint32Array): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  for (const [e, entry] of kb.entries.entries()) {
    if (e > 0 && e % ROWS_PER_TURN === 0) await nextTurn();
    phrasingsOf(entry).forEach((text, i) => rows.set(text, starts[e]! + i));
  }
  return rows;
}

/** After whatever the event loop has waiting (I/O, timers, other immediates). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

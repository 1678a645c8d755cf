import { stemmer } from 'stemmer';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { Analyzer } from './analyzer.js';
import type { ChoiceModel } from './choice-model.js';
import type { MatcherOptions } from './defaults.js';
import type { TermWeights } from './term-weights.js';
import type { MeaningData } from './meaning.js';
import { namesOf } from './facts.js';
import { normalize } from './normalize.js';
import { PhraseIndex, type NormalizedEntry, type PhraseIndexData } from './phrase-index.js';
import { SpellingCorrector, typosInAlternates, type SpellingData } from './spelling.js';

/*
 * Indexing a knowledge base snapshot for the Matcher, and the index as plain data, so that
 * a worker thread can do it and hand the result over (buildMatcherData, Matcher.fromData).
 */

/** What indexing a snapshot produces; a Matcher is these plus scratch space. */
export interface MatcherIndex {
  readonly analyzer: Analyzer;
  readonly index: PhraseIndex;
  readonly speller: SpellingCorrector;
  readonly sortedWords: readonly string[];
  /** What the analyzer was made from: the synonym groups (the FAQ's, then its alternates' typos) and the FAQ's words. */
  readonly groups: readonly (readonly string[])[];
  readonly vocabulary: readonly string[];
  /** The names answers can give (facts.ts), as terms. */
  readonly names: readonly string[];
}

/**
 * A snapshot's index as plain data (buildMatcherData), to build in one thread and use in
 * another (Matcher.fromData): lists of words and typed arrays, whose buffers can be
 * transferred (transferablesOf).
 */
export interface MatcherIndexData {
  /** How many entries the snapshot it was built from has. */
  readonly entries: number;
  /** The options the index depends on, as they were. */
  readonly options: IndexOptions;
  readonly groups: readonly (readonly string[])[];
  readonly vocabulary: readonly string[];
  readonly index: PhraseIndexData;
  readonly speller: SpellingData;
  readonly sortedWords: readonly string[];
  readonly names: readonly string[];
  /** The choice model learned from the snapshot (learn.ts). */
  readonly model: ChoiceModel;
  /** What each entry's words say for it (term-weights.ts). */
  readonly termWeights: TermWeights;
  /** The FAQ's sentence vectors (meaning.ts). */
  readonly meaning: MeaningData;
  /** The encoder they were made with (Encoder.id): a question must be embedded by the same. */
  readonly encoderId: string;
}

/** The options that indexing depends on (the others only matter when asking). */
export type IndexOptions = Pick<MatcherOptions, 'questionWordWeight' | 'tagsAsPhrasing' | 'minCorrectableLength' | 'correctionScore'>;
export const indexOptions = ({ questionWordWeight, tagsAsPhrasing, minCorrectableLength, correctionScore }: MatcherOptions): IndexOptions => ({
  questionWordWeight,
  tagsAsPhrasing,
  minCorrectableLength,
  correctionScore,
});

/** The buffers of `data` that postMessage can move instead of copying. */
export function transferablesOf(data: MatcherIndexData): ArrayBuffer[] {
  const { weight, postings, postingStarts, answerPostings, answerStarts, phrasingEntry, phrasingWeight, phrasingIsTags, phrasingTerms, phrasingTermStarts } = data.index;
  const { keyEnds, lists, listEnds, slots } = data.speller.table;
  const { keys, starts, weight: termWeight } = data.termWeights;
  const { phrasingStarts, phrasings, answers, centroids } = data.meaning;
  return [weight, postings, postingStarts, answerPostings, answerStarts, phrasingEntry, phrasingWeight, phrasingIsTags, phrasingTerms, phrasingTermStarts, keyEnds, lists, listEnds, slots, keys, starts, termWeight, phrasingStarts, phrasings, answers, centroids].map(
    (a) => a.buffer as ArrayBuffer,
  );
}


/**
 * Indexes a snapshot: its vocabulary, the analyzer, the phrase index, the spelling
 * corrector. Each text is normalised once, for the vocabulary and the index alike.
 */
export function buildIndex(kb: KnowledgeBase, options: MatcherOptions): MatcherIndex {
  const { tagsAsPhrasing } = options;
  const normalized: NormalizedEntry[] = [];
  const { vocabulary, typos } = readVocabulary(kb, (entry, question, answer, alternates) => {
    const tags = entry.tags.join(' ');
    normalized.push({
      question,
      alternates,
      tagLine: normalize(tags),
      answer: tagsAsPhrasing ? answer : normalize(`${entry.answer} ${tags}`),
    });
  });
  const groups = [...kb.synonyms, ...typos];
  const analyzer = new Analyzer(groups, vocabulary);
  const index = new PhraseIndex(PhraseIndex.build(normalized, analyzer, options.questionWordWeight, tagsAsPhrasing));
  normalized.length = 0;
  const { words } = index.data;
  const speller = new SpellingCorrector(
    words.filter((w) => w.length >= options.minCorrectableLength),
    options.correctionScore,
  );
  const sortedWords = [...words].sort();
  const names = namesOf(kb, analyzer);
  return { analyzer, index, speller, sortedWords, groups, vocabulary: [...vocabulary], names };
}

/**
 * The FAQ's words (for joining "back channel" into "backchannel"), and the deliberate
 * typos of its alternates as [right word, typo] pairs. `read` gets each entry's question,
 * answer and alternates as normalised here, so they need not be normalised again.
 */
function readVocabulary(
  kb: KnowledgeBase,
  read: (entry: Entry, question: string, answer: string, alternates: string[]) => void,
): { vocabulary: Set<string>; typos: string[][] } {
  const vocabulary = new Set<string>();
  // Per word: how many texts have it, and the last text counted (a word counts once a text).
  const texts = new Map<string, { n: number; text: number }>();
  const prose = new Set<string>();
  let textNo = 0;
  const count = (normalized: string, isProse: boolean) => {
    textNo++;
    if (normalized === '') return;
    for (const w of normalized.split(' ')) {
      let seen = texts.get(w);
      if (seen === undefined) {
        texts.set(w, (seen = { n: 0, text: 0 }));
        vocabulary.add(w);
      }
      if (seen.text === textNo) continue;
      seen.text = textNo;
      seen.n++;
      if (isProse) prose.add(w);
    }
  };
  for (const entry of kb.entries) {
    const question = normalize(entry.question);
    const answer = normalize(entry.answer);
    const alternates = entry.alternates.map((a) => normalize(a));
    count(question, true);
    count(answer, true);
    for (const tag of entry.tags) count(normalize(tag), true);
    for (const alternate of alternates) count(alternate, false);
    read(entry, question, answer, alternates);
  }
  for (const article of kb.articles) {
    const s = normalize(`${article.title} ${article.summary}`);
    if (s !== '') for (const w of s.split(' ')) prose.add(w);
  }
  const reference = new Map<string, number>();
  const alternateOnly: string[] = [];
  for (const [w, { n }] of texts) {
    if (prose.has(w) || n >= 2) reference.set(w, n);
    else alternateOnly.push(w);
  }
  for (const w of prose) if (!reference.has(w)) reference.set(w, 1);
  const typos = typosInAlternates(alternateOnly, reference, stemmer);
  return { vocabulary, typos: [...typos].map(([typo, word]) => [word, typo]) };
}

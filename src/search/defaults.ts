/**
 * The matcher's tuning, in one frozen place. What decides an answer is learned from each FAQ
 * as it loads (learn.ts); these are the fixed parts around it.
 */
export const MATCHER_DEFAULTS = Object.freeze({
  /**
   * Below this confidence (the estimated chance that the answer is right, learned from the
   * loaded FAQ: learn.ts) the matcher abstains and offers suggestions instead: it answers
   * only what is at least as likely right as wrong (a decline still offers the entries it
   * thinks of, so it costs a member a click where a wrong answer costs a wrong fact).
   */
  answerThreshold: 0.5,
  /**
   * Between this and answerThreshold, entries are offered as "did you mean". Low, because on a
   * decline the confidence is shared out among several candidates and the none option, and an
   * offered entry costs a member a glance where a wrong answer costs a wrong fact.
   */
  suggestThreshold: 0.1,
  /** Next to an answer, runners-up this likely are offered as related questions (confidences share one sum). */
  relatedThreshold: 0.15,
  /** How many runners-up and suggestions to return. */
  runnersUp: 3,
  /** Question words (who, why...) count for this share of a normal word. */
  questionWordWeight: 0.35,
  /** Words read from a question's shape ("what ... for": purpose) count this share. */
  intentWeight: 0.5,
  /** An unknown word weighs this share of the rarest known word's weight. */
  unknownWeight: 1,
  /** Tags count as one more phrasing (else only as weak support, like answer words). */
  tagsAsPhrasing: true,
  /** The tags phrasing's score counts this share: tags name a topic, several entries share one. */
  tagWeight: 0.9,
  /** Words shorter than this are never typo-corrected: too many near neighbours. */
  minCorrectableLength: 4,
  /** Fuse.js score (0 exact .. 1 unrelated) a correction must beat. */
  correctionScore: 0.34,
  /** A corrected word is less certain than a typed one. */
  correctionWeight: 0.8,
  /** A question word found in an entry's answer counts this much of a phrasing match. */
  answerWeight: 0.5,
  /** Question words found in the entry's other fields count this share of the best phrasing's. */
  spreadWeight: 0.5,
  /** Ranking score = queryCoverage^e x phrasingCoverage^(1-e). */
  queryExponent: 0.65,
  /** Autocomplete: how many choices (Discord's maximum). */
  autocompleteLimit: 25,
});

/**
 * How the matcher learns from the FAQ it loads (learn.ts, term-weights.ts): the fixed parts of
 * learning, in one frozen place beside the rest.
 */
export const LEARNING_DEFAULTS = Object.freeze({
  /**
   * How many times alternates are held out (one an entry each time), or on a FAQ without them
   * entries' questions (a third of them each time), and the matcher built on the rest.
   */
  folds: 3,
  /** Held-out phrasings asked at most: enough for a dozen weights, and flat cost on a big FAQ. */
  maxProbes: 500,
  /**
   * Held-out phrasings needed to learn weights: fewer, and the weights learned across FAQs are
   * kept, scaled by the FAQ's own questions when it has this many entries.
   */
  minProbes: 30,
  /** The pull towards the starting weights (an L2 penalty, fit() in choice-model.ts). */
  penalty: 2,
  /**
   * A held-out phrasing counts this many times a negative (each is asked once as itself and
   * once with its entry hidden, so odds of 4 to 1; chatter adds a few more negatives): most
   * questions put to a FAQ bot are about its FAQ, about 4 in 5 in our evaluation sets of
   * members' questions (78%, 82%, 87% answerable).
   */
  positiveWeight: 4,
  /** The optimiser's passes over the examples. */
  iterations: 300,
  /** Word weights: how many entries compete for each phrasing (those the finder ranks first for it). */
  termCompetitors: 10,
  /**
   * Word weights: phrasings learned from at most, taken an entry at a time so that every entry
   * learns (each is one search); a FAQ with more entries learns from each entry's question.
   * All of a 1,000 x 10 FAQ's phrasings would take a reload after one edit past its 5 s budget.
   */
  termMaxExamples: 2000,
  /** Word weights: passes over the examples, and the step of each update. */
  termEpochs: 30,
  termRate: 0.3,
});

/** The options' types, not the defaults' literal values (Object.freeze keeps `0.55` as a type). */
type Widened<T> = { readonly [K in keyof T]: T[K] extends number ? number : T[K] extends boolean ? boolean : T[K] };
export type MatcherOptions = Widened<typeof MATCHER_DEFAULTS>;

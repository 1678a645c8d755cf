/**
 * The matcher's tuning, in one frozen place. What decides an answer is learned from each FAQ
 * as it loads (learn.ts); these are the fixed parts around it.
 */
export const MATCHER_DEFAULTS = Object.freeze({
  /**
   * Below this confidence (the estimated chance that the answer is right, learned from the
   * loaded FAQ: learn.ts) the matcher abstains and offers suggestions instead.
   */
  answerThreshold: 0.45,
  /** Between this and answerThreshold, entries are offered as "did you mean". */
  suggestThreshold: 0.2,
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

/** The options' types, not the defaults' literal values (Object.freeze keeps `0.55` as a type). */
type Widened<T> = { readonly [K in keyof T]: T[K] extends number ? number : T[K] extends boolean ? boolean : T[K] };
export type MatcherOptions = Widened<typeof MATCHER_DEFAULTS>;

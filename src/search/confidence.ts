/**
 * How sure the matcher is, from several signals rather than one score: on a FAQ about one
 * story, the story's names are in almost every entry, so a single score cannot tell a
 * reworded question from an off-topic one that reuses those names.
 */

/** What the best candidate's score was made of, each in 0..1 (margin in -1..1). */
export interface Signals {
  /** The ranking score (coverage of the question and of the phrasing combined). */
  readonly score: number;
  /** Score minus the best different entry's score. */
  readonly margin: number;
  /** Share of the question's weight covered by the entry's best phrasing. */
  readonly coverage: number;
  /** Share of the question's weight found anywhere in the entry (answer words count less). */
  readonly entryCoverage: number;
  /** Share of the best phrasing's weight that the question covers. */
  readonly phrasingCoverage: number;
  /** Share of the question's weight that is words no entry has. */
  readonly unknownShare: number;
  /** Distinctive words found in the entry's phrasings: their idf summed, over two rare words', capped at 1. */
  readonly evidence: number;
  /** Content words of the question found in the entry's phrasings, over 3, capped at 1. */
  readonly words: number;
  /** Share of the question's first two content words (its topic, as a rule) the entry's phrasings have. */
  readonly head: number;
  /** Weight of the heaviest question word the entry has, over the question's heaviest word. */
  readonly distinctive: number;
}

export const SIGNAL_NAMES = [
  'score',
  'margin',
  'coverage',
  'entryCoverage',
  'phrasingCoverage',
  'unknownShare',
  'evidence',
  'words',
  'head',
  'distinctive',
] as const satisfies readonly (keyof Signals)[];

/** A logistic model: confidence = 1 / (1 + e^-(bias + sum of weight x signal)). */
export interface ConfidenceModel {
  readonly bias: number;
  readonly weights: Readonly<Partial<Record<keyof Signals, number>>>;
}

export function confidenceOf(signals: Signals, model: ConfidenceModel): number {
  let z = model.bias;
  for (const name of SIGNAL_NAMES) z += (model.weights[name] ?? 0) * signals[name];
  const p = 1 / (1 + Math.exp(-z));
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

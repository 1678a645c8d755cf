import type { Answer, Candidate } from '../search/types.js';

/**
 * The auto-answer decision. The matcher's confidence is a calibrated probability that its
 * answer is right, so the threshold reads as "answer only when at least this likely right".
 * Stricter than /ask: a member who did not ask the bot should not get a wrong answer.
 */
export const AUTO_ANSWER_DEFAULTS = Object.freeze({
  minConfidence: 0.95,
  /** The range moderators may set with min-confidence. */
  lowestMinConfidence: 0.5,
  highestMinConfidence: 0.99,
});

export type Decision =
  | { answer: true; candidate: Candidate }
  /** candidate: the closest entry, for shadow records and "not what I asked". */
  | { answer: false; candidate: Candidate | null; reason: 'no-match' | 'below-threshold' };

export function decide(answer: Answer, minConfidence: number = AUTO_ANSWER_DEFAULTS.minConfidence): Decision {
  // A matcher that declined is never overruled, however high its best guess scored.
  if (answer.match === null) return { answer: false, candidate: answer.best, reason: 'no-match' };
  if (answer.match.confidence < minConfidence) return { answer: false, candidate: answer.match, reason: 'below-threshold' };
  return { answer: true, candidate: answer.match };
}

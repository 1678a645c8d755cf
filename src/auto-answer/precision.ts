/**
 * Shadow-mode grading: how often the would-be answers were right, and the lowest
 * threshold that would have kept the answers let through right often enough.
 */
export interface GradedAnswer {
  readonly confidence: number;
  /** At or above the channel's threshold when it was seen. */
  readonly wouldAnswer: boolean;
  /** null: not graded yet. */
  readonly right: boolean | null;
}

export interface Precision {
  /** Graded would-be answers (at or above the threshold then). */
  graded: number;
  right: number;
  /**
   * The lowest confidence at which the graded answers at or above it (below the threshold
   * then included) are at least `target` right, and how many it keeps; null when none is.
   */
  suggested: { threshold: number; kept: number } | null;
}

export const PRECISION_TARGET = 0.95;

export function precisionOf(rows: readonly GradedAnswer[], target = PRECISION_TARGET): Precision {
  const graded = rows.filter((r) => r.right !== null);
  const answered = graded.filter((r) => r.wouldAnswer);
  const sorted = [...graded].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let suggested: Precision['suggested'] = null;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.right) right++;
    // Ties are all in or all out: a threshold cannot split them.
    if (sorted[i + 1]?.confidence === sorted[i]!.confidence) continue;
    if (right / (i + 1) >= target) suggested = { threshold: sorted[i]!.confidence, kept: i + 1 };
  }
  return { graded: answered.length, right: answered.filter((r) => r.right).length, suggested };
}

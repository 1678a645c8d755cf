import type { Entry } from '../knowledge/types.js';
import type { AnswerType } from './answer-type.js';

/** An entry the matcher considered, with how sure it is (0..1). */
export interface Candidate {
  readonly entry: Entry;
  readonly confidence: number;
}

/** What the matcher makes of one question. Plain data: no platform in sight. */
export interface Answer {
  readonly question: string;
  /** The entry to answer with, or null when the matcher abstains. */
  readonly match: Candidate | null;
  /** The best candidate, even when it was not good enough to answer. */
  readonly best: Candidate | null;
  /** The next best entries, best first. */
  readonly runnersUp: readonly Candidate[];
  /** Entries worth offering next: "did you mean" when abstaining, else related questions. */
  readonly suggestions: readonly Candidate[];
  /** How it was decided: picked by id, matched, or why it abstained. */
  readonly reason: 'picked' | 'matched' | 'empty' | 'no-match' | 'low-confidence';
  /**
   * When it abstains because the best entry is on the topic but does not give what the
   * question asks for (a number, a date, a name...): what that was.
   */
  readonly missing?: AnswerType;
}

/** One autocomplete choice: the entry's question shown, its id as the value. */
export interface Suggestion {
  readonly id: string;
  readonly question: string;
  readonly score: number;
}

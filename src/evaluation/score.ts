import type { Entry } from '../knowledge/types.js';
import type { Matcher } from '../search/matcher.js';

/** One line of an evaluation file: a question and the answers that count as right. */
export interface EvalCase {
  readonly q: string;
  /** Entry ids or "@host" (any entry citing that host); null: the bot should decline. */
  readonly expect: readonly string[] | null;
}

export interface EvalMiss {
  readonly q: string;
  readonly expected: readonly string[] | null;
  readonly got: string | null;
  readonly confidence: number | null;
}

/** Answers given with a confidence in [from, to): how many, and how many were right. */
export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly answers: number;
  /** The mean confidence: the share expected right. */
  readonly expected: number;
  /** The share that was right. */
  readonly observed: number;
}

export interface EvalReport {
  readonly answerable: number;
  readonly answeredRight: number;
  readonly answeredWrong: number;
  /** Answerable questions the bot declined. */
  readonly answerableDeclined: number;
  /** The right entry ranked first, whether or not it was answered. */
  readonly rightFirst: number;
  /** The right entry among the best three candidates, answered or not. */
  readonly inTop3: number;
  readonly unanswerable: number;
  readonly declinedRight: number;
  /**
   * Every question's best candidate by its confidence, right or not (an unanswerable
   * question's never is): how well a confidence predicts a right answer.
   */
  readonly calibration: readonly CalibrationBin[];
  /**
   * Answerable questions a member gets to the right entry with one click at most: answered
   * right, or declined with the right entry among the questions the reply offers.
   */
  readonly resolvedInOneClick: number;
  /** The expected calibration error of the bins above (|expected - observed|, weighted by count), 0 to 1. */
  readonly calibrationError: number;
  readonly misses: readonly EvalMiss[];
}

/** Calibration bins' edges. */
const BINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

export function isRight(entry: Entry, expect: readonly string[]): boolean {
  return expect.some((e) =>
    e.startsWith('@') ? entry.sources.some((s) => hostMatches(s.url, e.slice(1))) : entry.id === e,
  );
}

function hostMatches(url: string, host: string): boolean {
  const actual = new URL(url).hostname.toLowerCase();
  const wanted = host.toLowerCase();
  return actual === wanted || actual.endsWith(`.${wanted}`);
}

export async function evaluate(matcher: Matcher, cases: readonly EvalCase[]): Promise<EvalReport> {
  let resolvedInOneClick = 0, answerable = 0, answeredRight = 0, answeredWrong = 0, answerableDeclined = 0, rightFirst = 0, inTop3 = 0, unanswerable = 0, declinedRight = 0;
  const misses: EvalMiss[] = [];
  const bins = BINS.slice(1).map(() => ({ answers: 0, confidence: 0, right: 0 }));
  for (const c of cases) {
    const answer = await matcher.ask(c.q);
    const got = answer.match?.entry ?? null;
    const miss = { q: c.q, expected: c.expect, got: got?.id ?? null, confidence: answer.best?.confidence ?? null };
    const expect = c.expect;
    if (answer.best !== null) {
      const bin = bins[BINS.findIndex((edge) => answer.best!.confidence < edge) - 1]!;
      bin.answers++;
      bin.confidence += answer.best.confidence;
      if (expect !== null && isRight(answer.best.entry, expect)) bin.right++;
    }
    if (expect === null) {
      unanswerable++;
      if (got === null) declinedRight++;
      else misses.push(miss);
      continue;
    }
    answerable++;
    if (got === null) answerableDeclined++;
    else if (isRight(got, expect)) answeredRight++;
    else answeredWrong++;
    if (got === null ? answer.suggestions.some((s) => isRight(s.entry, expect)) : isRight(got, expect)) resolvedInOneClick++;
    if (got === null || !isRight(got, expect)) misses.push(miss);
    const top3 = [answer.best, ...answer.runnersUp].slice(0, 3);
    if (top3[0] && isRight(top3[0].entry, expect)) rightFirst++;
    if (top3.some((cand) => cand !== null && isRight(cand.entry, expect))) inTop3++;
  }
  const calibration = bins.map((b, i) => ({
    from: BINS[i]!,
    to: Math.min(1, BINS[i + 1]!),
    answers: b.answers,
    expected: b.answers ? b.confidence / b.answers : 0,
    observed: b.answers ? b.right / b.answers : 0,
  }));
  const counted = calibration.reduce((n, b) => n + b.answers, 0);
  const calibrationError = counted === 0 ? 0 : calibration.reduce((e, b) => e + (b.answers / counted) * Math.abs(b.expected - b.observed), 0);
  return { answerable, answeredRight, answeredWrong, answerableDeclined, rightFirst, inTop3, unanswerable, declinedRight, calibration, resolvedInOneClick, calibrationError, misses };
}

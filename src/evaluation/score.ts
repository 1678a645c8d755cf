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

export interface EvalReport {
  readonly answerable: number;
  readonly answeredRight: number;
  /** The right entry among the best three candidates, answered or not. */
  readonly inTop3: number;
  readonly unanswerable: number;
  readonly declinedRight: number;
  readonly misses: readonly EvalMiss[];
}

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

export function evaluate(matcher: Matcher, cases: readonly EvalCase[]): EvalReport {
  let answerable = 0, answeredRight = 0, inTop3 = 0, unanswerable = 0, declinedRight = 0;
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const answer = matcher.ask(c.q);
    const got = answer.match?.entry ?? null;
    const miss = { q: c.q, expected: c.expect, got: got?.id ?? null, confidence: answer.best?.confidence ?? null };
    if (c.expect === null) {
      unanswerable++;
      if (got === null) declinedRight++;
      else misses.push(miss);
      continue;
    }
    answerable++;
    const expect = c.expect;
    if (got !== null && isRight(got, expect)) answeredRight++;
    else misses.push(miss);
    const top3 = [answer.best, ...answer.runnersUp].slice(0, 3);
    if (top3.some((cand) => cand !== null && isRight(cand.entry, expect))) inTop3++;
  }
  return { answerable, answeredRight, inTop3, unanswerable, declinedRight, misses };
}

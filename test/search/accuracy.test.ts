import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCases } from '../../src/evaluation/cases.js';
import { evaluate } from '../../src/evaluation/score.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { Matcher } from '../../src/search/matcher.js';

/**
 * Floors under the accuracy the README reports, so that a change to the matcher that loses
 * answers or lets near misses through fails here and not only in `npm run eval`. Floors sit
 * a question or two under today's figures: they catch regressions, they are not targets.
 */
const SETS: readonly { file: string; answered: number; declined: number }[] = [
  // The bar on the development set.
  { file: '../shared/eval/dev-questions.jsonl', answered: 0.95, declined: 0.95 },
  // Written blind (sources and entry questions only); nothing was fitted on these three.
  { file: 'test/fixtures/blind-questions-3.jsonl', answered: 0.95, declined: 0.9 },
  { file: 'test/fixtures/blind-questions-2.jsonl', answered: 0.93, declined: 0.7 },
  { file: 'test/fixtures/extra-held-out-2.jsonl', answered: 0.9, declined: 0.9 },
];

let matcher: Matcher;
beforeAll(async () => {
  const result = await loadKnowledge('faq');
  if (!result.ok) throw new Error('the shipped FAQ does not load');
  matcher = new Matcher(result.kb);
});

describe('accuracy on question sets', () => {
  // The development set lives beside the repo (../shared): a clone without it skips that one.
  for (const { file, answered, declined } of SETS) {
    it.skipIf(!existsSync(file))(`given ${file}, then at least ${answered} are answered right and ${declined} declined right`, () => {
      const report = evaluate(matcher, readCases(file));
      const misses = report.misses.map((m) => `${m.q} -> ${m.got ?? 'no answer'} (expected ${m.expected?.join('|') ?? 'no answer'})`).join('\n');
      expect(report.answeredRight / report.answerable, misses).toBeGreaterThanOrEqual(answered);
      expect(report.declinedRight / report.unanswerable, misses).toBeGreaterThanOrEqual(declined);
    });
  }
});

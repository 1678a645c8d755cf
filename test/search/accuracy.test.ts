import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCases } from '../../src/evaluation/cases.js';
import { evaluate } from '../../src/evaluation/score.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher, Matcher } from '../../src/search/matcher.js';

/**
 * Floors under the accuracy the README reports, so that a change to the matcher that loses
 * answers or lets near misses through fails here and not only in `npm run eval`. Floors sit
 * a question or two under today's figures: they catch regressions, they are not targets.
 */
const SETS: readonly { file: string; answered: number; declined: number }[] = [
  // The development set (the bar: 35/36 and 8/8; the shipped prior learned from it, so
  // the README gives its figure learned without it too).
  { file: '../shared/eval/dev-questions.jsonl', answered: 0.97, declined: 1 },
  // Written blind (sources and entry questions only); nothing was fitted on these three.
  { file: 'test/fixtures/blind-questions-3.jsonl', answered: 0.95, declined: 0.9 },
  { file: 'test/fixtures/blind-questions-2.jsonl', answered: 0.93, declined: 0.75 },
  { file: 'test/fixtures/extra-held-out-2.jsonl', answered: 0.87, declined: 0.9 },
];

let matcher: Matcher;
beforeAll(async () => {
  const result = await loadKnowledge('faq');
  if (!result.ok) throw new Error('the shipped FAQ does not load');
  matcher = await buildMatcher(result.kb);
});

describe('accuracy on question sets', () => {
  // The development set lives beside the repo (../shared): a clone without it skips that one.
  for (const { file, answered, declined } of SETS) {
    it.skipIf(!existsSync(file))(`given ${file}, then at least ${answered} are answered right and ${declined} declined right`, async () => {
      const report = await evaluate(matcher, readCases(file));
      const misses = report.misses.map((m) => `${m.q} -> ${m.got ?? 'no answer'} (expected ${m.expected?.join('|') ?? 'no answer'})`).join('\n');
      expect(report.answeredRight / report.answerable, misses).toBeGreaterThanOrEqual(answered);
      expect(report.declinedRight / report.unanswerable, misses).toBeGreaterThanOrEqual(declined);
    });
  }
});

/**
 * A FAQ nobody here wrote (../shared/eval/banking77): the FAQ and its questions are made by the
 * data set's own script, and the matcher learns from the FAQ as it loads it. Floors a point or
 * two under today's figures, at the bot's own decision.
 */
const BANKING77 = '../shared/eval/banking77/make-faq.mjs';
describe.skipIf(!existsSync(BANKING77))('accuracy on BANKING77, a FAQ nobody here wrote', () => {
  const floors = [
    // The question alone and a typical FAQ with rewordings; 3 and 30 phrasings are measured by
    // npm run eval (README), not here: each level embeds some 3,000 questions, a minute of CI.
    { phrasings: 1, right: 0.47, wrong: 0.085, leftOutDeclined: 0.75, first: 0.67 },
    { phrasings: 10, right: 0.73, wrong: 0.065, leftOutDeclined: 0.66, first: 0.83 },
  ];
  for (const f of floors) {
    it(`given ${f.phrasings} phrasings an entry, then at least ${f.right} answered right, at most ${f.wrong} wrong, ${f.leftOutDeclined} of the left-out topics declined`, async () => {
      const out = await mkdtemp(join(tmpdir(), 'banking77-'));
      try {
        execFileSync(process.execPath, [BANKING77, out, '--phrasings', String(f.phrasings)], { stdio: 'ignore' });
        const loaded = await loadKnowledge(join(out, 'faq'));
        if (!loaded.ok) throw new Error('the generated FAQ does not load');
        const report = await evaluate(await buildMatcher(loaded.kb), readCases(join(out, 'questions.jsonl')));
        expect(report.answeredRight / report.answerable).toBeGreaterThanOrEqual(f.right);
        expect(report.answeredWrong / report.answerable).toBeLessThanOrEqual(f.wrong);
        expect(report.declinedRight / report.unanswerable).toBeGreaterThanOrEqual(f.leftOutDeclined);
        expect(report.rightFirst / report.answerable).toBeGreaterThanOrEqual(f.first);
        // Calibrated: where the bot is sure (0.9 and up), it is right as often as it says, within 5 points,
        // and over every bin, weighted by count, within 10.
        const sure = report.calibration.at(-1)!;
        expect(sure.answers).toBeGreaterThan(100);
        expect(Math.abs(sure.observed - sure.expected)).toBeLessThan(0.05);
        expect(report.calibrationError).toBeLessThan(0.1);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    }, 60_000);
  }
});

/**
 * The FAQ a community really has (../shared/eval/djs-tags): the discord.js server's tags, no
 * alternates, asked the way members ask. The shipped starting weights learned from it, so the
 * README's figure is the one learned without it; this floor guards the shipped matcher.
 */
const DJS_TAGS = '../shared/eval/djs-tags/make-faq.mjs';
describe.skipIf(!existsSync(DJS_TAGS))('accuracy on the djs-tags FAQ, which has no alternates', () => {
  it('given its members\' questions, then three in five are answered right, few wrong, most of the rest declined, and the confidence holds', async () => {
    const out = await mkdtemp(join(tmpdir(), 'djs-tags-'));
    try {
      execFileSync(process.execPath, [DJS_TAGS, out], { stdio: 'ignore' });
      const loaded = await loadKnowledge(out);
      if (!loaded.ok) throw new Error('the generated FAQ does not load');
      const report = await evaluate(await buildMatcher(loaded.kb), readCases('../shared/eval/djs-tags/questions.jsonl'));
      expect(report.answeredRight / report.answerable).toBeGreaterThanOrEqual(0.6);
      expect(report.answeredWrong / report.answerable).toBeLessThanOrEqual(0.07);
      expect(report.declinedRight / report.unanswerable).toBeGreaterThanOrEqual(0.85);
      expect(report.rightFirst / report.answerable).toBeGreaterThanOrEqual(0.78);
      expect(report.calibrationError).toBeLessThan(0.1);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});

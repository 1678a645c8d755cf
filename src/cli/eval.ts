/**
 * `npm run eval -- <file.jsonl> [--min-answered 0.95] [--min-declined 0.95] [--json]`:
 * scores the matcher on a file shaped like ../shared/eval/dev-questions.jsonl.
 * `--replay [--seed N]`: the first half grows the FAQ's alternates, the second half is asked
 * before and after (src/evaluation/replay.ts).
 */
import { QuestionFileError, readCases } from '../evaluation/cases.js';
import { evaluate, type EvalCase } from '../evaluation/score.js';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CANDIDATE_FEATURES, NONE_FEATURES, type ChoiceModel } from '../search/choice-model.js';
import { faqDirFromConfig, loadMatcherOrExit, matcherOf } from './load-or-exit.js';
import { printReplay } from './eval-replay.js';
import { argsOrUsage } from './args.js';

const USAGE = 'usage: npm run eval -- <questions.jsonl> [--min-answered 0.95] [--min-declined 0.95] [--json] [--prior FILE] [--replay [--seed N]]';

const { values, positionals } = argsOrUsage({
  allowPositionals: true,
  options: {
    'min-answered': { type: 'string' },
    'min-declined': { type: 'string' },
    json: { type: 'boolean', default: false },
    prior: { type: 'string' },
    replay: { type: 'boolean', default: false },
    seed: { type: 'string' },
  },
}, USAGE);
const file = positionals[0];
if (file === undefined) {
  console.error(USAGE);
  process.exit(2);
}

let cases: EvalCase[];
try {
  cases = readCases(file);
} catch (error) {
  if (!(error instanceof QuestionFileError)) throw error;
  console.error(error.message);
  process.exit(2);
}

// --prior FILE: the starting model learn-prior.ts wrote with --out (learned without this FAQ, to measure on it).
const prior = values.prior === undefined ? undefined : readPrior(values.prior);
if (values.replay) {
  await printReplay(await faqDirFromConfig(), cases, values.seed, values.json, (kb) => matcherOf(kb, prior));
  process.exit(0);
}
if (values.seed !== undefined) {
  console.error('--seed goes with --replay');
  process.exit(2);
}
const matcher = await loadMatcherOrExit(await faqDirFromConfig(), prior);
const report = await evaluate(matcher, cases);
const share = (x: number, of: number) => (of ? x / of : 1);
const answered = share(report.answeredRight, report.answerable);
const wrong = share(report.answeredWrong, report.answerable);
const declined = share(report.declinedRight, report.unanswerable);
const first = share(report.rightFirst, report.answerable);
const top3 = share(report.inTop3, report.answerable);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (values.json) {
  console.log(JSON.stringify({ answered, wrong, declined, first, top3, ...report }));
} else {
  for (const m of report.misses) {
    const expected = m.expected === null ? 'no answer' : m.expected.join(' | ');
    console.log(`MISS  ${JSON.stringify(m.q)}\n      expected ${expected}; got ${m.got ?? 'no answer'} (best confidence ${m.confidence ?? '-'})`);
  }
  const { answerable: n } = report;
  console.log('calibration (best candidate of every question): confidence   answers   expected right   observed right');
  for (const b of report.calibration) {
    if (b.answers === 0) continue;
    console.log(`  ${b.from.toFixed(1)}-${b.to.toFixed(1)}   ${String(b.answers).padStart(6)}   ${pct(b.expected).padStart(7)}   ${pct(b.observed).padStart(7)}`);
  }
  console.log(`answerable: ${n}   answered wrong ${report.answeredWrong} (${pct(wrong)})   declined ${report.answerableDeclined} (${pct(share(report.answerableDeclined, n))})`);
  console.log(`ranking, declines ignored: right first ${pct(first)}   right in top 3: ${pct(top3)}`);
  console.log(`answered right: ${report.answeredRight}/${n} (${pct(answered)})`);
  console.log(`declined right: ${report.declinedRight}/${report.unanswerable} (${pct(declined)})`);
  console.log(`resolved in one click (answered right, or the right entry offered): ${report.resolvedInOneClick}/${n} (${pct(share(report.resolvedInOneClick, n))})`);
  console.log(`calibration error (10 bins, weighted by count): ${report.calibrationError.toFixed(3)}`);
}
const minAnswered = Number(values['min-answered'] ?? 0);
const minDeclined = Number(values['min-declined'] ?? 0);
if (answered < minAnswered || declined < minDeclined) {
  console.error(`below the thresholds (answered ${pct(minAnswered)}, declined ${pct(minDeclined)})`);
  process.exitCode = 1;
}

function readPrior(file: string): ChoiceModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const model = z.object({ weights: z.array(z.number()).length(CANDIDATE_FEATURES.length), noneWeights: z.array(z.number()).length(NONE_FEATURES.length) });
  const parsed = model.safeParse(json);
  if (!parsed.success) {
    console.error(`${file}: not a model written by scripts/learn-prior.ts --out for these features (${CANDIDATE_FEATURES.length} and ${NONE_FEATURES.length} weights)`);
    process.exit(2);
  }
  return parsed.data;
}

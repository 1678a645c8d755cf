import type { KnowledgeBase } from '../knowledge/types.js';
import { replay, REPLAY_DEFAULTS } from '../evaluation/replay.js';
import type { EvalCase, EvalReport } from '../evaluation/score.js';
import type { Matcher } from '../search/matcher.js';

/** `npm run eval -- FILE --replay [--seed N] [--json]`: both halves' figures side by side. */
export async function printReplay(dir: string, cases: readonly EvalCase[], seedText: string | undefined, json: boolean, matcherOf: (kb: KnowledgeBase) => Promise<Matcher>): Promise<void> {
  const seed = seedText === undefined ? REPLAY_DEFAULTS.seed : Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    console.error(`--seed must be a whole number, 0 or more (got ${JSON.stringify(seedText)})`);
    process.exit(2);
  }
  const r = await replay(dir, cases, seed, matcherOf);
  if (json) {
    const { before, after, ...rest } = r;
    console.log(JSON.stringify({ ...rest, before: figures(before), after: figures(after) }));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const [b, a] = [figures(r.before), figures(r.after)];
  console.log(`replay (seed ${r.seed}): the first half of ${cases.length} questions asked as members would, the second half (${r.before.answerable + r.before.unanswerable}) before and after`);
  console.log(`member floor lowered to ${r.minMembers} for the replay (one member a question; the bot's default is higher)`);
  console.log(`first half: ${r.clicks} questions resolved in one click and not answered right already; ${r.proposals} alternates proposed, ${r.flagged} flagged as colliding (not accepted), ${r.accepted} accepted, ${r.refused} refused by the FAQ editor`);
  const row = (name: string, x: string, y: string) => console.log(`  ${name.padEnd(28)} ${x.padStart(16)} ${y.padStart(16)}`);
  row('second half', 'before', 'after');
  const n = r.before.answerable;
  row('answered right', `${r.before.answeredRight}/${n} ${pct(b.answered)}`, `${r.after.answeredRight}/${n} ${pct(a.answered)}`);
  row('answered wrong', `${r.before.answeredWrong} ${pct(b.wrong)}`, `${r.after.answeredWrong} ${pct(a.wrong)}`);
  row('resolved in one click', `${r.before.resolvedInOneClick} ${pct(b.oneClick)}`, `${r.after.resolvedInOneClick} ${pct(a.oneClick)}`);
  row('declined right', `${r.before.declinedRight}/${r.before.unanswerable} ${pct(b.declined)}`, `${r.after.declinedRight}/${r.after.unanswerable} ${pct(a.declined)}`);
  row('right first', pct(b.first), pct(a.first));
}

/** A report's shares, as the plain --json output gives them, with its counts (misses left out). */
function figures(report: EvalReport) {
  const share = (x: number, of: number) => (of ? x / of : 1);
  const { misses: _misses, calibration: _calibration, ...counts } = report;
  return {
    answered: share(report.answeredRight, report.answerable),
    wrong: share(report.answeredWrong, report.answerable),
    declined: share(report.declinedRight, report.unanswerable),
    first: share(report.rightFirst, report.answerable),
    top3: share(report.inTop3, report.answerable),
    oneClick: share(report.resolvedInOneClick, report.answerable),
    ...counts,
  };
}

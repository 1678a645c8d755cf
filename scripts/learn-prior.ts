/**
 * Learns the choice model that every FAQ starts from (src/search/prior-model.ts) across FAQs
 * with real members' questions, and writes it. A maintainer runs it (after changing the
 * features, the encoder or the candidates); the bot never does.
 *
 *   npx tsx scripts/learn-prior.ts                        writes src/search/prior-model.ts
 *   npx tsx scripts/learn-prior.ts --leave-out djs-tags --out /tmp/prior.json
 *       learns without one FAQ, for measuring on it: npm run eval -- FILE --prior /tmp/prior.json
 *
 * The FAQs (from ../shared/eval, beside the project):
 * - djs-tags: the discord.js server's tags, no alternates, 224 questions typed as members type;
 * - banking77: its FAQ with the question alone (make-faq.mjs --phrasings 1), asked the
 *   training questions the FAQ does not use (15 a topic; those of the 10 topics left out
 *   should be declined), never the test questions `npm run eval` reads;
 * - story: the shipped FAQ, asked ../shared/eval/dev-questions.jsonl.
 * Each FAQ counts as much as the others, whatever its number of questions.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { loadEncoder } from '../src/embedding/encoder.js';
import { readCases } from '../src/evaluation/cases.js';
import { isRight, type EvalCase } from '../src/evaluation/score.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { CANDIDATE_FEATURES, fit, NONE_FEATURES, type LabelledChoice } from '../src/search/choice-model.js';
import { HAND_PRIOR } from '../src/search/learn.js';
import { buildMatcher } from '../src/search/matcher.js';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'eval');
const PER_TOPIC = 15;
const LACKS_FACT = CANDIDATE_FEATURES.indexOf('lacksFact');
/** The pull towards the hand-set prior, and the optimiser's passes (fit()). */
const PENALTY = 1;
const ITERATIONS = 1500;

const { values } = parseArgs({ options: { 'leave-out': { type: 'string', multiple: true, default: [] }, out: { type: 'string' } } });

interface TrainingFaq {
  readonly name: string;
  readonly dir: string;
  readonly cases: EvalCase[];
}

function djsTags(): TrainingFaq {
  const dir = mkdtempSync(join(tmpdir(), 'prior-djs-'));
  execFileSync('node', [join(SHARED, 'djs-tags', 'make-faq.mjs'), dir], { stdio: 'ignore' });
  return { name: 'djs-tags', dir, cases: readCases(join(SHARED, 'djs-tags', 'questions.jsonl')) };
}

function banking77(): TrainingFaq {
  const out = mkdtempSync(join(tmpdir(), 'prior-banking-'));
  execFileSync('node', [join(SHARED, 'banking77', 'make-faq.mjs'), out, '--phrasings', '1'], { stdio: 'ignore' });
  const idOf = (c: string) => c.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const ids = new Set([...readFileSync(join(out, 'faq', 'banking77.yaml'), 'utf8').matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]!));
  const seen = new Map<string, Set<string>>();
  const cases: EvalCase[] = [];
  for (const [text, topic] of (parse(readFileSync(join(SHARED, 'banking77', 'train.csv'), 'utf8')) as string[][]).slice(1)) {
    const id = idOf(topic!);
    const texts = seen.get(id) ?? new Set<string>();
    seen.set(id, texts);
    // (the first of a topic is its entry's question in the FAQ)
    if (texts.has(text!) || texts.size > PER_TOPIC) continue;
    texts.add(text!);
    if (texts.size > 1) cases.push({ q: text!, expect: ids.has(id) ? [id] : null });
  }
  return { name: 'banking77', dir: join(out, 'faq'), cases };
}

function story(): TrainingFaq {
  return { name: 'story', dir: join(import.meta.dirname, '..', 'faq'), cases: readCases(join(SHARED, 'dev-questions.jsonl')) };
}

const faqs = [djsTags, banking77, story].map((make) => make()).filter((f) => !values['leave-out'].includes(f.name));
const encoder = await loadEncoder();
const examples: LabelledChoice[] = [];
const mean = faqs.reduce((n, f) => n + f.cases.length, 0) / faqs.length;
for (const faq of faqs) {
  const loaded = await loadKnowledge(faq.dir);
  if (!loaded.ok) throw new Error(`${faq.dir} does not load`);
  const matcher = await buildMatcher(loaded.kb, { prior: HAND_PRIOR });
  for (const c of faq.cases) {
    const asked = matcher.choicesFor(c.q, await encoder.embed(c.q))?.[0];
    if (asked === undefined || asked.entries.length === 0) continue;
    const label = c.expect === null ? -1 : asked.entries.findIndex((e) => isRight(loaded.kb.entries[e]!, c.expect!));
    // Whether an answer gives the fact asked for is left at the hand-set weight (each FAQ's own
    // alternates move it): BANKING77's answers are placeholders that never give one.
    const candidates = asked.choice.candidates.map((f) => f.map((x, k) => (k === LACKS_FACT ? 0 : x)));
    examples.push({ candidates, none: asked.choice.none, label, weight: mean / faq.cases.length });
  }
  process.stderr.write(`${faq.name}: ${faq.cases.length} questions on ${loaded.kb.entries.length} entries\n`);
}
const model = fit(examples, { prior: HAND_PRIOR, penalty: PENALTY, iterations: ITERATIONS });
const round = (w: readonly number[]) => w.map((x) => Math.round(x * 1000) / 1000);
const learned = { weights: round(model.weights), noneWeights: round(model.noneWeights) };
if (values.out !== undefined) {
  writeFileSync(values.out, `${JSON.stringify({ ...learned, learnedFrom: faqs.map((f) => f.name) })}\n`);
} else {
  const named = (names: readonly string[], w: readonly number[]) => names.map((n, i) => `    ${w[i]}, // ${n}`).join('\n');
  writeFileSync(
    join(import.meta.dirname, '..', 'src', 'search', 'prior-model.ts'),
    `import type { ChoiceModel } from './choice-model.js';

/**
 * The choice model learned across several FAQs with real members' questions: what a FAQ
 * without alternates keeps, and where one with alternates starts (learn.ts). Written by
 * scripts/learn-prior.ts, from ${faqs.map((f) => `${f.name} (${f.cases.length} questions)`).join(', ')}; run it again after
 * changing the features (choice-model.ts), the encoder or the candidates.
 */
export const PRIOR_MODEL: ChoiceModel = Object.freeze({
  weights: Object.freeze([
${named(CANDIDATE_FEATURES, learned.weights)}
  ]),
  noneWeights: Object.freeze([
${named(NONE_FEATURES, learned.noneWeights)}
  ]),
});
`,
  );
}
process.stderr.write(`${examples.length} questions learned from (${faqs.map((f) => f.name).join(', ')})\n`);

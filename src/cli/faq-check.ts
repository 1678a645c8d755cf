/**
 * `npm run faq:check [-- [dir] [--strict]]`: validates the knowledge files; exit 0 with a
 * summary, or 1 with every error. A folder that loads may still earn warnings (on stderr,
 * exit 0): entries past their review_by date, and phrasings another entry answers.
 * `--strict` makes those errors.
 */
import { loadKnowledge } from '../knowledge/load.js';
import { formatIssue } from '../knowledge/types.js';
import { checkWarnings } from '../moderation/check-warnings.js';
import { CHECK_MESSAGES as CM } from '../moderation/messages.js';
import { argsOrUsage } from './args.js';
import { faqDirFromConfig, matcherOf } from './load-or-exit.js';

const { values, positionals } = argsOrUsage({ options: { strict: { type: 'boolean', default: false } }, allowPositionals: true }, CM.usage);
if (positionals.length > 1) {
  process.stderr.write(CM.usage);
  process.exit(2);
}
const { strict } = values;
const dir = positionals[0] ?? (await faqDirFromConfig());
const result = await loadKnowledge(dir);
if (result.ok) {
  const { kb } = result;
  const warnings = await checkWarnings(await matcherOf(kb), new Date());
  if (strict && warnings.length > 0) {
    for (const w of warnings) console.error(formatIssue(w));
    console.error(`${warnings.length} problem(s) found in ${dir}.`);
    process.exitCode = 1;
  } else {
    for (const w of warnings) console.error(CM.warning(`${w.file}:${w.line}:${w.column}`, w.message));
    if (warnings.length > 0) console.error(CM.warnings(warnings.length));
    console.log(
      `OK: ${kb.files.length} file(s), ${kb.entries.length} entries, ${kb.articles.length} articles, ${kb.sources.size} sources in ${dir}`,
    );
  }
} else {
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.error(`${result.issues.length} problem(s) found in ${dir}.`);
  process.exitCode = 1;
}

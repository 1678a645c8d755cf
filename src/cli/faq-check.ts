/** `npm run faq:check [dir]`: validates the knowledge files; exit 0 with a summary, or 1 with every error. */
import { loadKnowledge } from '../knowledge/load.js';
import { formatIssue } from '../knowledge/types.js';
import { faqDirFromConfig } from './load-or-exit.js';

const dir = process.argv[2] ?? (await faqDirFromConfig());
const result = await loadKnowledge(dir);
if (result.ok) {
  const { kb } = result;
  console.log(
    `OK: ${kb.files.length} file(s), ${kb.entries.length} entries, ${kb.articles.length} articles, ${kb.sources.size} sources in ${dir}`,
  );
} else {
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.error(`${result.issues.length} problem(s) found in ${dir}.`);
  process.exitCode = 1;
}

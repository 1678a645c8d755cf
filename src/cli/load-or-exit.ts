import { loadKnowledge } from '../knowledge/load.js';
import { formatIssue } from '../knowledge/types.js';
import { Matcher } from '../search/matcher.js';

/** For the terminal tools: the matcher over `dir`, or the loader's errors and exit 1. */
export async function loadMatcherOrExit(dir: string): Promise<Matcher> {
  const result = await loadKnowledge(dir);
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`${result.issues.length} problem(s) in ${dir}; nothing was loaded.\n`);
    process.exit(1);
  }
  return new Matcher(result.kb);
}

/** The FAQ folder: FAQ_DIR from the environment (or .env), else ./faq. */
export async function faqDirFromConfig(): Promise<string> {
  const { loadConfig } = await import('../config/env.js');
  const result = loadConfig();
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(`configuration: ${e}\n`);
    process.exit(2);
  }
  return result.config.FAQ_DIR;
}

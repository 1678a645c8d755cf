import { embeddingOptions, loadConfig, type Config } from '../config/env.js';
import { loadKnowledge } from '../knowledge/load.js';
import { formatIssue, type KnowledgeBase } from '../knowledge/types.js';
import type { ChoiceModel } from '../search/choice-model.js';
import { buildMatcher, type Matcher } from '../search/matcher.js';

/** For the terminal tools: the matcher over `dir`, or the loader's errors and exit 1. */
export async function loadMatcherOrExit(dir: string, prior?: ChoiceModel): Promise<Matcher> {
  const result = await loadKnowledge(dir);
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`${result.issues.length} problem(s) in ${dir}; nothing was loaded.\n`);
    process.exit(1);
  }
  return matcherOf(result.kb, prior);
}

/** The matcher over a loaded snapshot, with the encoder the configuration names. */
export function matcherOf(kb: KnowledgeBase, prior?: ChoiceModel): Promise<Matcher> {
  return buildMatcher(kb, { embedding: embeddingOptions(configOrExit()), ...(prior !== undefined ? { prior } : {}) });
}

/** The FAQ folder: FAQ_DIR from the environment (or .env), else ./faq. */
export async function faqDirFromConfig(): Promise<string> {
  return configOrExit().FAQ_DIR;
}

function configOrExit(): Config {
  const result = loadConfig();
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(`configuration: ${e}\n`);
    process.exit(2);
  }
  return result.config;
}

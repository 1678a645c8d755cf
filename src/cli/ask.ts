/**
 * `npm run ask -- "question"`: the answer as a member would read it.
 * `npm run ask -- --batch`: one question a line on stdin, one JSON object a line on stdout,
 * in order: {"q":"...","match":{"id":"...","confidence":0.83,"sources":["https://..."]}}
 * or "match":null where the matcher abstains. Other tools read this shape: keep it.
 */
import { createInterface } from 'node:readline';
import { replyForAnswer } from '../replies/reply.js';
import { renderText } from '../replies/text.js';
import type { Matcher } from '../search/matcher.js';
import { faqDirFromConfig, loadMatcherOrExit } from './load-or-exit.js';

export async function batchLine(matcher: Matcher, q: string): Promise<string> {
  const { match } = await matcher.ask(q);
  return JSON.stringify({
    q,
    match: match && {
      id: match.entry.id,
      confidence: match.confidence,
      sources: match.entry.sources.map((s) => s.url),
    },
  });
}

const args = process.argv.slice(2);
const matcher = await loadMatcherOrExit(await faqDirFromConfig());

if (args[0] === '--batch') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${await batchLine(matcher, line)}\n`);
} else if (args.length === 0) {
  process.stderr.write('usage: npm run ask -- "your question"   |   npm run ask -- --batch < questions.txt\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${renderText(replyForAnswer(await matcher.ask(args.join(' '))))}\n`);
}

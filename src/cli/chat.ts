import { createInterface } from 'node:readline';
import { replyForAnswer } from '../replies/reply.js';
import { renderText } from '../replies/text.js';
import type { Matcher } from '../search/matcher.js';

/**
 * A local chat over the same core Discord uses: one question a line, the answer a member
 * would get, in text. Ends at end of input (exit 0); with no terminal attached it reads
 * stdin to its end and never waits for a keypress.
 */
export async function runChat(matcher: () => Matcher, input = process.stdin, output = process.stdout): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => {
    if (interactive) output.write('\nask> ');
  };
  if (interactive) output.write('Ask a question about the FAQ (Ctrl+D to quit).\n');
  prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question !== '') output.write(`${renderText(replyForAnswer(await matcher().ask(question)))}\n${interactive ? '' : '\n'}`);
    prompt();
  }
  if (interactive) output.write('\n');
}

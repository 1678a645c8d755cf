import type { KnowledgeBase, Source } from '../knowledge/types.js';
import { topics } from './groups.js';
import { EXPORT_MESSAGES as M } from './messages.js';

/**
 * The FAQ as one Markdown page (a #faq post, a README): `## Topic` over `### Question`,
 * each answer as written, then its credits on one line. faq:import reads this layout back
 * to the same questions, answers and sources.
 */
export function exportMarkdown(kb: KnowledgeBase): string {
  const parts = [`# ${M.title}`];
  for (const topic of topics(kb)) {
    parts.push(`## ${escape(topic.name ?? M.other)}`);
    for (const entry of topic.entries) {
      parts.push(`### ${escape(entry.question)}`, entry.answer.trim(), `*${M.sources}* ${entry.sources.map(credit).join('; ')}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

function credit(source: Source): string {
  const url = /[\s()<>]/.test(source.url) ? `<${source.url.replace(/[<>]/g, encodeURIComponent)}>` : source.url;
  return `[${escape(source.title)}](${url}), ${escape(source.publisher.replace(/[;,]/g, ' '))}`;
}

/** Text that Markdown must show as written: its punctuation escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~!&]/g, '\\$&');
}

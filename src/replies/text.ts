import type { Reply } from './reply.js';
import { REPLY_MESSAGES as M } from './messages.js';

/** The reply as a person reads it in a terminal. */
export function renderText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title !== '') lines.push(reply.title, '');
  lines.push(reply.body);
  if (reply.sources.length > 0) {
    lines.push('', `${M.sourcesLabel}:`);
    for (const s of reply.sources) lines.push(`  ${s.publisher}, "${s.title}"${s.date ? ` (${s.date})` : ''}`, `  ${s.url}`);
  }
  if (reply.suggestions.length > 0) {
    lines.push('', reply.kind === 'answer' ? M.related : M.closest);
    for (const s of reply.suggestions) lines.push(`  - ${s.question}  [${s.id}]`);
  }
  if (reply.footer !== '') lines.push('', `(${reply.footer})`);
  return lines.join('\n');
}

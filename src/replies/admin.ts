import { formatIssue, type KnowledgeIssue } from '../knowledge/types.js';
import type { Reply } from './reply.js';

/** Replies of /faq-admin, as plain data: the same text a moderator sees in the terminal. */
export function adminReply(title: string, body: string): Reply {
  return { kind: 'notice', title, body, sources: [], footer: '', suggestions: [], private: true };
}

export function issuesText(issues: readonly KnowledgeIssue[], max = 15): string {
  const lines = issues.slice(0, max).map((i) => `• \`${formatIssue(i)}\``);
  if (issues.length > max) lines.push(`…and ${issues.length - max} more (run npm run faq:check)`);
  return lines.join('\n');
}

import { dayOf, staleEntries } from '../knowledge/freshness.js';
import { formatIssue, type KnowledgeBase, type KnowledgeIssue } from '../knowledge/types.js';
import type { ReloadOutcome } from '../live/live-knowledge.js';
import type { ServedRow, StoreStatus } from '../store/types.js';
import { REPLY_MESSAGES as M } from './messages.js';
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

export function reloadReply(outcome: ReloadOutcome): Reply {
  return outcome.ok
    ? adminReply(M.reloadedTitle, M.reloaded(outcome.entries, outcome.articles, outcome.files))
    : adminReply(M.reloadFailedTitle, `${M.reloadFailed}\n${issuesText(outcome.issues)}`);
}

export interface BotStatus {
  kb: KnowledgeBase;
  /** The errors of the files on disk when they are broken. */
  problem: readonly KnowledgeIssue[] | null;
  store: StoreStatus;
  served: readonly ServedRow[];
  startedAt: Date;
  /** Now: review dates before today are overdue. */
  now: Date;
  /** The auto-answer settings, one line each (empty: none). */
  autoAnswer?: readonly string[];
}

export function statusReply({ kb, problem, store, served, startedAt, now, autoAnswer = [] }: BotStatus): Reply {
  const top = served.slice(0, 5).map((s) => `\`${s.entryId}\` ${s.count}`).join(', ') || 'none yet';
  const stale = staleEntries(kb.entries, dayOf(now));
  const overdue = stale.slice(0, 5).map((s) => `\`${s.entryId}\` (${s.reviewBy})`);
  if (stale.length > 5) overdue.push(`…and ${stale.length - 5} more (npm run faq:check)`);
  const recording = store.recording
    ? `yes (${store.engine})${store.problem ? `; note: ${store.problem}` : ''}`
    : `NO: ${store.problem ?? 'unavailable'}`;
  const lines = [
    `**Knowledge:** ${kb.entries.length} entries, ${kb.articles.length} articles, ${kb.files.length} file(s), loaded ${kb.loadedAt.toISOString()}`,
    problem ? `**The files on disk are broken** (serving the last good version):\n${issuesText(problem, 5)}` : '**Files on disk:** valid',
    `**Recording:** ${recording}`,
    `**Most served:** ${top}`,
    `**Due for review:** ${overdue.join(', ') || 'none'}`,
    `**Up since:** ${startedAt.toISOString()}`,
    `**${M.autoAnswerAdmin.settingsTitle}:** ${autoAnswer.length === 0 ? M.autoAnswerAdmin.noSettings : `\n${autoAnswer.join('\n')}`}`,
  ];
  return adminReply(M.statusTitle, lines.join('\n'));
}

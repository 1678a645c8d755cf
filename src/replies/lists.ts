import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { escapeForDiscord } from './escape.js';
import { REPLY_MESSAGES as M } from './messages.js';
import type { Reply } from './reply.js';

export const LIST_PAGE_SIZE = 10;

/** The topic of an entry: its first tag. */
export function topicOf(entry: Entry): string {
  return entry.tags[0] ?? 'general';
}

export function topics(kb: KnowledgeBase): { topic: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of kb.entries) counts.set(topicOf(e), (counts.get(topicOf(e)) ?? 0) + 1);
  return [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => a.topic.localeCompare(b.topic));
}

/** One page of entries (of one topic, or all), as a reply. */
export function replyForEntryList(kb: KnowledgeBase, topic: string | null, page: number): Reply {
  const entries = topic ? kb.entries.filter((e) => topicOf(e) === topic) : kb.entries;
  const pages = Math.max(1, Math.ceil(entries.length / LIST_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const shown = entries.slice((current - 1) * LIST_PAGE_SIZE, current * LIST_PAGE_SIZE);
  const body =
    shown.length === 0
      ? topic
        ? M.listNoTopic(escapeForDiscord(topic), topics(kb).map((t) => t.topic).join(', '))
        : M.listEmpty
      : shown.map((e) => `• ${e.question} — \`${e.id}\``).join('\n');
  return {
    kind: 'notice',
    title: M.listTitle(topic === null ? null : escapeForDiscord(topic)),
    body,
    sources: [],
    footer: M.listFooter(current, pages, entries.length),
    suggestions: [],
    private: true,
  };
}

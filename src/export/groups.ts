import type { Entry, KnowledgeBase } from '../knowledge/types.js';

export interface Topic {
  /** The topic's name; undefined for entries with no tag. */
  readonly name: string | undefined;
  readonly entries: readonly Entry[];
}

/** Entries grouped by their first tag, as /faq groups them: topics in order of first use, untagged ones last. */
export function topics(kb: KnowledgeBase): Topic[] {
  const byName = new Map<string | undefined, Entry[]>();
  for (const entry of kb.entries) {
    const name = entry.tags[0];
    const list = byName.get(name) ?? [];
    list.push(entry);
    byName.set(name, list);
  }
  const named = [...byName].filter(([name]) => name !== undefined);
  const untagged = byName.get(undefined);
  return [...named, ...(untagged === undefined ? [] : [[undefined, untagged] as const])].map(([name, entries]) => ({ name, entries }));
}

import type { ShadowItem } from '../auto-answer/shadow.js';
import type { Matcher } from '../search/matcher.js';
import type { Store } from '../store/types.js';
import type { ReportGroup } from './report.js';
import { shadowRef, TEACH_REF, unansweredRef, type TeachRef } from './teach-ref.js';

/**
 * What a moderator can teach the bot from one group of unanswered rewordings, or one shadow
 * answer: the wording to add, the entry it most likely belongs to, and the next closest
 * entries to pick instead. Plain data; Discord renders it as buttons and a select menu.
 *
 * A wording may be long and Discord's custom ids hold 100 characters, so the buttons carry a
 * short reference the bot resolves from its store, even after a restart: "u" and a hash of
 * the stored (normalised) unanswered question, or "s" and a shadow record's id.
 */
export const TEACH_DEFAULTS = Object.freeze({
  /** Groups of /faq-admin unanswered offered with teaching buttons (one message each). */
  groups: 5,
  /** Entries in the "another entry" select menu (Discord allows 25). */
  choices: 10,
  /** Stored questions scanned to resolve a reference (the store keeps at most 5,000). */
  scan: 5000,
  /** Other wordings of the group shown beside the one added. */
  otherWordings: 4,
});

export interface TeachEntry {
  readonly entryId: string;
  readonly question: string;
  readonly confidence: number;
}

export interface TeachTarget {
  readonly ref: string;
  /** The wording the buttons add. */
  readonly wording: string;
  readonly otherWordings: readonly string[];
  /** How often members asked it, when known (groups). */
  readonly asks: { readonly count: number; readonly askers: number } | null;
  readonly closest: TeachEntry | null;
  /** The next closest entries, closest first, without `closest`. */
  readonly others: readonly TeachEntry[];
}

export function parseTeachRef(ref: string): TeachRef | null {
  if (!TEACH_REF.test(ref)) return null;
  return ref.startsWith('u') ? { kind: 'unanswered', ref } : { kind: 'shadow', id: ref.slice(1) };
}

/** A group of /faq-admin unanswered, with its headline wording to add. */
export async function groupTarget(group: ReportGroup, matcher: Matcher, choices = TEACH_DEFAULTS.choices): Promise<TeachTarget | null> {
  const [head, ...rest] = group.samples;
  if (head === undefined) return null;
  const closest = group.closest === null ? null : { entryId: group.closest.entryId, question: group.closest.question, confidence: group.closest.confidence };
  return {
    ref: group.ref,
    wording: head.text,
    otherWordings: rest.slice(0, TEACH_DEFAULTS.otherWordings).map((s) => s.text),
    asks: { count: group.count, askers: group.askers },
    closest,
    others: await nextClosest(head.text, closest?.entryId ?? null, matcher, choices),
  };
}

/** A shadow answer: its question, the entry the bot would have answered with first. */
export async function shadowTarget(item: ShadowItem, matcher: Matcher, choices = TEACH_DEFAULTS.choices): Promise<TeachTarget | null> {
  const ref = shadowRef(item.id);
  if (ref === null) return null;
  const entry = matcher.entry(item.entryId);
  const closest = entry === undefined ? null : { entryId: entry.id, question: entry.question, confidence: item.confidence };
  return { ref, wording: item.question, otherWordings: [], asks: null, closest, others: await nextClosest(item.question, closest?.entryId ?? null, matcher, choices) };
}

/** The entries the matcher ranks for `wording`, best first, leaving out `skip`. */
async function nextClosest(wording: string, skip: string | null, matcher: Matcher, choices: number): Promise<TeachEntry[]> {
  const answer = await matcher.ask(wording);
  const seen = new Set<string>(skip === null ? [] : [skip]);
  const out: TeachEntry[] = [];
  for (const c of [answer.best, ...answer.runnersUp, ...answer.suggestions]) {
    if (c === null || seen.has(c.entry.id)) continue;
    seen.add(c.entry.id);
    out.push({ entryId: c.entry.id, question: c.entry.question, confidence: c.confidence });
    if (out.length >= choices) break;
  }
  return out;
}

/**
 * The wording a reference stands for today, or null when it is gone (the question was
 * forgotten, the records cleared, or the shadow record expired): the button is stale.
 * `shadow` lists the server's shadow answers (only moderators of that server get them).
 */
export async function resolveWording(store: Store, ref: string, shadow: () => Promise<readonly ShadowItem[]>): Promise<string | null> {
  const parsed = parseTeachRef(ref);
  if (parsed === null) return null;
  if (parsed.kind === 'unanswered') {
    const rows = await store.unansweredTop(TEACH_DEFAULTS.scan);
    return rows.find((r) => unansweredRef(r.normalized) === parsed.ref)?.sample ?? null;
  }
  return (await shadow()).find((s) => s.id === parsed.id)?.question ?? null;
}

/** The shadow answer a reference stands for, or null. */
export function findShadow(items: readonly ShadowItem[], ref: string): ShadowItem | null {
  const parsed = parseTeachRef(ref);
  return parsed?.kind === 'shadow' ? (items.find((s) => s.id === parsed.id) ?? null) : null;
}

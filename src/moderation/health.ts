import { STORE_LIMITS } from '../store/limits.js';
import type { Matcher } from '../search/matcher.js';
import type { Store } from '../store/types.js';
import { findCollisions, type Collision } from './collisions.js';
import { buildReport, type Report, type ReportOptions } from './report.js';

/**
 * Everything the HTML report shows, as plain data: the moderation report (groups of
 * rewordings, "not helpful" entries, entries due for review) and, beside it, unanswered
 * questions over time, the votes on every entry, the entries never served and the
 * phrasings another entry answers.
 */

/** Distinct unanswered wordings first asked on one day (UTC), with their asks so far. */
export interface TimelineDay {
  day: string;
  wordings: number;
  asks: number;
}

export interface EntryVotes {
  entryId: string;
  /** Null when the entry is no longer in the FAQ. */
  question: string | null;
  helpful: number;
  notHelpful: number;
}

export interface UnservedEntry {
  entryId: string;
  question: string;
  file: string;
}

export interface HealthReport {
  /** When it was made, ISO 8601. */
  generatedAt: string;
  faq: { dir: string; files: number; entries: number };
  report: Report;
  /** Every day from the first wording's first ask to the last one's, empty days included. */
  timeline: TimelineDay[];
  /** Entries with at least one vote, the most voted first. */
  votes: EntryVotes[];
  neverServed: UnservedEntry[];
  collisions: Collision[];
}

/** Days of the timeline at most: the store forgets questions after its retention anyway. */
const TIMELINE_DAYS = STORE_LIMITS.retentionDays;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function buildHealthReport(store: Store, matcher: Matcher, opts: ReportOptions & { now: Date }): Promise<HealthReport> {
  const report = await buildReport(store, matcher, opts);
  const rows = await store.unansweredTop(STORE_LIMITS.questions);
  const { kb } = matcher;
  const votes = (await store.feedback())
    .filter((f) => f.helpful + f.notHelpful > 0)
    .sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.entryId.localeCompare(b.entryId))
    .map((f) => ({ ...f, question: matcher.entry(f.entryId)?.question ?? null }));
  const served = new Set((await store.servedCounts()).filter((s) => s.count > 0).map((s) => s.entryId));
  return {
    generatedAt: opts.now.toISOString(),
    faq: { dir: kb.dir, files: kb.files.length, entries: kb.entries.length },
    report,
    timeline: timelineOf(rows.map((r) => ({ day: r.firstSeen.slice(0, 10), asks: r.count }))),
    votes,
    neverServed: kb.entries.filter((e) => !served.has(e.id)).map((e) => ({ entryId: e.id, question: e.question, file: e.file })),
    collisions: await findCollisions(matcher),
  };
}

/** Wordings and asks per day of first ask, every day of the span (the last TIMELINE_DAYS) filled in. */
export function timelineOf(firsts: readonly { day: string; asks: number }[]): TimelineDay[] {
  const byDay = new Map<string, TimelineDay>();
  for (const { day, asks } of firsts) {
    const d = byDay.get(day) ?? { day, wordings: 0, asks: 0 };
    d.wordings += 1;
    d.asks += asks;
    byDay.set(day, d);
  }
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return [];
  const last = Date.parse(`${days.at(-1)!}T00:00:00Z`);
  const first = Math.max(Date.parse(`${days[0]!}T00:00:00Z`), last - (TIMELINE_DAYS - 1) * DAY_MS);
  const out: TimelineDay[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, wordings: 0, asks: 0 });
  }
  return out;
}

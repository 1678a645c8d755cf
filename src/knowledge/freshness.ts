import type { Entry } from './types.js';

/** An entry whose review_by date has passed: a moderator should read it again. */
export interface StaleEntry {
  readonly entryId: string;
  readonly question: string;
  readonly file: string;
  /** YYYY-MM-DD, as written in the file. */
  readonly reviewBy: string;
}

/** The calendar day of `now` in UTC, YYYY-MM-DD: review dates are compared in UTC everywhere. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Entries whose review_by is before `today` (YYYY-MM-DD), the longest overdue first. The
 * day itself is not overdue: "review by 30 June" still holds on 30 June.
 */
export function staleEntries(entries: readonly Entry[], today: string): StaleEntry[] {
  return entries
    .filter((e): e is Entry & { review_by: string } => e.review_by !== undefined && e.review_by < today)
    .map((e) => ({ entryId: e.id, question: e.question, file: e.file, reviewBy: e.review_by }))
    .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.entryId.localeCompare(b.entryId));
}

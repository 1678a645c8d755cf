/**
 * Button ids carry everything their handler needs, so buttons keep working after a
 * restart. Shapes: "vote:<entry-id>:up|down", "show:<entry-id>", the auto-answer buttons
 * "aa:solved|not-it:<poster-id>:<entry-id>" (only the poster may use them) and the shadow
 * grading buttons "grade:<record-id>:right|wrong".
 */
export type ButtonAction =
  | { kind: 'vote'; entryId: string; helpful: boolean }
  | { kind: 'show'; entryId: string }
  | { kind: 'auto'; verdict: 'solved' | 'not-it'; posterId: string; entryId: string }
  | { kind: 'grade'; recordId: string; right: boolean; channelId: string | null };

const ENTRY_ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const VOTE = new RegExp(`^vote:(${ENTRY_ID}):(up|down)$`);
const SHOW = new RegExp(`^show:(${ENTRY_ID})$`);
const AUTO = new RegExp(`^aa:(solved|not-it):(\\d{17,20}):(${ENTRY_ID})$`);
const GRADE = /^grade:([\w-]{1,40}):(right|wrong)(?::(\d{17,20}))?$/;

/** The id of an auto-answer's Solved / Not what I asked button. */
export function autoAnswerId(verdict: 'solved' | 'not-it', posterId: string, entryId: string): string {
  return `aa:${verdict}:${posterId}:${entryId}`;
}

/** A grading button; channelId: the channel the moderator's view is limited to, if any. */
export function gradeId(recordId: string, right: boolean, channelId: string | null): string {
  return `grade:${recordId}:${right ? 'right' : 'wrong'}${channelId ? `:${channelId}` : ''}`;
}

export function voteId(entryId: string, helpful: boolean): string {
  return `vote:${entryId}:${helpful ? 'up' : 'down'}`;
}

export function showId(entryId: string): string {
  return `show:${entryId}`;
}

/** The action a button id stands for, or null for anything forged, stale or malformed. */
export function parseButtonId(customId: string): ButtonAction | null {
  if (customId.length > 100) return null;
  const vote = VOTE.exec(customId);
  if (vote) return { kind: 'vote', entryId: vote[1]!, helpful: vote[2] === 'up' };
  const show = SHOW.exec(customId);
  if (show) return { kind: 'show', entryId: show[1]! };
  const auto = AUTO.exec(customId);
  if (auto) return { kind: 'auto', verdict: auto[1] as 'solved' | 'not-it', posterId: auto[2]!, entryId: auto[3]! };
  const grade = GRADE.exec(customId);
  if (grade) return { kind: 'grade', recordId: grade[1]!, right: grade[2] === 'right', channelId: grade[3] ?? null };
  return null;
}

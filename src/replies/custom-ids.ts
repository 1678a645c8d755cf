/**
 * Button ids carry everything their handler needs, so buttons keep working after a
 * restart. Shapes: "vote:<entry-id>:up|down", "show:<entry-id>", the auto-answer buttons
 * "aa:solved|not-it:<poster-id>:<entry-id>" (only the poster may use them) and the shadow
 * grading buttons "grade:<record-id>:right|wrong". A suggestion under a declined question
 * carries the key of that recorded question ("show:<entry-id>:<key>"), so that the asker's
 * click can be recorded as resolving it; moderators' Accept / Reject of an alternate proposed
 * from use are "alt:accept|reject:<entry-id>:<key>".
 */
export type ButtonAction =
  | { kind: 'vote'; entryId: string; helpful: boolean }
  | { kind: 'show'; entryId: string; askKey: string | null }
  | { kind: 'decide'; accept: boolean; entryId: string; key: string }
  | { kind: 'auto'; verdict: 'solved' | 'not-it'; posterId: string; entryId: string }
  | { kind: 'grade'; recordId: string; right: boolean; channelId: string | null };

const ENTRY_ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const VOTE = new RegExp(`^vote:(${ENTRY_ID}):(up|down)$`);
const ASK_KEY = '[\\w-]{22}';
const SHOW = new RegExp(`^show:(${ENTRY_ID})(?::(${ASK_KEY}))?$`);
const DECIDE = new RegExp(`^alt:(accept|reject):(${ENTRY_ID}):(${ASK_KEY})$`);
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

/** "Show this entry"; with the asker's recorded question's key when there is one and the id fits. */
export function showId(entryId: string, askKey?: string): string {
  const keyed = `show:${entryId}:${askKey}`;
  return askKey !== undefined && keyed.length <= 100 && SHOW.test(keyed) ? keyed : `show:${entryId}`;
}

/** Accept or Reject of a proposed alternate, or null when it would not fit (the caller leaves the proposal out). */
export function decideId(accept: boolean, entryId: string, key: string): string | null {
  const id = `alt:${accept ? 'accept' : 'reject'}:${entryId}:${key}`;
  return id.length <= 100 && DECIDE.test(id) ? id : null;
}

/**
 * Teaching the bot from /faq-admin unanswered and shadow (moderators only). The reference
 * is a short key the bot resolves from its store (see moderation/teach.ts), never the
 * wording itself, which may be longer than a custom id holds:
 * "teach:alt:<ref>:<entry-id>" (Add as alternate), "teach:pick:<ref>" (the select menu of
 * other entries; the entry is the picked value), "teach:draft:<ref>" (Draft a new entry,
 * which opens the modal "teach:new"), "teach:open:<ref>" (Teach #n under a shadow answer).
 */
export type TeachAction =
  | { kind: 'alternate'; ref: string; entryId: string }
  | { kind: 'pick'; ref: string }
  | { kind: 'draft'; ref: string }
  | { kind: 'open'; ref: string }
  | { kind: 'submit' };

const REF = '(u[0-9a-f]{16}|s[\\w-]{1,24})';
const TEACH = new RegExp(`^teach:(?:alt:${REF}:(${ENTRY_ID})|(pick|draft|open):${REF}|(new))$`);
export const DRAFT_MODAL_ID = 'teach:new';
export const TEACH_PREFIX = 'teach:';

/** A teaching id, or null when it would not fit Discord's 100 characters (the caller leaves the control out). */
export function teachId(action: Exclude<TeachAction, { kind: 'submit' }>): string | null {
  const id = action.kind === 'alternate' ? `teach:alt:${action.ref}:${action.entryId}` : `teach:${action.kind}:${action.ref}`;
  return id.length <= 100 && parseTeachId(id) !== null ? id : null;
}

export function parseTeachId(customId: string): TeachAction | null {
  if (customId.length > 100) return null;
  const m = TEACH.exec(customId);
  if (!m) return null;
  if (m[1] !== undefined) return { kind: 'alternate', ref: m[1], entryId: m[2]! };
  if (m[5] !== undefined) return { kind: 'submit' };
  return { kind: m[3] as 'pick' | 'draft' | 'open', ref: m[4]! };
}

/** The action a button id stands for, or null for anything forged, stale or malformed. */
export function parseButtonId(customId: string): ButtonAction | null {
  if (customId.length > 100) return null;
  const vote = VOTE.exec(customId);
  if (vote) return { kind: 'vote', entryId: vote[1]!, helpful: vote[2] === 'up' };
  const show = SHOW.exec(customId);
  if (show) return { kind: 'show', entryId: show[1]!, askKey: show[2] ?? null };
  const decide = DECIDE.exec(customId);
  if (decide) return { kind: 'decide', accept: decide[1] === 'accept', entryId: decide[2]!, key: decide[3]! };
  const auto = AUTO.exec(customId);
  if (auto) return { kind: 'auto', verdict: auto[1] as 'solved' | 'not-it', posterId: auto[2]!, entryId: auto[3]! };
  const grade = GRADE.exec(customId);
  if (grade) return { kind: 'grade', recordId: grade[1]!, right: grade[2] === 'right', channelId: grade[3] ?? null };
  return null;
}

import { createHash } from 'node:crypto';

/*
 * The short references a teaching button carries to the question it teaches (Discord's ids
 * are at most 100 characters; a member's wording may be longer): a hash of a stored
 * unanswered question's key, or a shadow answer's id. The bot resolves them in its store.
 */

export type TeachRef = { kind: 'unanswered'; ref: string } | { kind: 'shadow'; id: string };

const HASH_LENGTH = 16;
export const TEACH_REF = /^(u[0-9a-f]{16}|s[\w-]{1,24})$/;

/** The reference of a stored unanswered question (its normalised text is its key in the store). */
export function unansweredRef(normalized: string): string {
  return `u${createHash('sha256').update(normalized).digest('hex').slice(0, HASH_LENGTH)}`;
}

export function shadowRef(id: string): string | null {
  const ref = `s${id}`;
  return TEACH_REF.test(ref) ? ref : null;
}

/**
 * Button ids carry everything their handler needs, so buttons keep working after a
 * restart. Shapes: "vote:<entry-id>:up|down" and "show:<entry-id>".
 */
export type ButtonAction = { kind: 'vote'; entryId: string; helpful: boolean } | { kind: 'show'; entryId: string };

const ENTRY_ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const VOTE = new RegExp(`^vote:(${ENTRY_ID}):(up|down)$`);
const SHOW = new RegExp(`^show:(${ENTRY_ID})$`);

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
  return null;
}

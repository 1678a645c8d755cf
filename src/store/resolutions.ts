import type { StoreLimits } from './limits.js';
import { digest } from './privacy.js';
import { row, run, type Plan } from './plan.js';
import type { AlternateDecision } from './types.js';
import { evict, type ResolutionRow } from './writes.js';

/**
 * Questions members resolved to an entry themselves (the raw material of proposed
 * alternates), and moderators' decisions on those proposals. Plans and reads in the same
 * portable SQL as writes.ts.
 */

export interface DecisionRow {
  entryId: string;
  key: string;
  sample: string;
  decision: AlternateDecision;
  at: string;
}


/** Records a resolution; false when its question is not known (a reference to a question forgotten or never recorded). */
export function* writeResolution(limits: StoreLimits, r: ResolutionRow): Plan<boolean> {
  let key = r.key;
  let sample = r.sample;
  if (r.askKey !== null) {
    const asked = yield* row<{ sample: string }>('SELECT sample FROM asks WHERE question_key = ?', r.askKey);
    if (asked === undefined) return false;
    [key, sample] = [r.askKey, asked.sample];
  }
  if (key === null || sample === null) return false;
  const id = digest(`${r.entryId}\u0000${key}\u0000${r.resolver}`);
  yield* run(
    `INSERT INTO resolutions (id, entry_id, question_key, sample, resolver, resolved_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at`,
    id, r.entryId, key, sample, r.resolver, r.at,
  );
  yield* evict('resolutions', 'id', 'resolved_at', limits.resolutions, id);
  return true;
}

/** Saves a decision; false when that proposal was decided already (a second press, or another moderator's). */
export function* writeDecision(limits: StoreLimits, d: DecisionRow): Plan<boolean> {
  if (d.decision !== 'accepted' && d.decision !== 'rejected') throw new TypeError(`unknown decision ${String(d.decision)}`);
  const id = digest(`${d.entryId}\u0000${d.key}`);
  const saved = yield* run(
    `INSERT INTO alternate_decisions (id, entry_id, question_key, sample, decision, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
    id, d.entryId, d.key, d.sample, d.decision, d.at,
  );
  if (saved === 0) return false;
  yield* evict('alternate_decisions', 'id', 'decided_at', limits.decisions, id);
  return true;
}

/** Withdraws a decision whose change could not be made (Accept refused by the FAQ editor). */
export function* deleteDecision(entryId: string, key: string): Plan<void> {
  yield* run('DELETE FROM alternate_decisions WHERE id = ?', digest(`${entryId}\u0000${key}`));
}

export const RESOLUTION_READS = {
  resolutions: `SELECT entry_id AS "entryId", question_key AS "key", sample, resolver FROM resolutions
    ORDER BY entry_id, question_key, resolver LIMIT ?`,
  decisions: `SELECT entry_id AS "entryId", question_key AS "key", sample, decision, decided_at AS "decidedAt" FROM alternate_decisions
    ORDER BY decided_at DESC, entry_id, question_key LIMIT ?`,
} as const;

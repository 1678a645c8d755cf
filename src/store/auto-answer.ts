import type { StoreLimits } from './limits.js';
import { row, run, type Plan } from './plan.js';
import type { AutoAnswerMode, ShadowGrade } from './types.js';
import { evict } from './writes.js';

/**
 * Auto-answer in help channels: each channel's setting, and the shadow answers moderators
 * grade before turning a channel on. Plans and reads in the same portable SQL as writes.ts.
 */

export interface SettingRow {
  guildId: string;
  channelId: string;
  mode: AutoAnswerMode;
  minConfidence: number | null;
  helperRoleId: string | null;
  at: string;
}

export interface ShadowAnswerRow {
  id: string;
  guildId: string;
  channelId: string;
  question: string;
  entryId: string;
  confidence: number;
  at: string;
}

/**
 * Saves a channel's setting; false when the server already has its cap of channels and none
 * of them is turned off (the oldest turned-off one makes room: off is every channel's default).
 */
export function* writeSetting(limits: StoreLimits, s: SettingRow): Plan<boolean> {
  const updated = yield* run(
    'UPDATE auto_answer SET mode = ?, min_confidence = ?, helper_role_id = ?, updated_at = ? WHERE guild_id = ? AND channel_id = ?',
    s.mode, s.minConfidence, s.helperRoleId, s.at, s.guildId, s.channelId,
  );
  if (updated > 0) return true;
  const counted = yield* row<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM auto_answer WHERE guild_id = ?', s.guildId);
  if ((counted?.n ?? 0) >= limits.autoAnswerChannels) {
    const freed = yield* run(
      `DELETE FROM auto_answer WHERE guild_id = ? AND channel_id IN
         (SELECT channel_id FROM auto_answer WHERE guild_id = ? AND mode = 'off' ORDER BY updated_at LIMIT 1)`,
      s.guildId, s.guildId,
    );
    if (freed === 0) return false;
  }
  yield* run(
    'INSERT INTO auto_answer (guild_id, channel_id, mode, min_confidence, helper_role_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    s.guildId, s.channelId, s.mode, s.minConfidence, s.helperRoleId, s.at,
  );
  return true;
}

/** Records a shadow answer; past the channel's cap the oldest ungraded go first, graded ones being what precision is measured on. */
export function* writeShadow(limits: StoreLimits, r: ShadowAnswerRow): Plan<string> {
  yield* run(
    'INSERT INTO shadow_answers (id, guild_id, channel_id, question, entry_id, confidence, asked_at, grade) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
    r.id, r.guildId, r.channelId, r.question, r.entryId, r.confidence, r.at,
  );
  yield* evict('shadow_answers', 'id', 'CASE WHEN grade IS NULL THEN 0 ELSE 1 END, asked_at', limits.shadowPerChannel, r.id, {
    where: 'guild_id = ? AND channel_id = ?',
    params: [r.guildId, r.channelId],
  });
  return r.id;
}

/** Grades a shadow answer of that server only: a button forged in another server grades nothing. */
export function* writeGrade(guildId: string, id: string, grade: ShadowGrade): Plan<boolean> {
  if (grade !== 'right' && grade !== 'wrong') throw new TypeError(`unknown grade ${String(grade)}`);
  return (yield* run('UPDATE shadow_answers SET grade = ? WHERE id = ? AND guild_id = ?', grade, id, guildId)) > 0;
}

const SETTING_COLUMNS = `guild_id AS "guildId", channel_id AS "channelId", mode, min_confidence AS "minConfidence",
  helper_role_id AS "helperRoleId", updated_at AS "updatedAt" FROM auto_answer`;

/**
 * The reads. Confidence thresholds are cast to REAL: PostgreSQL's REAL is single precision,
 * and 0.9 stored there is below 0.9 as a double.
 */
export const AUTO_ANSWER_READS = {
  settings: `SELECT ${SETTING_COLUMNS} ORDER BY guild_id, channel_id`,
  serverSettings: `SELECT ${SETTING_COLUMNS} WHERE guild_id = ? ORDER BY channel_id`,
  latestShadow: `SELECT id, question, entry_id AS "entryId", confidence, asked_at AS "askedAt", grade FROM shadow_answers
    WHERE guild_id = ? AND channel_id = ? ORDER BY asked_at DESC, id LIMIT ?`,
  precision: `SELECT CAST(COUNT(*) AS INTEGER) AS graded, CAST(COALESCE(SUM(CASE WHEN grade = 'right' THEN 1 ELSE 0 END), 0) AS INTEGER) AS "right"
    FROM shadow_answers WHERE guild_id = ? AND channel_id = ? AND grade IS NOT NULL AND confidence >= CAST(? AS REAL)`,
} as const;

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { normalize } from '../search/normalize.js';
import { clip, truncate } from '../text/truncate.js';
import type { StoreLimits } from './limits.js';
import type { SettingRow, ShadowAnswerRow } from './auto-answer.js';
import type { AskRecord, AutoAnswerSetting, ResolutionRecord, ShadowRecord, VoteRecord } from './types.js';
import type { AskRow, BallotRow, ResolutionRow } from './writes.js';

/**
 * Turning what members send into what is stored: member ids become keyed hashes, text
 * loses mentions, ids and control characters and is shortened. Shared by both engines;
 * what is kept and why is documented in store.ts.
 */

// Mentions carry raw user, role and channel ids; a bare 17-20 digit number may be one too.
// They become punctuation only, so that matching and grouping ignore them.
const MENTIONS: readonly [RegExp, string][] = [
  [/<@[!&]?\d+>/g, '@…'],
  [/<#\d+>/g, '#…'],
  [/\b\d{17,20}\b/g, '…'],
];
// NUL and other control characters: harmless to SQLite, but they break terminals and logs.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Input may hold half of a surrogate pair already; it would show as garbage.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A question as it may be stored and shown: no mentions or control characters, capped. */
export function cleanQuestion(text: string, maxChars: number): string {
  // Cut long input first: the work below stays bounded whatever a member pastes.
  let s = text.slice(0, maxChars * 4).replace(LONE_SURROGATE, '');
  for (const [pattern, replacement] of MENTIONS) s = s.replace(pattern, replacement);
  s = s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return truncate(s, maxChars);
}

/** The grouping key of a question: its normalised words, or the cleaned text if it has none. */
export function questionKey(cleaned: string, maxChars: number): string {
  const normalized = normalize(cleaned);
  return clip(normalized !== '' ? normalized : cleaned.toLowerCase(), maxChars);
}

/** An id as stored: no control characters, capped (ids come from buttons members can forge). */
export function cleanId(id: string, maxChars: number): string {
  return clip(id.replace(CONTROL, ''), maxChars);
}

/** A short, fixed-length digest of a text, for keys. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/**
 * A keyed hash of a member within one scope (a question, an answer). Without the secret it
 * cannot be reversed by hashing candidate ids, and two scopes give unrelated values.
 */
export function memberHash(secret: Buffer, scope: string, memberId: string): string {
  return createHmac('sha256', secret)
    .update(`${scope}\u0000${memberId.slice(0, 100)}`)
    .digest('base64url')
    .slice(0, 22);
}

/** An ask as stored, or null when nothing is left of the question once cleaned. */
export function askRow(r: AskRecord, limits: StoreLimits, secret: Buffer, at: string): AskRow | null {
  const sample = cleanQuestion(r.question, limits.questionChars);
  const normalized = questionKey(sample, limits.questionChars);
  if (normalized === '') return null;
  const key = digest(normalized);
  const confidence = r.confidence !== null && Number.isFinite(r.confidence) ? unit(r.confidence) : null;
  return {
    key,
    normalized,
    sample,
    kind: r.kind === 'low-confidence' ? 'low-confidence' : 'unanswered',
    bestEntryId: r.bestEntryId === null ? null : cleanId(r.bestEntryId, limits.idChars),
    confidence,
    asker: memberHash(secret, `ask:${key}`, r.askerId),
    at,
  };
}

/** The key a question is recorded under (as an unanswered question, or a resolved one); null when nothing is left of it once cleaned. */
export function askKeyOf(question: string, limits: StoreLimits): string | null {
  const normalized = questionKey(cleanQuestion(question, limits.questionChars), limits.questionChars);
  return normalized === '' ? null : digest(normalized);
}

const ASK_KEY = /^[\w-]{22}$/;

/**
 * A resolution as stored: the member as a keyed hash within the entry (so members are counted
 * once across the rewordings of one entry, and unrelated across entries), the question cleaned
 * as unanswered ones are; null when nothing is left of it or the reference is malformed.
 */
export function resolutionRow(r: ResolutionRecord, limits: StoreLimits, secret: Buffer, at: string): ResolutionRow | null {
  const entryId = cleanId(r.entryId, limits.idChars);
  const resolver = memberHash(secret, `resolve:${entryId}`, r.memberId);
  if ('askKey' in r.question) {
    return ASK_KEY.test(r.question.askKey) ? { entryId, key: null, askKey: r.question.askKey, sample: null, resolver, at } : null;
  }
  const sample = cleanQuestion(r.question.text, limits.questionChars);
  const key = askKeyOf(sample, limits);
  return key === null ? null : { entryId, key, askKey: null, sample, resolver, at };
}

/** A vote as stored: the ballot is the keyed hash of (answer, member), nothing else links them. */
export function ballotRow(v: VoteRecord, limits: StoreLimits, secret: Buffer, at: string): BallotRow {
  return {
    ballot: memberHash(secret, `vote:${v.answerId.slice(0, 100)}`, v.voterId),
    entryId: cleanId(v.entryId, limits.idChars),
    helpful: v.helpful === true,
    at,
  };
}

/** A number kept within 0..1. */
function unit(n: number): number {
  return Math.min(1, Math.max(0, n));
}

const MODES = new Set(['off', 'shadow', 'on']);

/** A channel's setting as stored; a mode other than off, shadow or on is a caller's bug. */
export function settingRow(s: AutoAnswerSetting, limits: StoreLimits, at: string): SettingRow {
  if (!MODES.has(s.mode)) throw new TypeError(`unknown auto-answer mode ${String(s.mode)}`);
  return {
    guildId: cleanId(s.guildId, limits.idChars),
    channelId: cleanId(s.channelId, limits.idChars),
    mode: s.mode,
    minConfidence: s.minConfidence !== null && Number.isFinite(s.minConfidence) ? unit(s.minConfidence) : null,
    helperRoleId: s.helperRoleId === null ? null : cleanId(s.helperRoleId, limits.idChars),
    at,
  };
}

/**
 * A would-be answer as stored: the question cleaned and cut as unanswered questions are, no
 * user id, and a random id for the grading buttons; null when nothing is left of the question.
 */
export function shadowRow(r: ShadowRecord, limits: StoreLimits, at: string): ShadowAnswerRow | null {
  const question = cleanQuestion(r.question, limits.questionChars);
  if (question === '') return null;
  if (!Number.isFinite(r.confidence)) throw new TypeError('a shadow answer needs a confidence');
  return {
    id: randomBytes(9).toString('base64url'),
    guildId: cleanId(r.guildId, limits.idChars),
    channelId: cleanId(r.channelId, limits.idChars),
    question,
    entryId: cleanId(r.entryId, limits.idChars),
    confidence: unit(r.confidence),
    at,
  };
}

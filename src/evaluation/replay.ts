import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAlternate } from '../knowledge/edit.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { loadKnowledge } from '../knowledge/load.js';
import { proposeAlternates } from '../moderation/alternates.js';
import type { Matcher } from '../search/matcher.js';
import { STORE_LIMITS } from '../store/limits.js';
import { askKeyOf, cleanQuestion } from '../store/privacy.js';
import type { ResolvedQuestion } from '../store/types.js';
import { evaluate, isRight, type EvalCase, type EvalReport } from './score.js';

/**
 * The FAQ growing its alternates from use, replayed on a question file: the first half (after
 * a seeded shuffle) is asked as members would, each question resolved in one click counted as
 * one member's click on the right entry; every proposal the rules make then (at a member floor
 * of 1, one member a question) is accepted through the FAQ editor on a copy of the folder,
 * except those flagged as colliding with another entry; and the second half is asked of the
 * FAQ before and after.
 */
export const REPLAY_DEFAULTS = Object.freeze({ seed: 1, minMembers: 1 });

export interface ReplayReport {
  seed: number;
  minMembers: number;
  /** First-half questions resolved in one click that the FAQ did not already answer right: the clicks. */
  clicks: number;
  proposals: number;
  /** Flagged as colliding with another entry, so not accepted. */
  flagged: number;
  accepted: number;
  /** Refused by the FAQ editor (a wording another entry already asks, too long...). */
  refused: number;
  before: EvalReport;
  after: EvalReport;
}

export async function replay(dir: string, cases: readonly EvalCase[], seed: number, matcherOf: (kb: KnowledgeBase) => Promise<Matcher>): Promise<ReplayReport> {
  const shuffled = shuffle(cases, seed);
  const half = Math.floor(shuffled.length / 2);
  const [first, second] = [shuffled.slice(0, half), shuffled.slice(half)];
  const before = await matcherOf(await load(dir));
  const resolved = await clicksOf(before, first);
  const proposals = await proposeAlternates(resolved, [], before, { minMembers: REPLAY_DEFAULTS.minMembers });
  const copy = await mkdtemp(join(tmpdir(), 'faq-replay-'));
  try {
    await cp(dir, copy, { recursive: true });
    let accepted = 0, refused = 0;
    for (const p of proposals) {
      if (p.collision !== null) continue;
      if ((await addAlternate(copy, p.entryId, p.text)).ok) accepted++;
      else refused++;
    }
    const after = await matcherOf(await load(copy));
    return {
      seed,
      minMembers: REPLAY_DEFAULTS.minMembers,
      clicks: resolved.length,
      proposals: proposals.length,
      flagged: proposals.filter((p) => p.collision !== null).length,
      accepted,
      refused,
      before: await evaluate(before, second),
      after: await evaluate(after, second),
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * The members' clicks: a question declined with the right entry among the suggestions, or
 * answered wrong with the right entry among the related ones (a 👎, then that click). One
 * member each.
 */
async function clicksOf(matcher: Matcher, cases: readonly EvalCase[]): Promise<ResolvedQuestion[]> {
  const out: ResolvedQuestion[] = [];
  for (const [i, c] of cases.entries()) {
    if (c.expect === null) continue;
    const answer = await matcher.ask(c.q);
    if (answer.match !== null && isRight(answer.match.entry, c.expect)) continue;
    const clicked = answer.suggestions.find((s) => isRight(s.entry, c.expect!));
    const key = askKeyOf(c.q, STORE_LIMITS);
    if (clicked === undefined || key === null) continue;
    out.push({ entryId: clicked.entry.id, key, sample: cleanQuestion(c.q, STORE_LIMITS.questionChars), resolvers: [`member-${i}`] });
  }
  return out;
}

async function load(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new Error(`${dir}: ${result.issues.length} problem(s); run npm run faq:check`);
  return result.kb;
}

/** A Fisher-Yates shuffle driven by mulberry32: the same seed, the same order, on every machine. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

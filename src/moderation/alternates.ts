import { questionKey } from '../knowledge/load.js';
import type { Matcher } from '../search/matcher.js';
import type { DecisionEntry, ResolvedQuestion } from '../store/types.js';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits.js';
import { normalize } from '../search/normalize.js';
import { clip } from '../text/truncate.js';
import { PROPOSAL_DEFAULTS } from './proposal-defaults.js';

export { PROPOSAL_DEFAULTS } from './proposal-defaults.js';

/**
 * Alternates proposed from use: questions members resolved to an entry themselves (a
 * suggestion clicked, an answer marked solved), grouped when they say the same thing, and
 * proposed once enough different members resolved them so. Plain data; Discord, the reports
 * and eval's replay render or apply it.
 */

export interface ProposalOptions {
  minMembers?: number;
  sameMeaning?: number;
}

export interface Proposal {
  entryId: string;
  /** The entry's own question, for moderators. */
  entryQuestion: string;
  /** The alternate to add: one real question of the group, cleaned and cut as alternates are. */
  text: string;
  /** The store's key of that question (Accept and Reject refer to it). */
  key: string;
  /** Different members who resolved the group to the entry. */
  members: number;
  /** Another question of the group as a member typed it, if there is one. */
  example: string | null;
  /** The entry the phrasing would collide with (it asks the same thing already), if any. */
  collision: { entryId: string; question: string } | null;
}

interface Member {
  q: ResolvedQuestion;
  vector: Float32Array;
}

/**
 * The proposals, most members first. Never across entries: only questions resolved to the same
 * entry are grouped. Left out: groups under the member floor, entries the FAQ no longer has,
 * wordings the entry already answers, and groups a moderator decided on (the very question,
 * or one saying the same thing as a decided one).
 */
export async function proposeAlternates(
  resolved: readonly ResolvedQuestion[],
  decisions: readonly DecisionEntry[],
  matcher: Matcher,
  options: ProposalOptions = {},
): Promise<Proposal[]> {
  const o = { ...PROPOSAL_DEFAULTS, ...options };
  const byEntry = new Map<string, ResolvedQuestion[]>();
  for (const q of resolved) if (matcher.entry(q.entryId) !== undefined) byEntry.set(q.entryId, [...(byEntry.get(q.entryId) ?? []), q]);
  const out: Proposal[] = [];
  for (const [entryId, questions] of byEntry) {
    const decided = decisions.filter((d) => d.entryId === entryId);
    const decidedVectors = await Promise.all(decided.map((d) => matcher.meaningOf(d.sample)));
    for (const group of await groupByMeaning(questions, matcher, o.sameMeaning)) {
      const members = new Set(group.flatMap((m) => m.q.resolvers)).size;
      if (members < o.minMembers) continue;
      const head = group[0]!;
      if (group.some((m) => decided.some((d) => d.key === m.q.key))) continue;
      if (decidedVectors.some((v) => alike(v, head.vector) >= o.sameMeaning)) continue;
      const proposal = await propose(entryId, group, members, matcher, o.sameMeaning);
      if (proposal !== null) out.push(proposal);
    }
  }
  return out.sort((a, b) => b.members - a.members || a.entryId.localeCompare(b.entryId) || a.text.localeCompare(b.text));
}

/** Proposals from the store's records (what Discord and the reports show). */
export async function proposalsFromStore(
  store: { resolvedQuestions(limit: number): Promise<ResolvedQuestion[]>; alternateDecisions(limit: number): Promise<DecisionEntry[]> },
  matcher: Matcher,
  options: ProposalOptions = {},
): Promise<Proposal[]> {
  const [resolved, decisions] = await Promise.all([store.resolvedQuestions(PROPOSAL_DEFAULTS.candidates), store.alternateDecisions(PROPOSAL_DEFAULTS.candidates)]);
  return proposeAlternates(resolved, decisions, matcher, options);
}

/**
 * A question joins the first group whose headline says the same thing (questions come most
 * members first, so a headline is its group's most resolved wording); comparing with the
 * headline, not any member, keeps a chain of small steps from pulling a different question in.
 */
async function groupByMeaning(questions: readonly ResolvedQuestion[], matcher: Matcher, sameMeaning: number): Promise<Member[][]> {
  const ordered = [...questions].sort((a, b) => b.resolvers.length - a.resolvers.length || a.sample.length - b.sample.length || a.key.localeCompare(b.key));
  const groups: Member[][] = [];
  for (const q of ordered) {
    const member = { q, vector: await matcher.meaningOf(q.sample) };
    const home = groups.find((g) => alike(g[0]!.vector, member.vector) >= sameMeaning);
    if (home) home.push(member);
    else groups.push([member]);
  }
  return groups;
}

async function propose(entryId: string, group: readonly Member[], members: number, matcher: Matcher, sameMeaning: number): Promise<Proposal | null> {
  const entry = matcher.entry(entryId)!;
  const head = group[0]!;
  const text = asAlternate(head.q.sample);
  if (text === '') return null;
  const own = new Set([entry.question, ...entry.alternates].map(questionKey));
  if (own.has(questionKey(text))) return null;
  const answer = await matcher.ask(text);
  if (answer.match?.entry.id === entryId) return null;
  const example = group.find((m) => m !== head)?.q.sample ?? null;
  return { entryId, entryQuestion: entry.question, text, key: head.q.key, members, example, collision: await collisionOf(text, entryId, matcher, sameMeaning) };
}

/**
 * Another entry the phrasing belongs to as much: one that already asks it (the FAQ editor
 * would refuse it), or whose own question or an alternate says the same thing. Among the
 * entries the matcher weighs for it, the likeliest first.
 */
async function collisionOf(text: string, entryId: string, matcher: Matcher, sameMeaning: number): Promise<Proposal['collision']> {
  const key = questionKey(text);
  const exact = matcher.kb.entries.find((e) => e.id !== entryId && [e.question, ...e.alternates].some((p) => questionKey(p) === key));
  if (exact !== undefined) return { entryId: exact.id, question: exact.question };
  const vector = await matcher.meaningOf(text);
  const answer = await matcher.ask(text);
  for (const c of [answer.best, ...answer.runnersUp, ...answer.suggestions]) {
    if (c === null || c.entry.id === entryId) continue;
    if (matcher.likenessToEntry(vector, c.entry.id) >= sameMeaning) return { entryId: c.entry.id, question: c.entry.question };
  }
  return null;
}

function alike(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

/** An alternate as members type it: lowercase words, within the schema's length. */
export function asAlternate(text: string): string {
  return clip(normalize(text), KNOWLEDGE_LIMITS.alternateLength);
}

import { dayOf, staleEntries, type StaleEntry } from '../knowledge/freshness.js';
import { Analyzer } from '../search/analyzer.js';
import type { Matcher } from '../search/matcher.js';
import { AUTO_ANSWER_DEFAULTS } from '../auto-answer/decide.js';
import { precisionOf, type Precision } from '../auto-answer/precision.js';
import { shadowItems, type ShadowItem } from '../auto-answer/shadow.js';
import { unansweredRef } from './teach-ref.js';
import { proposalsFromStore, type Proposal } from './alternates.js';
import type { AskKind, AutoAnswerSetting, Store, StoreStatus, UnansweredRow } from '../store/types.js';

/**
 * What members asked without a good answer, grouped when they are rewordings of each other,
 * each group with the entry that comes closest and what to do about it; and the entries
 * voted "not helpful" most. Plain data: the terminal and Discord render it their own way.
 */

export const REPORT_DEFAULTS = Object.freeze({
  limit: 10,
  /** Distinct questions read from the store to build the groups. */
  candidates: 500,
  /** Two questions are rewordings when their content terms overlap this much (Jaccard). */
  similarity: 0.5,
  /** A closest entry at least this sure is worth an alternate rather than a new entry. */
  alternateLevel: 0.3,
  samplesPerGroup: 5,
});

export interface ReportSample {
  text: string;
  count: number;
  askers: number;
  /** The entry the current FAQ answers this with, or null: it still goes unanswered. */
  answeredBy: string | null;
}

export interface ClosestEntry {
  entryId: string;
  question: string;
  file: string;
  confidence: number;
}

export interface ReportGroup {
  /** A short reference to the headline question in the store (for Discord's teaching buttons). */
  ref: string;
  /** Most asked first; the first is the group's headline. */
  samples: ReportSample[];
  /** Asks over the whole group, repeats included. */
  count: number;
  /** Distinct members per wording, summed over the group's wordings. */
  askers: number;
  firstSeen: string;
  lastSeen: string;
  kind: AskKind;
  closest: ClosestEntry | null;
  verdict: 'add-alternate' | 'new-entry';
}

export interface NotHelpfulEntry {
  entryId: string;
  /** Null when the entry is no longer in the FAQ. */
  question: string | null;
  helpful: number;
  notHelpful: number;
}

/** Auto-answer settings and what shadow mode has measured, over every server in the store. */
export interface ShadowReport {
  settings: AutoAnswerSetting[];
  defaultMinConfidence: number;
  precision: Precision;
  /** The latest would-be answers, newest first. */
  latest: ShadowItem[];
}

export interface Report {
  status: StoreStatus;
  groups: ReportGroup[];
  notHelpful: NotHelpfulEntry[];
  /** Entries past their review_by date, the longest overdue first. */
  stale: StaleEntry[];
  shadow: ShadowReport;
  /** Alternates proposed from what members resolved themselves (alternates.ts), most members first. */
  proposals: Proposal[];
}

export interface ReportOptions {
  limit: number;
  candidates?: number;
  similarity?: number;
  alternateLevel?: number;
  /** Members who must have resolved a question for it to be proposed (ALTERNATE_MIN_MEMBERS). */
  minMembers?: number;
  /** What "today" is for review dates; the clock's time when not given. */
  now?: Date;
}

export async function buildReport(store: Store, matcher: Matcher, opts: ReportOptions): Promise<Report> {
  const o = { ...REPORT_DEFAULTS, ...opts };
  const rows = await store.unansweredTop(Math.max(o.candidates, o.limit));
  const groups = await Promise.all(groupRewordings(rows, new Analyzer(matcher.kb.synonyms), o.similarity)
    .sort((a, b) => sumOf(b, 'askers') - sumOf(a, 'askers') || sumOf(b, 'count') - sumOf(a, 'count'))
    .slice(0, Math.max(0, o.limit))
    .map((members) => describeGroup(members, matcher, o.alternateLevel, o.samplesPerGroup)));
  const notHelpful = (await store.feedback())
    .filter((f) => f.notHelpful > 0)
    .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.entryId.localeCompare(b.entryId))
    .slice(0, Math.max(0, o.limit))
    .map((f) => ({ ...f, question: matcher.entry(f.entryId)?.question ?? null }));
  const settings = await store.autoAnswerSettings();
  const shadowRows = await shadowItems(store, settings);
  const shadow: ShadowReport = {
    settings,
    defaultMinConfidence: AUTO_ANSWER_DEFAULTS.minConfidence,
    precision: precisionOf(shadowRows),
    latest: shadowRows.slice(0, Math.max(0, o.limit)),
  };
  const proposals = (await proposalsFromStore(store, matcher, o.minMembers === undefined ? {} : { minMembers: o.minMembers })).slice(0, Math.max(0, o.limit));
  return { status: store.status(), groups, notHelpful, stale: staleEntries(matcher.kb.entries, dayOf(o.now ?? new Date())), shadow, proposals };
}

/**
 * A question joins the first group holding a close rewording of it (rows come most asked
 * first). It must also share something with the group's headline, so that a chain of
 * small steps cannot pull an unrelated question in.
 */
export function groupRewordings(rows: readonly UnansweredRow[], analyzer: Analyzer, similarity: number): UnansweredRow[][] {
  const groups: { rows: UnansweredRow[]; terms: Set<string>[] }[] = [];
  for (const row of rows) {
    const terms = contentTerms(row.normalized, analyzer);
    const home = groups.find(
      (g) => jaccard(g.terms[0]!, terms) >= similarity / 2 && g.terms.some((t) => jaccard(t, terms) >= similarity),
    );
    if (home === undefined) groups.push({ rows: [row], terms: [terms] });
    else {
      home.rows.push(row);
      home.terms.push(terms);
    }
  }
  return groups.map((g) => g.rows);
}

/** Stemmed, synonym-mapped words that carry the meaning; question words only if nothing else. */
function contentTerms(text: string, analyzer: Analyzer): Set<string> {
  const tokens = analyzer.tokens(text);
  const content = tokens.filter((t) => !t.questionWord);
  const terms = (content.length > 0 ? content : tokens).map((t) => t.term);
  return new Set(terms.length > 0 ? terms : [text]);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

async function describeGroup(rows: UnansweredRow[], matcher: Matcher, alternateLevel: number, samplesPerGroup: number): Promise<ReportGroup> {
  const ranked = [...rows].sort((a, b) => b.askers - a.askers || b.count - a.count);
  const answers = await Promise.all(ranked.slice(0, samplesPerGroup).map(async (r) => ({ row: r, answer: await matcher.ask(r.sample) })));
  const samples = answers.map(({ row, answer }) => ({
    text: row.sample,
    count: row.count,
    askers: row.askers,
    answeredBy: answer.match?.entry.id ?? null,
  }));
  // The entry closest to any wording of the group, by today's FAQ (it may have changed).
  let closest: ClosestEntry | null = null;
  for (const { answer } of answers) {
    const best = answer.best;
    if (best !== null && (closest === null || best.confidence > closest.confidence)) {
      const { id, question, file } = best.entry;
      closest = { entryId: id, question, file, confidence: best.confidence };
    }
  }
  return {
    ref: unansweredRef(ranked[0]!.normalized),
    samples,
    count: sumOf(rows, 'count'),
    askers: sumOf(rows, 'askers'),
    firstSeen: rows.reduce((min, r) => (r.firstSeen < min ? r.firstSeen : min), rows[0]!.firstSeen),
    lastSeen: rows.reduce((max, r) => (r.lastSeen > max ? r.lastSeen : max), rows[0]!.lastSeen),
    kind: rows.some((r) => r.kind === 'unanswered') ? 'unanswered' : 'low-confidence',
    closest,
    verdict: closest !== null && closest.confidence >= alternateLevel ? 'add-alternate' : 'new-entry',
  };
}

function sumOf(rows: readonly { count: number; askers: number }[], field: 'count' | 'askers'): number {
  return rows.reduce((sum, r) => sum + r[field], 0);
}


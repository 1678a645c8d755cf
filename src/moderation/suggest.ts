import { stringify } from 'yaml';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits.js';
import type { Matcher } from '../search/matcher.js';
import { normalize, words } from '../search/normalize.js';
import { QUESTION_WORDS, STOP_WORDS } from '../search/stop-words.js';
import { truncate } from '../text/truncate.js';
import { FILL_IN, SUGGEST_MESSAGES as M } from './messages.js';
import type { Report, ReportGroup } from './report.js';
import { asAlternate, type Proposal } from './alternates.js';

/**
 * Ready-to-paste YAML for the report's top groups: alternates for the closest entry, or a
 * new entry skeleton. Moderators edit before pasting; nothing here writes the FAQ.
 */

export interface Suggestion {
  kind: 'add-alternate' | 'new-entry';
  /** The entry to extend, or the id proposed for the new one. */
  entryId: string;
  /** One YAML document: comment lines, then the snippet. */
  yaml: string;
}

export function buildSuggestions(report: Report, matcher: Matcher): Suggestion[] {
  const taken = new Set(matcher.kb.entryById.keys());
  const out: Suggestion[] = [];
  for (const group of report.groups) {
    const s = group.verdict === 'add-alternate' ? alternatesFor(group, matcher) : newEntryFor(group, matcher, taken);
    if (s !== null) out.push(s);
  }
  return out;
}

/** All suggestions as one multi-document YAML text (documents separated by ---), then the alternates proposed from use. */
export function renderSuggestions(report: Report, suggestions: readonly Suggestion[], matcher?: Matcher): string {
  const proposed = matcher === undefined ? [] : report.proposals.map((p) => proposedYaml(p, matcher));
  if (report.groups.length === 0 && proposed.length === 0) return `${M.nothing}\n`;
  const docs = report.groups.length === 0 ? [] : [M.header(report.groups.length), ...suggestions.map((s) => s.yaml.trimEnd())];
  const skipped = report.groups.length - suggestions.length;
  if (skipped > 0) docs.push(M.alreadyAnswered(skipped));
  docs.push(...proposed);
  return `${docs.join('\n---\n')}\n`;
}

function proposedYaml(p: Proposal, matcher: Matcher): string {
  const file = matcher.entry(p.entryId)?.file ?? '';
  const warn = p.collision === null ? '' : `# ${M.proposedCollision(p.collision.entryId)}\n`;
  return `# ${M.proposed(p.entryId, file, p.members)}\n${warn}${stringify({ alternates: [p.text] }).trimEnd()}`;
}

function alternatesFor(group: ReportGroup, matcher: Matcher): Suggestion | null {
  const closest = group.closest!;
  const entry = matcher.entry(closest.entryId);
  const known = new Set([entry?.question ?? '', ...(entry?.alternates ?? [])].map(normalize));
  const alternates = unique(
    group.samples
      .filter((s) => s.answeredBy !== closest.entryId)
      .map((s) => asAlternate(s.text))
      .filter((a) => a !== '' && !known.has(normalize(a))),
  );
  if (alternates.length === 0) return null;
  const comment = `# ${M.addTo(closest.entryId, closest.file)}\n# ${M.asked(group.count, group.askers)}\n`;
  return { kind: 'add-alternate', entryId: closest.entryId, yaml: comment + stringify({ alternates }) };
}

function newEntryFor(group: ReportGroup, matcher: Matcher, taken: Set<string>): Suggestion | null {
  const [head, ...others] = group.samples;
  if (head === undefined || head.answeredBy !== null) return null;
  const id = uniqueId(slug(head.text), taken);
  taken.add(id);
  const entry = {
    id,
    question: asQuestion(head.text),
    alternates: unique(others.map((s) => asAlternate(s.text)).filter((a) => a !== '')),
    answer: FILL_IN.answer,
    sources: [FILL_IN.source],
    tags: [],
  };
  const file = group.closest?.file ?? matcher.kb.files[0] ?? 'faq/';
  const comment = `# ${M.newEntryIn(file)}\n# ${M.asked(group.count, group.askers)}\n`;
  return { kind: 'new-entry', entryId: id, yaml: comment + stringify([entry]) };
}


/** The member's wording as an FAQ question: capitalised, ending in a question mark. */
function asQuestion(text: string): string {
  let q = truncate(text.trim(), KNOWLEDGE_LIMITS.questionLength - 1).replace(/[\s.!?…]+$/u, '');
  q = q.charAt(0).toUpperCase() + q.slice(1);
  return `${q}?`;
}

/** An id from the question's meaningful words, within the schema's pattern and length. */
export function slug(text: string): string {
  const meaningful = words(text).filter((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w) && /^[a-z0-9]+$/.test(w));
  const id = meaningful.slice(0, 5).join('-').slice(0, KNOWLEDGE_LIMITS.idLength - 4).replace(/-+$/, '');
  return id === '' ? 'new-entry' : id;
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

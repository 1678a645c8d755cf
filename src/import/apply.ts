import { parse } from 'yaml';
import { madeUpQuestions, MADE_UP_COMMENT } from '../knowledge/import-marks.js';
import { questionKey } from '../knowledge/load.js';
import { knowledgeFileSchema, type KnowledgeFileInput } from '../knowledge/schema.js';
import {
  appendEntry,
  appendSource,
  newKnowledgeFileOf,
  removeEntry,
  setEntryFields,
  type EntryFields,
  type NewEntry,
} from '../knowledge/yaml-edit.js';
import type { Plan, PlannedEntry } from './plan.js';

export interface Outcome {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
  readonly unchanged: string[];
}

export type Applied = { readonly ok: true; readonly text: string; readonly outcome: Outcome } | { readonly ok: false };

/** A new file holding what `plan` makes. */
export function newFileText(note: string, plan: Plan): string {
  return newKnowledgeFileOf(note, plan.sources, plan.entries.map(asNew));
}

/**
 * `plan` applied to a file that may already hold entries from the same source (those
 * crediting a source at the plan's address, or with the ids it makes): each is changed,
 * or removed when the source no longer has it; the rest of the file is left as it is.
 * Moderators' alternates, tags and sources are kept beside the source's, and a question a
 * moderator reworded (its made-up comment gone) is not put back.
 */
export function applyPlan(text: string, plan: Plan, data: Partial<KnowledgeFileInput>): Applied {
  const outcome: Outcome = { added: [], changed: [], removed: [], unchanged: [] };
  const ours = new Set(Object.entries(data.sources ?? {}).filter(([, s]) => sameAddress(s.url, plan.url)).map(([id]) => id));
  const planned = new Map(plan.entries.map((e) => [e.id, e]));
  const stillMadeUp = new Set(madeUpQuestions(text).map((m) => m.entryId));
  let edited = text;
  const step = (result: { ok: true; text: string } | { ok: false }): boolean => {
    if (result.ok) edited = result.text;
    return result.ok;
  };

  for (const source of plan.sources) {
    if (data.sources?.[source.id] === undefined && !step(appendSource(edited, source))) return { ok: false };
  }
  for (const entry of data.entries ?? []) {
    const next = planned.get(entry.id);
    if (next === undefined) {
      if (!entry.sources.some((s) => ours.has(s))) continue;
      if (!step(removeEntry(edited, entry.id))) return { ok: false };
      outcome.removed.push(entry.id);
      continue;
    }
    const fields: EntryFields = {};
    const reworded = !stillMadeUp.has(entry.id) && next.madeUp;
    if (!reworded && next.question !== entry.question) Object.assign(fields, { question: next.question });
    if (next.answer !== entry.answer.trim()) Object.assign(fields, { answer: next.answer });
    const alternates = union(entry.alternates, next.alternates ?? [], questionKey);
    if (alternates.length !== entry.alternates.length) Object.assign(fields, { alternates });
    const tags = union(entry.tags, next.tags, (t) => t.toLowerCase());
    if (tags.length !== entry.tags.length) Object.assign(fields, { tags });
    const sources = union(entry.sources, next.sources, (s) => s);
    if (sources.length !== entry.sources.length) Object.assign(fields, { sources });
    if (Object.keys(fields).length === 0) {
      outcome.unchanged.push(entry.id);
      continue;
    }
    if (!step(setEntryFields(edited, entry.id, fields))) return { ok: false };
    outcome.changed.push(entry.id);
  }
  const present = new Set((data.entries ?? []).map((e) => e.id));
  for (const entry of plan.entries) {
    if (present.has(entry.id)) continue;
    if (!step(appendEntry(edited, asNew(entry), undefined))) return { ok: false };
    outcome.added.push(entry.id);
  }
  return { ok: true, text: edited, outcome };
}

/** The file's data as the parser reads it, for deciding what to change (the loader checks it fully later). */
export function fileData(text: string): Partial<KnowledgeFileInput> {
  const checked = knowledgeFileSchema.safeParse(parse(text));
  return checked.success ? checked.data : {};
}

function asNew(entry: PlannedEntry): NewEntry {
  const { place: _place, madeUp, review: _review, ...rest } = entry;
  return madeUp ? { ...rest, questionNote: MADE_UP_COMMENT } : rest;
}

function union<T>(first: readonly T[], second: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set(first.map(key));
  return [...first, ...second.filter((t) => !seen.has(key(t)) && (seen.add(key(t)), true))];
}

function sameAddress(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

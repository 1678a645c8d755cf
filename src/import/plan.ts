import { KNOWLEDGE_LIMITS as L } from '../knowledge/limits.js';
import { placeholderUrl } from '../knowledge/import-marks.js';
import { questionKey } from '../knowledge/load.js';
import type { CheckedFile } from '../knowledge/load.js';
import type { KnowledgeFileInput } from '../knowledge/schema.js';
import type { NewEntry, NewSource } from '../knowledge/yaml-edit.js';
import { clip, truncate } from '../text/truncate.js';
import { idFrom, unique } from './ids.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { oneLine } from './text.js';
import type { FoundEntry, FoundSource, ReadSource, Skipped } from './types.js';

export interface ImportOptions {
  readonly publisher?: string;
  readonly url?: string;
}

/** What the folder already holds, so that new ids and sources fit in. */
export interface Existing {
  /** Entry ids the import must not take (entries from elsewhere). */
  readonly takenIds: ReadonlySet<string>;
  /** Source ids already defined, by url. */
  readonly sourceIdByUrl: ReadonlyMap<string, string>;
  readonly takenSourceIds: ReadonlySet<string>;
}

/**
 * What the import must fit around: every id in the folder except those of the entries that
 * came from this source (they are the ones it may change), and every source by its address.
 */
export function existingFor(
  read: ReadSource,
  label: string,
  options: ImportOptions,
  others: readonly CheckedFile[],
  data: Partial<KnowledgeFileInput>,
): Existing {
  const address = sourceAddress(read, label, options);
  const ours = new Set(Object.entries(data.sources ?? {}).flatMap(([id, s]) => (s.url.split('#')[0] === address ? [id] : [])));
  const mine = (e: { sources: readonly string[] }) => read.selfCredited === true || e.sources.some((s) => ours.has(s));
  const allSources = [...others.flatMap((f) => Object.entries(f.data.sources)), ...Object.entries(data.sources ?? {})];
  return {
    takenIds: new Set([...others.flatMap((f) => f.data.entries.map((e) => e.id)), ...(data.entries ?? []).filter((e) => !mine(e)).map((e) => e.id)]),
    sourceIdByUrl: new Map(allSources.map(([id, s]) => [s.url, id])),
    takenSourceIds: new Set(allSources.map(([id]) => id)),
  };
}

export interface PlannedEntry extends NewEntry {
  readonly place: string;
  readonly madeUp: boolean;
  readonly review: readonly string[];
}

/** A source read, made into entries of our schema: ids, limits, sources, what to review. */
export interface Plan {
  /** The address that marks the entries from this source (page sections share it). */
  readonly url: string;
  readonly sources: readonly NewSource[];
  readonly entries: readonly PlannedEntry[];
  readonly skipped: readonly Skipped[];
  /** Sources a moderator must give an address. */
  readonly placeholders: readonly string[];
}

/** The address that stands for the source: the one given or found, else a placeholder named after it. */
export function sourceAddress(read: ReadSource, label: string, options: ImportOptions): string {
  return withoutAnchor(options.url ?? read.source.url) ?? placeholderUrl(label.replace(/\/+$/, '').split('/').pop() ?? label);
}

export function planImport(read: ReadSource, label: string, options: ImportOptions, existing: Existing): Plan {
  const given = withoutAnchor(options.url ?? read.source.url);
  const mainUrl = sourceAddress(read, label, options);
  const publisher = options.publisher ?? read.source.publisher ?? (given === undefined ? read.source.title : new URL(given).hostname.replace(/^www\./, ''));
  const sourceIds = new Set(existing.takenSourceIds);
  const sources = new Map<string, NewSource>();
  const placeholders: string[] = [];

  const sourceFor = (found: FoundSource, url: string): string => {
    const known = existing.sourceIdByUrl.get(url) ?? [...sources.values()].find((s) => s.url === url)?.id;
    if (known !== undefined) return known;
    const by = found.publisher ?? publisher;
    const id = unique(idFrom(by === found.title ? by : `${by} ${found.title}`, 'question').slice(0, L.idLength - 4) || 'source', sourceIds);
    const source = { id, publisher: clip(oneLine(found.publisher ?? publisher), L.publisherLength), title: clip(oneLine(found.title), L.titleLength), url };
    sources.set(id, source);
    if (given === undefined && url === mainUrl) placeholders.push(id);
    return id;
  };
  const main = { ...read.source, publisher };

  const ids = new Set(existing.takenIds);
  const questions = new Map<string, string>();
  const entries: PlannedEntry[] = [];
  const skipped: Skipped[] = [...read.skipped];
  for (const found of read.entries) {
    const review: string[] = [];
    let question = oneLine(found.question);
    if (question.length > L.questionLength) {
      question = clip(question, L.questionLength);
      review.push(M.questionCut);
    }
    const key = questionKey(question);
    const twin = questions.get(key);
    if (twin !== undefined) {
      skipped.push({ place: found.place, why: M.duplicate(twin) });
      continue;
    }
    const base = (found.name === undefined ? '' : idFrom(found.name, 'name')) || idFrom(question, 'question') || 'entry';
    const id = unique(base, ids);
    questions.set(key, id);

    const sectionUrl = found.anchor === undefined || given === undefined ? mainUrl : `${mainUrl}#${found.anchor}`;
    const credited = [
      ...(read.selfCredited === true && found.sources !== undefined ? [] : [sourceFor(main, sectionUrl)]),
      ...(found.sources ?? []).flatMap((s) => (s.url === undefined ? [] : [sourceFor(s, s.url)])),
    ];
    const readMore = found.sources?.[0]?.url ?? sectionUrl;
    const answer = cutAnswer(found.answer, readMore);
    if (answer !== found.answer) review.push(M.cut(found.answer.length));
    if (found.madeUp) review.push(M.madeUp(found.name ?? found.question));
    entries.push({
      id,
      question,
      alternates: alternatesOf(found, key),
      answer,
      sources: [...new Set(credited)].slice(0, L.sourcesPerEntry),
      tags: tagsOf(found),
      place: found.place,
      madeUp: found.madeUp,
      review,
    });
  }
  return { url: mainUrl, sources: [...sources.values()], entries, skipped, placeholders };
}

/** An answer over the limit cut at the last paragraph (else line) that fits, with a link to the rest. */
export function cutAnswer(answer: string, url: string): string {
  if (answer.length <= L.answerLength) return answer;
  const link = M.readMore(url);
  const room = L.answerLength - link.length - 2;
  const paragraph = answer.lastIndexOf('\n\n', room);
  const line = answer.lastIndexOf('\n', room);
  const head = paragraph > room / 2 ? answer.slice(0, paragraph) : line > room / 2 ? answer.slice(0, line) : truncate(answer, room);
  return `${head.trimEnd()}\n\n${link}`;
}

function alternatesOf(found: FoundEntry, questionKeyOf: string): string[] {
  const seen = new Set([questionKeyOf]);
  const kept: string[] = [];
  for (const a of found.alternates.map(oneLine)) {
    const key = questionKey(a);
    if (a === '' || a.length > L.alternateLength || seen.has(key)) continue;
    seen.add(key);
    kept.push(a);
  }
  return kept.slice(0, L.alternatesPerEntry);
}

function tagsOf(found: FoundEntry): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const t of found.tags.map(oneLine)) {
    if (t === '' || t.length > L.tagLength || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    kept.push(t);
  }
  return kept.slice(0, L.tagsPerEntry);
}

function withoutAnchor(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

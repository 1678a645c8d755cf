import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { KNOWLEDGE_MESSAGES as M } from './messages.js';
import { parseKnowledgeFile, parseKnowledgeText, type FilePlaces, type ParseCache, type ParsedFile, type Place } from './parse-file.js';
import type { EntryInput, KnowledgeFileInput } from './schema.js';
import type { Article, Entry, KnowledgeBase, KnowledgeIssue, LoadResult, Source } from './types.js';

const KNOWLEDGE_FILE = /\.ya?ml$/i;

/** One file of a folder that passed every check: plain data, as read. */
export interface CheckedFile {
  readonly file: string;
  /** Its name in the folder. */
  readonly name: string;
  readonly data: KnowledgeFileInput;
}

/** A checked file without its entries: what a snapshot starts from. */
export interface FileHead {
  readonly file: string;
  readonly data: Omit<KnowledgeFileInput, 'entries'>;
}

/** A folder read and checked: its files, or the full list of problems. */
export type ReadResult =
  | { readonly ok: true; readonly files: readonly CheckedFile[] }
  | { readonly ok: false; readonly issues: readonly KnowledgeIssue[] };

/**
 * Loads every knowledge file in `dir` and checks them together. The result is either a
 * complete, frozen snapshot or the full list of problems: never a half-loaded set.
 */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const read = await readKnowledge(dir);
  if (!read.ok) return read;
  return { ok: true, kb: snapshot(dir, read.files) };
}

/** A file's text as it would be after an edit, checked in place of what is on disk. */
export interface PendingText {
  /** The file's name in the folder; it need not exist yet. */
  readonly name: string;
  readonly text: string;
}

/**
 * Reads, parses and validates every knowledge file in `dir` and cross-checks them: what
 * loadKnowledge does before building the snapshot. `cache` skips files unchanged since
 * the last read with it. With `pending`, that file is checked as its text would be after
 * an edit (the editor validates the whole folder this way before it writes anything).
 */
export async function readKnowledge(dir: string, cache?: ParseCache, pending?: PendingText): Promise<ReadResult> {
  const listed = await listKnowledgeFiles(dir);
  if (!Array.isArray(listed)) return { ok: false, issues: [listed] };
  const names = pending === undefined || listed.includes(pending.name) ? listed : [...listed, pending.name].sort();
  if (names.length === 0) return { ok: false, issues: [{ file: dir, line: 1, column: 1, message: M.noFiles }] };

  const issues: KnowledgeIssue[] = [];
  const parsed: ParsedFile[] = [];
  for (const name of names) {
    const display = relative(process.cwd(), join(dir, name)) || name;
    const result =
      name === pending?.name ? parseKnowledgeText(pending.text, display) : await parseKnowledgeFile(join(dir, name), display, cache);
    if (result.ok) parsed.push(result.parsed);
    else issues.push(...result.issues);
  }
  cache?.sweep();
  issues.push(...crossCheck(parsed));
  if (issues.length > 0) return { ok: false, issues };
  // No issues: every listed file was parsed, in order.
  return { ok: true, files: parsed.map(({ file, data }, i) => ({ file, name: names[i]!, data })) };
}

async function listKnowledgeFiles(dir: string): Promise<string[] | KnowledgeIssue> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    const names = (await readdir(dir)).filter((n) => KNOWLEDGE_FILE.test(n) && !n.startsWith('.')).sort();
    const files: string[] = [];
    for (const name of names) {
      // Editors' temporary files and sockets are skipped; a link to a file is followed.
      const info = await lstat(join(dir, name));
      if (info.isFile() || info.isSymbolicLink()) files.push(name);
    }
    return files;
  } catch {
    return { file: dir, line: 1, column: 1, message: M.notADirectory };
  }
}

/** What two questions share when they are "the same question": letters and digits, any case. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Duplicate ids and questions, and unknown sources, across all files. */
function crossCheck(files: readonly ParsedFile[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  type At = { readonly f: ParsedFile; readonly place: (places: FilePlaces) => Place };
  const placeOf = (at: At) => at.place(at.f.places);
  const issueAt = (at: At, message: string) => issues.push({ file: at.f.file, ...placeOf(at), message });
  // Where a first use was, written out only when a second one is found.
  const where = (at: At) => `${at.f.file}:${placeOf(at).line}`;

  const sources = new Map<string, At>();
  for (const f of files) {
    for (const id of Object.keys(f.data.sources)) {
      const at: At = { f, place: (p) => p.sources.get(id)! };
      const seen = sources.get(id);
      if (seen) issueAt(at, M.duplicateId('source', id, where(seen)));
      else sources.set(id, at);
    }
  }
  const ids = new Map<string, At>();
  const articleIds = new Map<string, At>();
  const questions = new Map<string, { id: string; at: At }>();
  for (const f of files) {
    f.data.articles.forEach((a, i) => {
      const at: At = { f, place: (p) => p.articles[i]!.id };
      const seen = articleIds.get(a.id);
      if (seen) issueAt(at, M.duplicateId('article', a.id, where(seen)));
      else articleIds.set(a.id, at);
      if (!sources.has(a.source)) issueAt({ f, place: (p) => p.articles[i]!.source }, M.unknownSource(a.source));
    });
    f.data.entries.forEach((e, i) => {
      const at: At = { f, place: (p) => p.entries[i]!.id };
      const seen = ids.get(e.id);
      if (seen) issueAt(at, M.duplicateId('entry', e.id, where(seen)));
      else ids.set(e.id, at);
      e.sources.forEach((s, j) => {
        if (!sources.has(s)) issueAt({ f, place: (p) => p.entries[i]!.sources[j]! }, M.unknownSource(s));
      });
      const question: At = { f, place: (p) => p.entries[i]!.question };
      const key = questionKey(e.question);
      const twin = questions.get(key);
      if (twin) issueAt(question, M.duplicateQuestion(twin.id, where(twin.at)));
      else questions.set(key, { id: e.id, at: question });
    });
  }
  return issues;
}

/** The frozen snapshot of checked files. */
export function snapshot(dir: string, files: readonly CheckedFile[]): KnowledgeBase {
  const builder = new SnapshotBuilder(dir, files);
  for (const f of files) builder.add(f.file, f.data.entries);
  return builder.finish();
}

/**
 * Builds the frozen snapshot of checked files: every file's sources and articles first, then
 * the entries, file after file, as they come (a reload takes them in from its worker a few
 * hundred at a time, one message per turn of the event loop, so that no step of the main
 * thread's work holds questions up for long), then the whole.
 */
export class SnapshotBuilder {
  private readonly sources = new Map<string, Source>();
  private readonly articles: Article[] = [];
  private readonly entries: Entry[] = [];
  // Kept as entries come, so that finish, run in one turn of a serving event loop, is cheap
  // (a map of 10,000 entries made at once held it 5-10 ms).
  private readonly entryById = new Map<string, Entry>();

  constructor(
    private readonly dir: string,
    private readonly files: readonly FileHead[],
  ) {
    for (const f of files) {
      for (const [id, s] of Object.entries(f.data.sources)) this.sources.set(id, Object.freeze({ id, ...s }));
    }
    for (const f of files) {
      for (const a of f.data.articles) this.articles.push(Object.freeze({ ...a, source: this.sources.get(a.source)!, file: f.file }));
    }
  }

  /** Adds entries of `file`, after those of the files before it. */
  add(file: string, entries: Iterable<EntryInput>): void {
    for (const e of entries) {
      const entry = Object.freeze({
        ...e,
        alternates: Object.freeze([...e.alternates]),
        tags: Object.freeze([...e.tags]),
        sources: Object.freeze(e.sources.map((s) => this.sources.get(s)!)),
        file,
      });
      this.entries.push(entry);
      this.entryById.set(entry.id, entry);
    }
  }

  finish(): KnowledgeBase {
    const { dir, files, entries, articles, sources, entryById } = this;
    return Object.freeze({
      dir,
      files: Object.freeze(files.map((f) => f.file)),
      entries: Object.freeze(entries),
      articles: Object.freeze(articles),
      sources,
      synonyms: Object.freeze(files.flatMap((f) => f.data.synonyms.map((g) => Object.freeze([...g])))),
      entryById,
      articleById: new Map(articles.map((a) => [a.id, a])),
      loadedAt: new Date(),
    });
  }
}

import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { KNOWLEDGE_MESSAGES as M } from './messages.js';
import { parseKnowledgeFile, type ParsedFile } from './parse-file.js';
import type { Article, Entry, KnowledgeBase, KnowledgeIssue, LoadResult, Source } from './types.js';

const KNOWLEDGE_FILE = /\.ya?ml$/i;

/**
 * Loads every knowledge file in `dir` and checks them together. The result is either a
 * complete, frozen snapshot or the full list of problems: never a half-loaded set.
 */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const names = await listKnowledgeFiles(dir);
  if (!Array.isArray(names)) return { ok: false, issues: [names] };
  if (names.length === 0) return { ok: false, issues: [{ file: dir, line: 1, column: 1, message: M.noFiles }] };

  const issues: KnowledgeIssue[] = [];
  const parsed: ParsedFile[] = [];
  for (const name of names) {
    const result = await parseKnowledgeFile(join(dir, name), relative(process.cwd(), join(dir, name)) || name);
    if (result.ok) parsed.push(result.parsed);
    else issues.push(...result.issues);
  }
  issues.push(...crossCheck(parsed));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, kb: buildSnapshot(dir, parsed) };
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

function crossCheck(files: readonly ParsedFile[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const issueAt = (f: ParsedFile, path: (string | number)[], message: string) =>
    issues.push({ file: f.file, ...f.at(path), message });
  const where = (f: ParsedFile, path: (string | number)[]) => {
    const p = f.at(path);
    return `${f.file}:${p.line}`;
  };

  const sources = new Map<string, string>();
  for (const f of files) {
    for (const id of Object.keys(f.data.sources)) {
      const seen = sources.get(id);
      if (seen) issueAt(f, ['sources', id], M.duplicateId('source', id, seen));
      else sources.set(id, where(f, ['sources', id]));
    }
  }
  const ids = new Map<string, string>();
  const articleIds = new Map<string, string>();
  const questions = new Map<string, { id: string; where: string }>();
  for (const f of files) {
    f.data.articles.forEach((a, i) => {
      const seen = articleIds.get(a.id);
      if (seen) issueAt(f, ['articles', i, 'id'], M.duplicateId('article', a.id, seen));
      else articleIds.set(a.id, where(f, ['articles', i, 'id']));
      if (!sources.has(a.source)) issueAt(f, ['articles', i, 'source'], M.unknownSource(a.source));
    });
    f.data.entries.forEach((e, i) => {
      const seen = ids.get(e.id);
      if (seen) issueAt(f, ['entries', i, 'id'], M.duplicateId('entry', e.id, seen));
      else ids.set(e.id, where(f, ['entries', i, 'id']));
      e.sources.forEach((s, j) => {
        if (!sources.has(s)) issueAt(f, ['entries', i, 'sources', j], M.unknownSource(s));
      });
      const key = e.question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const twin = questions.get(key);
      if (twin) issueAt(f, ['entries', i, 'question'], M.duplicateQuestion(twin.id, twin.where));
      else questions.set(key, { id: e.id, where: where(f, ['entries', i, 'question']) });
    });
  }
  return issues;
}

function buildSnapshot(dir: string, files: readonly ParsedFile[]): KnowledgeBase {
  const sources = new Map<string, Source>();
  for (const f of files) {
    for (const [id, s] of Object.entries(f.data.sources)) sources.set(id, Object.freeze({ id, ...s }));
  }
  const entries: Entry[] = [];
  const articles: Article[] = [];
  for (const f of files) {
    for (const a of f.data.articles) {
      articles.push(Object.freeze({ ...a, source: sources.get(a.source)!, file: f.file }));
    }
    for (const e of f.data.entries) {
      entries.push(
        Object.freeze({
          ...e,
          alternates: Object.freeze([...e.alternates]),
          tags: Object.freeze([...e.tags]),
          sources: Object.freeze(e.sources.map((s) => sources.get(s)!)),
          file: f.file,
        }),
      );
    }
  }
  return Object.freeze({
    dir,
    files: Object.freeze(files.map((f) => f.file)),
    entries: Object.freeze(entries),
    articles: Object.freeze(articles),
    sources,
    synonyms: Object.freeze(files.flatMap((f) => f.data.synonyms.map((g) => Object.freeze([...g])))),
    entryById: new Map(entries.map((e) => [e.id, e])),
    articleById: new Map(articles.map((a) => [a.id, a])),
    loadedAt: new Date(),
  });
}

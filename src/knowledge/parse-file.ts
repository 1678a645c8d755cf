import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Alias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { KNOWLEDGE_LIMITS } from './limits.js';
import { KNOWLEDGE_MESSAGES as M } from './messages.js';
import { knowledgeFileSchema, type KnowledgeFileInput } from './schema.js';
import type { KnowledgeIssue } from './types.js';

export type Path = readonly (string | number)[];

export interface Place {
  readonly line: number;
  readonly column: number;
}

/**
 * Where the values that the cross-check of all files may have to point at start (ids,
 * questions, source references): only these, so that no parsed document is kept.
 */
export interface FilePlaces {
  /** Each source's mapping, by id. */
  readonly sources: ReadonlyMap<string, Place>;
  readonly articles: readonly { readonly id: Place; readonly source: Place }[];
  readonly entries: readonly { readonly id: Place; readonly question: Place; readonly sources: readonly Place[] }[];
}

/** One file, read and valid on its own. */
export interface ParsedFile {
  readonly file: string;
  readonly data: KnowledgeFileInput;
  /** Where the cross-check's values are, to name the place of one of its issues. */
  readonly places: FilePlaces;
}

export type ParseResult =
  | { readonly ok: true; readonly parsed: ParsedFile }
  | { readonly ok: false; readonly issues: KnowledgeIssue[] };

// Keys that would reach Object.prototype if some later code copied the data naively.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// The core schema's own tags; anything else (!!js/function, !custom, !!binary...) is refused.
const ALLOWED_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Results of parseKnowledgeText by file and content, so that a reload parses again only the
 * files that changed. Keep one per folder being reloaded.
 */
export class ParseCache {
  private results = new Map<string, { hash: string; result: ParseResult }>();
  private seen = new Set<string>();

  /** The result for `file` when its text is `bytes` again; else parses it and remembers. */
  parse(file: string, bytes: Buffer, text: () => string): ParseResult {
    const hash = createHash('sha256').update(bytes).digest('base64');
    this.seen.add(file);
    const cached = this.results.get(file);
    if (cached !== undefined && cached.hash === hash) return cached.result;
    const result = parseKnowledgeText(text(), file);
    this.results.set(file, { hash, result });
    return result;
  }

  /** Forgets the files not parsed since the last call (deleted or renamed ones). */
  sweep(): void {
    for (const file of this.results.keys()) if (!this.seen.has(file)) this.results.delete(file);
    this.seen = new Set();
  }
}

/** Reads, parses and validates one knowledge file; every problem found is returned. */
export async function parseKnowledgeFile(path: string, displayName = path, cache?: ParseCache): Promise<ParseResult> {
  const fail = (message: string, line = 1, column = 1): ParseResult => ({
    ok: false,
    issues: [{ file: displayName, line, column, message }],
  });
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > KNOWLEDGE_LIMITS.fileBytes) return fail(M.tooBig(info.size, KNOWLEDGE_LIMITS.fileBytes));
    const bytes = await readFile(path);
    if (bytes.length > KNOWLEDGE_LIMITS.fileBytes) return fail(M.tooBig(bytes.length, KNOWLEDGE_LIMITS.fileBytes));
    if (cache !== undefined) {
      // A decoding error is thrown from inside parse(); the catch below names it.
      return cache.parse(displayName, bytes, () => utf8.decode(bytes));
    }
    text = utf8.decode(bytes); // also drops a leading BOM
  } catch (error) {
    if (error instanceof TypeError) return fail(M.notUtf8);
    return fail(M.unreadable((error as NodeJS.ErrnoException).code ?? String(error)));
  }
  return parseKnowledgeText(text, displayName);
}

/** Parses and validates one file's text; every problem found is returned, each with its place. */
export function parseKnowledgeText(text: string, file: string): ParseResult {
  if (text.trim() === '') return { ok: false, issues: [{ file, line: 1, column: 1, message: M.empty }] };
  const lines = new LineCounter();
  const issues: KnowledgeIssue[] = [];
  const place = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const report = (offset: number, message: string) => issues.push({ file, ...place(offset), message });

  let doc: Document;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      schema: 'core',
    });
  } catch (error) {
    // Pathological nesting can exhaust the parser's stack; that is still the file's fault.
    return { ok: false, issues: [{ file, line: 1, column: 1, message: M.yaml(String((error as Error).message)) }] };
  }
  for (const error of doc.errors) {
    const message = error.code === 'DUPLICATE_KEY' ? M.duplicateKey(keyAt(text, error.pos[0])) : M.yaml(firstLine(error.message));
    report(error.pos[0], message);
  }
  if (issues.length > 0) return { ok: false, issues };

  visit(doc, {
    Alias(_, node: Alias) {
      report(node.range?.[0] ?? 0, M.aliases);
      return visit.BREAK;
    },
    Node(_, node) {
      if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) report(node.range?.[0] ?? 0, M.customTag(node.tag));
    },
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (key === '<<') report(pair.key.range?.[0] ?? 0, M.mergeKey);
      else if (FORBIDDEN_KEYS.has(key)) report(pair.key.range?.[0] ?? 0, M.forbiddenKey(key));
    },
  });
  // Unknown tags also come as warnings; the visitor above has named them already.
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') report(warning.pos[0], M.yaml(firstLine(warning.message)));
  }
  if (issues.length > 0) return { ok: false, issues };

  if (doc.contents === null) return { ok: false, issues: [{ file, line: 1, column: 1, message: M.empty }] };
  if (!isMap(doc.contents)) return { ok: false, issues: [{ file, ...place(doc.contents.range?.[0] ?? 0), message: M.notMapping }] };

  const result = knowledgeFileSchema.safeParse(doc.toJS({ maxAliasCount: KNOWLEDGE_LIMITS.aliasCount }));
  if (!result.success) {
    for (const issue of result.error.issues) issues.push(...describeIssue(doc, issue, file, place));
    return { ok: false, issues };
  }
  const at = (path: Path) => place(deepestNode(doc, path)?.range?.[0] ?? 0);
  const places = placesOf(result.data, at);
  return { ok: true, parsed: { file, data: result.data, places } };
}

/** The places the cross-check may need, from where each value is (`at`, by its path). */
function placesOf(data: KnowledgeFileInput, at: (path: Path) => Place): FilePlaces {
  return {
    sources: new Map(Object.keys(data.sources).map((id) => [id, at(['sources', id])])),
    articles: data.articles.map((_, i) => ({ id: at(['articles', i, 'id']), source: at(['articles', i, 'source']) })),
    entries: data.entries.map((e, i) => ({
      id: at(['entries', i, 'id']),
      question: at(['entries', i, 'question']),
      sources: e.sources.map((_, j) => at(['entries', i, 'sources', j])),
    })),
  };
}

function describeIssue(
  doc: Document,
  issue: z.core.$ZodIssue,
  file: string,
  place: (offset: number) => { line: number; column: number },
): KnowledgeIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const node = deepestNode(doc, path);
  const where = place(node?.range?.[0] ?? 0);
  const field = path.length > 0 ? `${path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(path);
    return issue.keys.map((key) => {
      const keyNode = isMap(node) ? node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.key : undefined;
      const pos = place((keyNode as Node | undefined)?.range?.[0] ?? node?.range?.[0] ?? 0);
      return { file, ...pos, message: `${field}${M.unknownField(key, allowed)}` };
    });
  }
  if (issue.code === 'invalid_type') {
    const actual = valueKind(node, path, doc);
    if (actual === 'nothing') {
      const name = String(path[path.length - 1]);
      return [{ file, ...where, message: `${path.slice(0, -1).join('.')}${path.length > 1 ? ': ' : ''}${M.missingField(name)}` }];
    }
    return [{ file, ...where, message: `${field}${M.wrongType(issue.expected, actual)}` }];
  }
  if (issue.code === 'invalid_key') {
    return [{ file, ...where, message: `${field}the key is not a valid id: it ${issue.issues[0]?.message ?? 'is invalid'}` }];
  }
  return [{ file, ...where, message: `${field}${issue.message}` }];
}

function allowedKeys(path: Path): string {
  const last = path[path.length - 1];
  if (path.length === 0) return 'sources, synonyms, articles, entries';
  if (path[0] === 'sources') return 'publisher, title, url, date';
  if (path[0] === 'articles' && typeof last === 'number') return 'id, title, source, summary';
  return 'id, question, alternates, answer, sources, tags, review_by';
}

function valueKind(node: Node | null | undefined, path: Path, doc: Document): string {
  const exact = doc.getIn(path, true) as Node | undefined;
  if (exact === undefined) return 'nothing';
  if (isMap(exact)) return 'a mapping';
  if (isSeq(exact)) return 'a list';
  if (isScalar(exact)) return exact.value === null ? 'an empty value' : `${typeof exact.value} ${JSON.stringify(exact.value)}`.slice(0, 60);
  return node === undefined ? 'nothing' : 'something else';
}

/** The node at `path`, or its nearest ancestor that exists. */
function deepestNode(doc: Document, path: Path): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node !== undefined && node !== null && typeof node === 'object') return node;
  }
  return doc.contents ?? undefined;
}

function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))?.[0].trim() ?? '?';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

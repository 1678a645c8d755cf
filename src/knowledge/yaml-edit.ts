import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * Additions to a knowledge file that leave every byte already there as it was: comments,
 * order, quoting, folded answers and the `# yaml-language-server` line. The yaml Document
 * API finds where the new node goes, renders it (quoting what needs quoting), and says what
 * the file must hold afterwards; the new lines are then inserted into the text and the
 * result is parsed again and compared with that. (Document.toString() would re-wrap every
 * folded answer and re-flow long flow lists, so it is not used to write.)
 */

export interface NewSource {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
}

export interface NewEntry {
  readonly id: string;
  readonly question: string;
  readonly alternates?: readonly string[];
  readonly answer: string;
  readonly sources: readonly string[];
  readonly tags: readonly string[];
  /** A comment written over the question, for the moderator who reads the file. */
  readonly questionNote?: string;
}

/** Fields of an entry that an edit sets (each replaced whole, or added when missing). */
export type EntryFields = Partial<Pick<NewEntry, 'question' | 'alternates' | 'answer' | 'sources' | 'tags'>>;

export type Edited = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly why: 'no-entry' | 'layout' };

/** Width the rendered answers are folded at, as the shipped files are. */
const LINE_WIDTH = 92;
const LAYOUT = { ok: false, why: 'layout' } as const satisfies Edited;

const parse = (text: string) => parseDocument(text, { uniqueKeys: true, merge: false, schema: 'core' });

/** `wording` added at the end of entry `entryId`'s alternates (the list made when there is none). */
export function appendAlternate(text: string, entryId: string, wording: string): Edited {
  const doc = parse(text);
  if (doc.errors.length > 0 || !isBlockMap(doc.contents)) return LAYOUT;
  const entries = doc.contents.get('entries', true);
  if (!isSeq(entries)) return { ok: false, why: 'no-entry' };
  const index = entries.items.findIndex((item) => isMap(item) && item.get('id') === entryId);
  if (index < 0) return { ok: false, why: 'no-entry' };
  const entry = entries.items[index];
  if (!isBlockMap(entry)) return LAYOUT;
  const eol = lineEnding(text);

  let edited: string | undefined;
  const alternates = entry.get('alternates', true);
  if (isSeq(alternates) && alternates.flow === true) {
    const close = (alternates.range?.[1] ?? 0) - 1;
    if (text[close] !== ']') return LAYOUT;
    const item = renderFlowScalar(wording);
    edited = splice(text, close, alternates.items.length > 0 ? `, ${item}` : item);
  } else if (isSeq(alternates) && alternates.items.length > 0) {
    const last = alternates.items[alternates.items.length - 1] as Node;
    const at = afterLine(text, last.range?.[1]);
    edited = splice(text, at.offset, at.prefix + `${' '.repeat(columnOf(text, alternates))}- ${renderScalar(wording)}${eol}`);
  } else if (alternates === undefined || (isScalar(alternates) && alternates.value === null)) {
    // No list yet: it goes right after the question, as the shipped files order the fields.
    const question = entry.get('question', true) as Node | undefined;
    if (question === undefined || alternates !== undefined) return LAYOUT;
    const indent = ' '.repeat(columnOf(text, entry));
    const at = afterLine(text, question.range?.[1]);
    edited = splice(text, at.offset, `${at.prefix}${indent}alternates:${eol}${indent}  - ${renderScalar(wording)}${eol}`);
  } else {
    return LAYOUT;
  }

  const expected = parse(text);
  const list = expected.getIn(['entries', index, 'alternates']);
  if (isSeq(list)) list.add(wording);
  else expected.setIn(['entries', index, 'alternates'], expected.createNode([wording]));
  return verified(edited, expected);
}

/** `entry` added at the end of the file's entries, and `source` (when given) to its sources. */
export function appendEntry(text: string, entry: NewEntry, source: NewSource | undefined): Edited {
  const doc = parse(text);
  if (doc.errors.length > 0) return LAYOUT;
  if (doc.contents !== null && !isBlockMap(doc.contents)) return LAYOUT;
  const eol = lineEnding(text);
  // Applied from the end of the text, so that the offsets of earlier ones still hold.
  const changes: Change[] = [];
  const tail: string[] = [];

  if (source !== undefined) {
    const sources = doc.contents?.get('sources', true);
    const block = render(sourceNode(source));
    if (sources === undefined) tail.push(`sources:${eol}${indent(block, 2, eol)}`);
    else if (isBlockMap(sources) && sources.items.length > 0) {
      const last = sources.items[sources.items.length - 1]!;
      const at = afterLine(text, (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range?.[1]);
      changes.push(insertion(at.offset, at.prefix + indent(block, columnOf(text, sources), eol)));
    } else if (isMap(sources) && sources.items.length === 0) {
      const replaced = replaceEmptyFlow(text, sources, indent(block, 2, eol), eol);
      if (replaced === undefined) return LAYOUT;
      changes.push(replaced);
    } else return LAYOUT;
  }

  const item = render(entryNode(entry));
  const entries = doc.contents?.get('entries', true);
  if (entries === undefined) tail.push(`entries:${eol}${indent(item, 2, eol)}`);
  else if (isSeq(entries) && entries.flow !== true && entries.items.length > 0) {
    const last = entries.items[entries.items.length - 1] as Node;
    const at = afterLine(text, last.range?.[1]);
    // A blank line before it, as between the entries already there.
    changes.push(insertion(at.offset, `${at.prefix}${eol}${indent(item, columnOf(text, entries), eol)}`));
  } else if (isSeq(entries) && entries.items.length === 0) {
    const replaced = replaceEmptyFlow(text, entries, indent(item, 2, eol), eol);
    if (replaced === undefined) return LAYOUT;
    changes.push(replaced);
  } else return LAYOUT;

  let edited = text;
  for (const c of changes.sort((a, b) => b.start - a.start)) edited = edited.slice(0, c.start) + c.text + edited.slice(c.end);
  if (tail.length > 0) edited = `${edited}${edited === '' || edited.endsWith('\n') ? '' : eol}${tail.join('')}`;

  const expected: Document = parse(text);
  if (expected.contents === null) expected.contents = expected.createNode({}) as YAMLMap;
  if (source !== undefined) {
    if (!expected.has('sources') || isScalar(expected.get('sources', true))) expected.set('sources', expected.createNode({}));
    expected.setIn(['sources', source.id], expected.createNode(sourceData(source)));
  }
  if (!expected.has('entries')) expected.set('entries', expected.createNode([]));
  (expected.get('entries', true) as YAMLSeq).add(expected.createNode(entryData(entry)));
  return verified(edited, expected);
}

/** `source` added at the end of the file's sources (the map made when there is none). */
export function appendSource(text: string, source: NewSource): Edited {
  const doc = parse(text);
  if (doc.errors.length > 0 || !isBlockMap(doc.contents)) return LAYOUT;
  const eol = lineEnding(text);
  const sources = doc.contents.get('sources', true);
  const block = render(sourceNode(source));
  let edited: string;
  if (sources === undefined) edited = `${text}${text.endsWith('\n') ? '' : eol}sources:${eol}${indent(block, 2, eol)}`;
  else if (isBlockMap(sources) && sources.items.length > 0) {
    const last = sources.items[sources.items.length - 1]!;
    const at = afterLine(text, (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range?.[1]);
    edited = splice(text, at.offset, at.prefix + indent(block, columnOf(text, sources), eol));
  } else if (isMap(sources) && sources.items.length === 0) {
    const replaced = replaceEmptyFlow(text, sources, indent(block, 2, eol), eol);
    if (replaced === undefined) return LAYOUT;
    edited = text.slice(0, replaced.start) + replaced.text + text.slice(replaced.end);
  } else return LAYOUT;
  const expected = parse(text);
  if (!expected.has('sources')) expected.set('sources', expected.createNode({}));
  expected.setIn(['sources', source.id], expected.createNode(sourceData(source)));
  return verified(edited, expected);
}

/** A whole new knowledge file holding one entry (and its source): the schema line, a note, the data. */
export function newKnowledgeFile(note: string, entry: NewEntry, source: NewSource | undefined): string {
  return newKnowledgeFileOf(note, source === undefined ? [] : [source], [entry]);
}

/** A whole new knowledge file: the schema line, a note, the sources, the entries a blank line apart. */
export function newKnowledgeFileOf(note: string, sources: readonly NewSource[], entries: readonly NewEntry[]): string {
  const comment = note
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  const parts = [`# yaml-language-server: $schema=./schema.json\n#\n${comment}\n`];
  if (sources.length > 0) parts.push(`sources:\n${sources.map((s) => indent(render(sourceNode(s)), 2, '\n')).join('')}`);
  parts.push(`entries:\n${entries.map((e) => indent(render(entryNode(e)), 2, '\n')).join('\n')}`);
  return parts.join('\n');
}

/** Entry `entryId` taken out of the file, with the blank line before it. */
export function removeEntry(text: string, entryId: string): Edited {
  const found = findEntry(text, entryId);
  if (!found.ok) return found;
  const { index, entry } = found;
  const start = entry.range?.[0];
  if (start === undefined) return LAYOUT;
  let from = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(from, start).trim() !== '-') return LAYOUT;
  const blank = /(?:^|\n)[ \t]*\r?\n$/.exec(text.slice(0, from));
  if (blank !== null) from -= blank[0].length - (blank[0].startsWith('\n') ? 1 : 0);
  const edited = text.slice(0, from) + text.slice(afterLine(text, entry.range?.[1]).offset);
  const expected = parse(text);
  (expected.get('entries', true) as YAMLSeq).delete(index);
  return verified(edited, expected);
}

/** The given fields of entry `entryId` replaced (or added after its last field); other lines stay. */
export function setEntryFields(text: string, entryId: string, fields: EntryFields): Edited {
  let edited = text;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const one = setEntryField(edited, entryId, key, value as string | readonly string[]);
    if (!one.ok) return one;
    edited = one.text;
  }
  return { ok: true, text: edited };
}

function setEntryField(text: string, entryId: string, key: string, value: string | readonly string[]): Edited {
  const found = findEntry(text, entryId);
  if (!found.ok) return found;
  const { index, entry } = found;
  const eol = lineEnding(text);
  const column = columnOf(text, entry);
  const block = indent(render(fieldNode(key, value)), column, eol).slice(column);
  const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === key);
  let edited: string;
  if (pair !== undefined) {
    const start = (pair.key as Node).range?.[0];
    if (start === undefined) return LAYOUT;
    edited = text.slice(0, start) + block + text.slice(afterLine(text, (pair.value as Node | null)?.range?.[1]).offset);
  } else {
    const last = entry.items[entry.items.length - 1];
    const at = afterLine(text, (last?.value as Node | null)?.range?.[1]);
    edited = splice(text, at.offset, at.prefix + ' '.repeat(column) + block);
  }
  const expected = parse(text);
  expected.setIn(['entries', index, key], expected.createNode(typeof value === 'string' ? value : [...value]));
  return verified(edited, expected);
}

type Found = { readonly ok: true; readonly index: number; readonly entry: YAMLMap } | Exclude<Edited, { ok: true }>;

function findEntry(text: string, entryId: string): Found {
  const doc = parse(text);
  if (doc.errors.length > 0 || !isBlockMap(doc.contents)) return LAYOUT;
  const entries = doc.contents.get('entries', true);
  if (!isSeq(entries) || entries.flow === true) return { ok: false, why: 'no-entry' };
  const index = entries.items.findIndex((item) => isMap(item) && item.get('id') === entryId);
  if (index < 0) return { ok: false, why: 'no-entry' };
  const entry = entries.items[index];
  return isBlockMap(entry) ? { ok: true, index, entry } : LAYOUT;
}

/** The edited text when it parses to exactly what `expected` holds; the layout refusal otherwise. */
function verified(edited: string, expected: Document): Edited {
  const after = parse(edited);
  if (after.errors.length > 0 || !isDeepStrictEqual(after.toJS(), expected.toJS())) return LAYOUT;
  return { ok: true, text: edited };
}

function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && node.flow !== true;
}

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function splice(text: string, offset: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset);
}

/** Where a new line goes after a node ending at `end`: after its line (and a comment on it). */
function afterLine(text: string, end: number | undefined): { offset: number; prefix: string } {
  const from = end ?? text.length;
  // Block scalars end with their line break.
  if (from > 0 && text[from - 1] === '\n') return { offset: from, prefix: '' };
  const newline = text.indexOf('\n', from);
  if (newline >= 0) return { offset: newline + 1, prefix: '' };
  return { offset: text.length, prefix: lineEnding(text) };
}

/** The column a block collection's first item starts at. */
function columnOf(text: string, node: YAMLSeq | YAMLMap): number {
  const first = node.items[0];
  const start = isMap(node) ? ((first as { key: Node } | undefined)?.key?.range?.[0] ?? node.range?.[0]) : node.range?.[0];
  const offset = start ?? 0;
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * An empty flow collection (`entries: []`) replaced by a block holding `block`: the
 * brackets go, the block starts on the next line. Only when nothing else is on that line.
 */
function replaceEmptyFlow(text: string, node: YAMLSeq | YAMLMap, block: string, eol: string): Change | undefined {
  const [start, end] = [node.range?.[0], node.range?.[1]];
  if (start === undefined || end === undefined) return undefined;
  const rest = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(end));
  if (rest === null) return undefined;
  // From the opening bracket to the end of its line; the key's line keeps its text before it.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start).trimEnd();
  return { start: lineStart, end: end + rest[0].length, text: `${before}${eol}${block}` };
}

/** One change to the text: `text` in place of [start, end). */
interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function insertion(offset: number, text: string): Change {
  return { start: offset, end: offset, text };
}

/** Each line of `block` (as yaml wrote it, with \n) indented, joined with the file's line ending. */
function indent(block: string, spaces: number, eol: string): string {
  const pad = ' '.repeat(spaces);
  return (
    block
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => (line === '' ? '' : pad + line))
      .join(eol) + eol
  );
}

/** A string as a block-context YAML scalar: plain when that reads back the same, else quoted. */
function renderScalar(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

/** A string as an item of a flow list, where commas and brackets need quotes too. */
function renderFlowScalar(value: string): string {
  const doc = new Document([value]);
  (doc.contents as YAMLSeq).flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trim().slice(1, -1);
}

function render(node: (doc: Document) => Node): string {
  const doc = new Document();
  doc.contents = node(doc);
  return doc.toString({ lineWidth: LINE_WIDTH, flowCollectionPadding: false });
}

function sourceData(source: NewSource) {
  return { publisher: source.publisher, title: source.title, url: source.url };
}

function entryData(entry: NewEntry) {
  const alternates = entry.alternates !== undefined && entry.alternates.length > 0 ? { alternates: [...entry.alternates] } : {};
  return { id: entry.id, question: entry.question, ...alternates, answer: entry.answer, sources: [...entry.sources], tags: [...entry.tags] };
}

/** `key: value` alone, styled as entryNode styles that field. */
function fieldNode(key: string, value: string | readonly string[]): (doc: Document) => Node {
  return (doc) => {
    const map = doc.createNode({ [key]: typeof value === 'string' ? value : [...value] }) as YAMLMap;
    styleFields(map);
    return map;
  };
}

/** Answers folded (literal when they hold line breaks, which folding would make hard to read); sources and tags as flow lists. */
function styleFields(map: YAMLMap): void {
  const answer = map.get('answer', true);
  if (isScalar(answer)) answer.type = String(answer.value).includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
  for (const key of ['sources', 'tags']) {
    const list = map.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
}

/** `id: {publisher, title, url}`, as the shipped files write a source. */
function sourceNode(source: NewSource): (doc: Document) => Node {
  return (doc) => doc.createNode({ [source.id]: sourceData(source) }) as Node;
}

/** `- id, question, answer (folded), sources [..], tags [..]`, as the shipped files write an entry. */
function entryNode(entry: NewEntry): (doc: Document) => Node {
  return (doc) => {
    const map = doc.createNode(entryData(entry)) as YAMLMap;
    styleFields(map);
    if (entry.questionNote !== undefined) {
      const question = map.items.find((p) => isScalar(p.key) && p.key.value === 'question');
      if (question !== undefined && isScalar(question.key)) question.key.commentBefore = entry.questionNote;
    }
    return doc.createNode([map]) as Node;
  };
}

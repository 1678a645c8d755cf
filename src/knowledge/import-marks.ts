import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * What faq:import leaves in a file for a moderator: a comment over each question it made up
 * from a name, and a placeholder address for a source it knew no address of. faq:check
 * finds both again, so `--strict` lists them until a moderator has fixed them.
 */
export const MADE_UP_COMMENT = ' faq:import made this question up from a name: reword it as members ask it, then delete this line';
const MADE_UP_KEY = 'faq:import made this question up';

/** A reserved top-level domain (RFC 2606): the address never resolves and is plainly not real. */
export const PLACEHOLDER_HOST = 'address-needed.invalid';

export function placeholderUrl(name: string): string {
  return `https://${PLACEHOLDER_HOST}/${encodeURIComponent(name)}`;
}

export function isPlaceholderUrl(url: string): boolean {
  return url.startsWith(`https://${PLACEHOLDER_HOST}/`);
}

export interface MarkedQuestion {
  readonly entryId: string;
  readonly line: number;
  readonly column: number;
}

/** The entries of a knowledge file whose question still carries the made-up comment. */
export function madeUpQuestions(text: string): MarkedQuestion[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core' });
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) return [];
  const found: MarkedQuestion[] = [];
  for (const item of entries.items) {
    if (!isMap(item)) continue;
    const pair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'question');
    const key = pair?.key as Node | undefined;
    const comment = `${key?.commentBefore ?? ''}\n${item.commentBefore ?? ''}`;
    const id = item.get('id');
    if (!comment.includes(MADE_UP_KEY) || typeof id !== 'string') continue;
    const pos = lines.linePos(key?.range?.[0] ?? 0);
    found.push({ entryId: id, line: pos.line, column: pos.col });
  }
  return found;
}

export interface MarkedSource {
  readonly sourceId: string;
  readonly line: number;
  readonly column: number;
}

/** The sources of a knowledge file whose url is still the importer's placeholder. */
export function placeholderSources(text: string): MarkedSource[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core' });
  const sources = doc.get('sources', true);
  if (!isMap(sources)) return [];
  const found: MarkedSource[] = [];
  for (const pair of sources.items) {
    const url = isMap(pair.value) ? pair.value.get('url', true) : undefined;
    if (!isScalar(url) || typeof url.value !== 'string' || !isPlaceholderUrl(url.value) || !isScalar(pair.key)) continue;
    const pos = lines.linePos(url.range?.[0] ?? 0);
    found.push({ sourceId: String(pair.key.value), line: pos.line, column: pos.col });
  }
  return found;
}

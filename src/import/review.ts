import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { IMPORT_MESSAGES as M } from './messages.js';
import type { Plan } from './plan.js';

/** What a moderator should look at, each at its line in the written file. */
export function reviewLines(text: string, plans: readonly Plan[], file: string): string[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core' });
  const lineOf = (node: unknown) => {
    const offset = (node as Node | undefined)?.range?.[0];
    return offset === undefined ? 1 : lines.linePos(offset).line;
  };
  const entries = doc.get('entries', true);
  const questionLine = new Map<string, number>();
  if (isSeq(entries)) {
    for (const item of entries.items) {
      if (isMap(item) && isScalar(item.get('id', true))) questionLine.set(String(item.get('id')), lineOf(item.get('question', true)));
    }
  }
  const found: string[] = [];
  for (const plan of plans) {
    for (const id of plan.placeholders) found.push(M.review(`${file}:${lineOf(doc.getIn(['sources', id], true))}`, M.noAddress(id)));
    for (const e of plan.entries) {
      for (const what of e.review) found.push(M.review(`${file}:${questionLine.get(e.id) ?? 1}`, `${e.id}: ${what}`));
    }
  }
  return found;
}

import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Place } from './parse-file.js';

/** A field of one entry: ['review_by'], ['question'], ['alternates', 2]... */
export type EntryPath = readonly (string | number)[];

/**
 * Where the values of a valid file's entries are, for warnings about a folder that loaded
 * (the snapshot keeps no places). Each file is read and parsed once, when first asked; a
 * value that cannot be found (the file changed since) is placed at the top of the file.
 */
export class EntryPlaces {
  private readonly files = new Map<string, Promise<(entryId: string, path: EntryPath) => Place>>();

  async of(file: string, entryId: string, path: EntryPath): Promise<Place> {
    let finder = this.files.get(file);
    if (finder === undefined) {
      finder = readFile(file, 'utf8').then(placesIn, () => () => ({ line: 1, column: 1 }));
      this.files.set(file, finder);
    }
    return (await finder)(entryId, path);
  }
}

function placesIn(text: string): (entryId: string, path: EntryPath) => Place {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core' });
  const entries = doc.get('entries', true);
  return (entryId, path) => {
    let node: unknown = isSeq(entries)
      ? entries.items.find((item) => isMap(item) && isScalar(item.get('id', true)) && item.get('id') === entryId)
      : undefined;
    for (const key of path) {
      const child: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
      if (child === undefined) break;
      node = child;
    }
    const offset = (node as Node | undefined)?.range?.[0];
    if (offset === undefined) return { line: 1, column: 1 };
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

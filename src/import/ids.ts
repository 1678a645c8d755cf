import { KNOWLEDGE_LIMITS as L } from '../knowledge/limits.js';
import { IMPORT_LIMITS } from './limits.js';

const FILLER = new Set(['a', 'an', 'the']);

/**
 * An id from a name ("no-content", "Bot About Me") or a question: lowercase letters and
 * digits in hyphen-joined words. A name keeps all its words; a question its first few,
 * without articles. Empty when nothing is left (a question in another script).
 */
export function idFrom(text: string, kind: 'name' | 'question'): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !(kind === 'question' && FILLER.has(w)));
  const max = kind === 'name' ? L.idLength - 3 : IMPORT_LIMITS.idWords;
  let id = '';
  for (const word of words) {
    if (id !== '' && id.length + word.length + 1 > max) break;
    id = id === '' ? word.slice(0, max) : `${id}-${word}`;
  }
  return id;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet; taken from then on. */
export function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

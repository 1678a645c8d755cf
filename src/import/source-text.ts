import { IMPORT_LIMITS } from './limits.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { BadSource } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as text, or one line: too big, binary (a NUL byte, or not UTF-8), or empty. */
export function checkedText(bytes: Uint8Array, place: string): string {
  if (bytes.length > IMPORT_LIMITS.sourceBytes) throw new BadSource(M.tooBig(place, bytes.length, IMPORT_LIMITS.sourceBytes));
  if (bytes.includes(0)) throw new BadSource(M.binary(place));
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BadSource(M.binary(place));
  }
  if (text.trim() === '') throw new BadSource(M.empty(place));
  return text;
}

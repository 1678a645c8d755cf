import Fuse from 'fuse.js';


/**
 * Corrects a misspelt word against the knowledge base's own vocabulary. Fuse.js decides
 * which word is closest; it only ever sees a handful of candidates, found through a
 * table of one-letter deletions (SymSpell's idea), because running bitap over the whole
 * vocabulary for every word of every question grows with the FAQ.
 */
export class SpellingCorrector {
  private readonly byDeletion: DeletionTable;
  private readonly known: ReadonlySet<string>;

  constructor(vocabulary: Iterable<string>, private readonly maxScore: number, table?: DeletionTableData) {
    this.known = new Set(vocabulary);
    this.byDeletion = new DeletionTable(table ?? deletionTable([...this.known]));
  }

  /** What another thread needs to make the same corrector (SpellingCorrector.fromData). */
  toData(): SpellingData {
    return { maxScore: this.maxScore, table: this.byDeletion.data };
  }

  static fromData({ maxScore, table }: SpellingData): SpellingCorrector {
    return new SpellingCorrector(table.words, maxScore, table);
  }

  /** The closest known word, or undefined when nothing is close enough. */
  correct(word: string): string | undefined {
    if (this.known.has(word)) return word;
    // A dropped g ("tryin", "savin") is the commonest chat spelling.
    if (word.endsWith('in') && this.known.has(`${word}g`)) return `${word}g`;
    const candidates = new Set<string>();
    const add = (key: string) => {
      if (this.known.has(key)) candidates.add(key);
      this.byDeletion.forEach(key, (w) => candidates.add(w));
    };
    add(word);
    for (const once of deletions(word)) {
      add(once);
      // Two letters too many in the question ("goaaal").
      if (word.length > 6) for (const twice of deletions(once)) if (this.known.has(twice)) candidates.add(twice);
    }
    if (candidates.size === 0) return undefined;
    const fuse = new Fuse([...candidates], { includeScore: true, threshold: this.maxScore, ignoreLocation: true });
    const best = fuse.search(word, { limit: 1 })[0];
    return best !== undefined && (best.score ?? 1) <= this.maxScore ? best.item : undefined;
  }
}

/** A SpellingCorrector as plain data: a few strings and typed arrays, cheap to send and to keep. */
export interface SpellingData {
  readonly maxScore: number;
  readonly table: DeletionTableData;
}

/**
 * Every known word under each of its one-letter deletions ("london" under "ondon",
 * "lndon"...), as flat arrays: an open-addressing hash table of the deletions, each with
 * its words in the order they were known. About a third of the memory of a Map of arrays,
 * and movable to another thread as is.
 */
export interface DeletionTableData {
  /** The known words, in order; lists refer to them by position. */
  readonly words: readonly string[];
  /** The deletions end to end; deletion i ends at keyEnds[i]. */
  readonly keys: string;
  readonly keyEnds: Uint32Array;
  /** Deletion i's words: lists[listEnds[i - 1] .. listEnds[i]) (from 0 for the first). */
  readonly lists: Uint32Array;
  readonly listEnds: Uint32Array;
  /** The hash table: deletion number + 1 at each slot, 0 for an empty slot. */
  readonly slots: Uint32Array;
}

class DeletionTable {
  private readonly mask: number;

  constructor(readonly data: DeletionTableData) {
    this.mask = data.slots.length - 1;
  }

  /** Calls `visit` with each word under `key`, in order. */
  forEach(key: string, visit: (word: string) => void): void {
    const { words, keys, keyEnds, lists, listEnds, slots } = this.data;
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slots[slot]!;
      if (at === 0) return;
      const k = at - 1;
      const start = k === 0 ? 0 : keyEnds[k - 1]!;
      if (keyEnds[k]! - start !== key.length || !sameText(keys, start, key)) continue;
      for (let i = k === 0 ? 0 : listEnds[k - 1]!; i < listEnds[k]!; i++) visit(words[lists[i]!]!);
      return;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameText(text: string, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** The deletion table of `known`, built without a Map (the slots are sized for every deletion). */
function deletionTable(known: readonly string[]): DeletionTableData {
  let most = 0;
  for (const word of known) most += word.length;
  let capacity = 8;
  while (capacity < 2 * most) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Uint32Array(capacity);
  const keyList: string[] = [];
  const wordsOf: number[][] = [];
  for (let w = 0; w < known.length; w++) {
    for (const variant of deletions(known[w]!)) {
      let slot = hash(variant) & mask;
      for (; slots[slot] !== 0 && keyList[slots[slot]! - 1] !== variant; slot = (slot + 1) & mask);
      if (slots[slot] === 0) {
        keyList.push(variant);
        wordsOf.push([w]);
        slots[slot] = keyList.length;
      } else {
        const list = wordsOf[slots[slot]! - 1]!;
        if (list[list.length - 1] !== w) list.push(w);
      }
    }
  }
  const keyEnds = new Uint32Array(keyList.length);
  const listEnds = new Uint32Array(keyList.length);
  let keyEnd = 0;
  let listEnd = 0;
  for (let k = 0; k < keyList.length; k++) {
    keyEnds[k] = keyEnd += keyList[k]!.length;
    listEnds[k] = listEnd += wordsOf[k]!.length;
  }
  const lists = new Uint32Array(listEnd);
  let at = 0;
  for (const list of wordsOf) for (const w of list) lists[at++] = w;
  return { words: known, keys: keyList.join(''), keyEnds, lists, listEnds, slots };
}

function* deletions(word: string): Generator<string> {
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
}

/**
 * Words of the FAQ's alternates that are typos on purpose ("pakistn", "foriegn"), written
 * so that members who misspell find the entry. Left as they are, each would be a rare,
 * heavy term of one entry; the matcher corrects members' typos itself, so they are read
 * as the word they misspell. A typo here is a word used once, only in alternates, that
 * becomes a word of the FAQ's prose (or one it uses twice) by adding one letter or by
 * swapping two neighbours, keeping its first letter, and is not just another form of it.
 */
export function typosInAlternates(
  alternateOnly: Iterable<string>,
  reference: ReadonlyMap<string, number>,
  stem: (word: string) => string,
  minLength = 5,
): Map<string, string> {
  const byDeletion = new Map<string, string[]>();
  let n = 0;
  for (const word of reference.keys()) {
    for (const variant of deletions(word)) {
      const list = byDeletion.get(variant);
      if (list === undefined) byDeletion.set(variant, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }
  const out = new Map<string, string>();
  for (const word of alternateOnly) {
    if (word.length < minLength || reference.has(word)) continue;
    const candidates = [...(byDeletion.get(word) ?? [])];
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
      if (reference.has(swapped)) candidates.push(swapped);
    }
    let best: string | undefined;
    for (const c of candidates) {
      if (c[0] !== word[0] || stem(c) === stem(word)) continue;
      if (best === undefined || reference.get(c)! > reference.get(best)!) best = c;
    }
    if (best !== undefined) out.set(word, best);
  }
  return out;
}

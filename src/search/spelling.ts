import Fuse from 'fuse.js';

/**
 * Corrects a misspelt word against the knowledge base's own vocabulary. Fuse.js decides
 * which word is closest; it only ever sees a handful of candidates, found through a
 * table of one-letter deletions (SymSpell's idea), because running bitap over the whole
 * vocabulary for every word of every question grows with the FAQ.
 */
export class SpellingCorrector {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly known: ReadonlySet<string>;

  constructor(vocabulary: Iterable<string>, private readonly maxScore: number) {
    this.known = new Set(vocabulary);
    for (const word of this.known) {
      for (const variant of deletions(word)) {
        const list = this.byDeletion.get(variant);
        if (list === undefined) this.byDeletion.set(variant, [word]);
        else if (list[list.length - 1] !== word) list.push(word);
      }
    }
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The closest known word, or undefined when nothing is close enough. */
  correct(word: string): string | undefined {
    if (this.known.has(word)) return word;
    // A dropped g ("tryin", "savin") is the commonest chat spelling.
    if (word.endsWith('in') && this.known.has(`${word}g`)) return `${word}g`;
    const candidates = new Set<string>();
    const add = (key: string) => {
      if (this.known.has(key)) candidates.add(key);
      for (const w of this.byDeletion.get(key) ?? []) candidates.add(w);
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

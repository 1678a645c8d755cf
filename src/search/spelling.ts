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

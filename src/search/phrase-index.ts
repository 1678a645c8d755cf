import type { Entry } from '../knowledge/types.js';
import type { Analyzer } from './analyzer.js';

/**
 * An inverted index over phrasings: each entry's question, every alternate and its tags,
 * indexed separately so that an entry is as good as its best phrasing. Answers are kept
 * apart, as weak support only: their everyday words would otherwise pull unrelated
 * questions in.
 */
export class PhraseIndex {
  readonly termIds = new Map<string, number>();
  /**
   * A term's weight: its inverse document frequency counted over entries (not
   * phrasings), scaled down for question words.
   */
  readonly weight: number[] = [];
  /** Phrasings per term id. */
  readonly postings: Uint32Array[] = [];
  /** Entries whose answer has the term, per term id (a weak, supporting signal only). */
  readonly answerPostings: Uint32Array[] = [];
  /** For each phrasing: its entry's position, and the summed weight of its terms. */
  readonly phrasingEntry: Uint32Array;
  readonly phrasingWeight: Float64Array;
  /** 1 for the phrasing made of an entry's tags. */
  readonly phrasingIsTags: Uint8Array;
  /** Every surface word seen, for spelling correction and prefix completion. */
  readonly words = new Set<string>();
  /** Surface words seen in questions, alternates and tags (not only in answers). */
  readonly phrasingWords = new Set<string>();
  /** The idf of a word no entry has: rarer than any known word. */
  readonly unknownIdf: number;
  /** The idf of a word exactly one entry has. */
  readonly singleIdf: number;

  constructor(entries: readonly Entry[], analyzer: Analyzer, questionWordWeight: number, tagsAsPhrasing = true) {
    const phrasings: { entry: number; terms: number[]; tags: boolean }[] = [];
    const questionWords = new Set<number>();
    const entryCount = new Map<number, number>();
    const termsOfEntry: Set<number>[] = [];
    const idOf = (term: string): number => {
      let id = this.termIds.get(term);
      if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
      return id;
    };
    entries.forEach((entry, e) => {
      const seenInEntry = new Set<number>();
      termsOfEntry.push(seenInEntry);
      const texts = [entry.question, ...entry.alternates];
      if (tagsAsPhrasing) texts.push(entry.tags.join(' '));
      texts.forEach((text, t) => {
        const terms: number[] = [];
        for (const token of analyzer.tokens(text)) {
          if (!token.intent) {
            this.words.add(token.word);
            this.phrasingWords.add(token.word);
          }
          const id = idOf(token.term);
          if (terms.includes(id)) continue;
          terms.push(id);
          if (token.questionWord) questionWords.add(id);
          if (!seenInEntry.has(id)) {
            seenInEntry.add(id);
            entryCount.set(id, (entryCount.get(id) ?? 0) + 1);
          }
        }
        if (terms.length > 0) phrasings.push({ entry: e, terms, tags: tagsAsPhrasing && t === texts.length - 1 });
      });
    });

    // Answers add terms too, so that a word found only there is not taken for an unknown.
    const answerLists = new Map<number, number[]>();
    entries.forEach((entry, e) => {
      const inEntry = termsOfEntry[e]!;
      for (const token of analyzer.tokens(tagsAsPhrasing ? entry.answer : `${entry.answer} ${entry.tags.join(' ')}`)) {
        if (token.intent) continue;
        this.words.add(token.word);
        const id = idOf(token.term);
        if (token.questionWord) questionWords.add(id);
        const list = answerLists.get(id) ?? [];
        if (list[list.length - 1] === e) continue;
        list.push(e);
        answerLists.set(id, list);
        if (!inEntry.has(id)) {
          inEntry.add(id);
          entryCount.set(id, (entryCount.get(id) ?? 0) + 1);
        }
      }
    });

    const n = entries.length;
    for (let id = 0; id < this.termIds.size; id++) {
      const df = entryCount.get(id) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.weight[id] = questionWords.has(id) ? idf * questionWordWeight : idf;
    }
    this.unknownIdf = Math.log(1 + (n + 0.5) / 0.5);
    this.singleIdf = Math.log(1 + (n - 0.5) / 1.5);

    const lists: number[][] = Array.from({ length: this.termIds.size }, () => []);
    this.phrasingEntry = new Uint32Array(phrasings.length);
    this.phrasingWeight = new Float64Array(phrasings.length);
    this.phrasingIsTags = new Uint8Array(phrasings.length);

    phrasings.forEach((p, i) => {
      this.phrasingEntry[i] = p.entry;
      this.phrasingIsTags[i] = p.tags ? 1 : 0;
      let weight = 0;
      for (const id of p.terms) {
        lists[id]!.push(i);
        weight += this.weight[id]!;
      }
      this.phrasingWeight[i] = weight;
    });
    for (const list of lists) this.postings.push(Uint32Array.from(list));
    for (let id = 0; id < this.termIds.size; id++) {
      this.answerPostings.push(Uint32Array.from(answerLists.get(id) ?? []));
    }
  }

  get phrasingCount(): number {
    return this.phrasingEntry.length;
  }
}

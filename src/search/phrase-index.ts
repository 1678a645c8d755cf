import type { Analyzer } from './analyzer.js';

/** An entry's texts, each already normalised (normalize()) once for the whole build. */
export interface NormalizedEntry {
  readonly question: string;
  readonly alternates: readonly string[];
  /** The tags joined by spaces. */
  readonly tagLine: string;
  /** The answer, with the tags after it when tags are not a phrasing of their own. */
  readonly answer: string;
}

/**
 * An inverted index over phrasings: each entry's question, every alternate and its tags,
 * indexed separately so that an entry is as good as its best phrasing. Answers are kept
 * apart, as weak support only: their everyday words would otherwise pull unrelated
 * questions in. Flat arrays and lists, so that a worker can build it and send it: the typed
 * arrays' buffers are moved, not copied.
 */
export interface PhraseIndexData {
  /** Each term, by id. */
  readonly terms: readonly string[];
  /**
   * A term's weight: its inverse document frequency counted over entries (not
   * phrasings), scaled down for question words.
   */
  readonly weight: Float64Array;
  /** Phrasings per term id, one term after the other, in phrasing order: term i's are postings[postingStarts[i] .. postingStarts[i + 1]). */
  readonly postings: Uint32Array;
  readonly postingStarts: Uint32Array;
  /** Entries whose answer has the term (a weak, supporting signal only), laid out as postings. */
  readonly answerPostings: Uint32Array;
  readonly answerStarts: Uint32Array;
  /** For each phrasing: its entry's position, and the summed weight of its terms. */
  readonly phrasingEntry: Uint32Array;
  readonly phrasingWeight: Float64Array;
  /** 1 for the phrasing made of an entry's tags. */
  readonly phrasingIsTags: Uint8Array;
  /** Each phrasing's terms, in order: phrasing i's are phrasingTerms[phrasingTermStarts[i] .. phrasingTermStarts[i + 1]). */
  readonly phrasingTerms: Uint32Array;
  readonly phrasingTermStarts: Uint32Array;
  /** Every surface word seen, for spelling correction and prefix completion. */
  readonly words: readonly string[];
  /** The idf of a word no entry has: rarer than any known word. */
  readonly unknownIdf: number;
}

/** The index's data, and the term look-up a question needs. */
export class PhraseIndex {
  readonly termIds: Map<string, number>;

  constructor(readonly data: PhraseIndexData) {
    this.termIds = new Map(data.terms.map((term, id) => [term, id]));
  }

  get phrasingCount(): number {
    return this.data.phrasingEntry.length;
  }

  /** Indexes the entries (their normalised texts). */
  static build(entries: readonly NormalizedEntry[], analyzer: Analyzer, questionWordWeight: number, tagsAsPhrasing = true): PhraseIndexData {
    const termIds = new Map<string, number>();
    const words = new Set<string>();
    // Per term id: entries having it, whether it is a question word, entries whose answer has it.
    const entryCount: number[] = [];
    const isQuestionWord: boolean[] = [];
    const answerLists: number[][] = [];
    // Per term id, the last entry counted in entryCount (phrasings pass), then (answers pass) the
    // entry being read when the term was last seen in it.
    const seenIn: number[] = [];
    const idOf = (term: string): number => {
      let id = termIds.get(term);
      if (id === undefined) {
        termIds.set(term, (id = termIds.size));
        entryCount.push(0);
        isQuestionWord.push(false);
        answerLists.push([]);
        seenIn.push(-1);
      }
      return id;
    };

    // Phrasings, flat: phrasing i is entry phrasingEntries[i], terms termList[termStart[i] .. termStart[i + 1]).
    const phrasingEntries: number[] = [];
    const phrasingTags: boolean[] = [];
    const termList: number[] = [];
    const termStart: number[] = [0];
    const readPhrasing = (e: number, text: string, tags: boolean) => {
      const from = termList.length;
      for (const token of analyzer.tokensOf(text)) {
        if (!token.intent) {
          words.add(token.word);
        }
        const id = idOf(token.term);
        let repeated = false;
        for (let k = from; k < termList.length; k++) {
          if (termList[k] === id) {
            repeated = true;
            break;
          }
        }
        if (repeated) continue;
        termList.push(id);
        if (token.questionWord) isQuestionWord[id] = true;
        if (seenIn[id] !== e) {
          seenIn[id] = e;
          entryCount[id]!++;
        }
      }
      if (termList.length > from) {
        phrasingEntries.push(e);
        phrasingTags.push(tags);
        termStart.push(termList.length);
      }
    };
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      readPhrasing(e, entry.question, false);
      for (const alternate of entry.alternates) readPhrasing(e, alternate, false);
      if (tagsAsPhrasing) readPhrasing(e, entry.tagLine, true);
    }

    // Answers add terms too, so that a word found only there is not taken for an unknown.
    seenIn.fill(-1);
    let p = 0;
    for (let e = 0; e < entries.length; e++) {
      // The terms the entry's phrasings have already counted for it.
      for (; p < phrasingEntries.length && phrasingEntries[p] === e; p++) {
        for (let k = termStart[p]!; k < termStart[p + 1]!; k++) seenIn[termList[k]!] = e;
      }
      for (const token of analyzer.tokensOf(entries[e]!.answer)) {
        if (token.intent) continue;
        words.add(token.word);
        const id = idOf(token.term);
        if (token.questionWord) isQuestionWord[id] = true;
        const list = answerLists[id]!;
        if (list[list.length - 1] === e) continue;
        list.push(e);
        if (seenIn[id] !== e) {
          seenIn[id] = e;
          entryCount[id]!++;
        }
      }
    }

    const n = entries.length;
    const terms = termIds.size;
    const weight = new Float64Array(terms);
    for (let id = 0; id < terms; id++) {
      const df = entryCount[id]!;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      weight[id] = isQuestionWord[id] ? idf * questionWordWeight : idf;
    }

    const phrasings = phrasingEntries.length;
    const phrasingEntry = Uint32Array.from(phrasingEntries);
    const phrasingWeight = new Float64Array(phrasings);
    const phrasingIsTags = new Uint8Array(phrasings);
    const postingStarts = new Uint32Array(terms + 1);
    for (let i = 0; i < phrasings; i++) {
      phrasingIsTags[i] = phrasingTags[i] ? 1 : 0;
      let sum = 0;
      for (let k = termStart[i]!; k < termStart[i + 1]!; k++) {
        const id = termList[k]!;
        postingStarts[id + 1]!++;
        sum += weight[id]!;
      }
      phrasingWeight[i] = sum;
    }
    for (let id = 0; id < terms; id++) postingStarts[id + 1]! += postingStarts[id]!;
    // Each term's phrasings in phrasing order.
    const postings = new Uint32Array(postingStarts[terms]!);
    const filled = postingStarts.slice(0, terms);
    for (let i = 0; i < phrasings; i++) {
      for (let k = termStart[i]!; k < termStart[i + 1]!; k++) postings[filled[termList[k]!]!++] = i;
    }
    const answerStarts = new Uint32Array(terms + 1);
    for (let id = 0; id < terms; id++) answerStarts[id + 1] = answerStarts[id]! + answerLists[id]!.length;
    const answerPostings = new Uint32Array(answerStarts[terms]!);
    for (let id = 0; id < terms; id++) {
      answerPostings.set(answerLists[id]!, answerStarts[id]!);
    }
    return {
      terms: [...termIds.keys()],
      weight,
      postings,
      postingStarts,
      answerPostings,
      answerStarts,
      phrasingEntry,
      phrasingWeight,
      phrasingIsTags,
      phrasingTerms: Uint32Array.from(termList),
      phrasingTermStarts: Uint32Array.from(termStart),
      words: [...words],
      unknownIdf: Math.log(1 + (n + 0.5) / 0.5),
    };
  }
}

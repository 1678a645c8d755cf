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
 * A PhraseIndex as flat arrays and lists, to send to another thread: the typed arrays'
 * buffers can be transferred rather than copied.
 */
export interface PhraseIndexData {
  /** Each term, by id. */
  readonly terms: readonly string[];
  readonly weight: Float64Array;
  /** Every term's postings one after the other; term i's are postingStarts[i] .. postingStarts[i + 1]. */
  readonly postings: Uint32Array;
  readonly postingStarts: Uint32Array;
  readonly answerPostings: Uint32Array;
  readonly answerStarts: Uint32Array;
  readonly phrasingEntry: Uint32Array;
  readonly phrasingWeight: Float64Array;
  readonly phrasingIsTags: Uint8Array;
  readonly phrasingTerms: Uint32Array;
  readonly phrasingTermStarts: Uint32Array;
  readonly words: readonly string[];
  readonly phrasingWords: readonly string[];
  readonly unknownIdf: number;
  readonly singleIdf: number;
}


/**
 * An inverted index over phrasings: each entry's question, every alternate and its tags,
 * indexed separately so that an entry is as good as its best phrasing. Answers are kept
 * apart, as weak support only: their everyday words would otherwise pull unrelated
 * questions in.
 */
export class PhraseIndex {
  readonly termIds: Map<string, number>;
  /**
   * A term's weight: its inverse document frequency counted over entries (not
   * phrasings), scaled down for question words.
   */
  readonly weight: Float64Array;
  /** Phrasings per term id, one term after the other: term i's are postings[postingStarts[i] .. postingStarts[i + 1]). */
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
  readonly words: Set<string>;
  /** Surface words seen in questions, alternates and tags (not only in answers). */
  readonly phrasingWords: Set<string>;
  /** The idf of a word no entry has: rarer than any known word. */
  readonly unknownIdf: number;
  /** The idf of a word exactly one entry has. */
  readonly singleIdf: number;

  private constructor(parts: Omit<PhraseIndex, 'phrasingCount' | 'toData'>) {
    this.termIds = parts.termIds;
    this.weight = parts.weight;
    this.postings = parts.postings;
    this.postingStarts = parts.postingStarts;
    this.answerPostings = parts.answerPostings;
    this.answerStarts = parts.answerStarts;
    this.phrasingEntry = parts.phrasingEntry;
    this.phrasingWeight = parts.phrasingWeight;
    this.phrasingIsTags = parts.phrasingIsTags;
    this.phrasingTerms = parts.phrasingTerms;
    this.phrasingTermStarts = parts.phrasingTermStarts;
    this.words = parts.words;
    this.phrasingWords = parts.phrasingWords;
    this.unknownIdf = parts.unknownIdf;
    this.singleIdf = parts.singleIdf;
  }

  /** Indexes the entries (their normalised texts). */
  static build(entries: readonly NormalizedEntry[], analyzer: Analyzer, questionWordWeight: number, tagsAsPhrasing = true): PhraseIndex {
    const termIds = new Map<string, number>();
    const words = new Set<string>();
    const phrasingWords = new Set<string>();
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
          phrasingWords.add(token.word);
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
    return new PhraseIndex({
      termIds,
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
      words,
      phrasingWords,
      unknownIdf: Math.log(1 + (n + 0.5) / 0.5),
      singleIdf: Math.log(1 + (n - 0.5) / 1.5),
    });
  }

  get phrasingCount(): number {
    return this.phrasingEntry.length;
  }

  /**
   * This index as PhraseIndexData: its own arrays, not copies (an index only built to be
   * sent elsewhere can hand them over).
   */
  toData(): PhraseIndexData {
    return {
      terms: [...this.termIds.keys()],
      weight: this.weight,
      postings: this.postings,
      postingStarts: this.postingStarts,
      answerPostings: this.answerPostings,
      answerStarts: this.answerStarts,
      phrasingEntry: this.phrasingEntry,
      phrasingWeight: this.phrasingWeight,
      phrasingIsTags: this.phrasingIsTags,
      phrasingTerms: this.phrasingTerms,
      phrasingTermStarts: this.phrasingTermStarts,
      words: [...this.words],
      phrasingWords: [...this.phrasingWords],
      unknownIdf: this.unknownIdf,
      singleIdf: this.singleIdf,
    };
  }

  /** The index that toData() described, on the same arrays. */
  static fromData(data: PhraseIndexData): PhraseIndex {
    return new PhraseIndex({
      termIds: new Map(data.terms.map((term, id) => [term, id])),
      weight: data.weight,
      postings: data.postings,
      postingStarts: data.postingStarts,
      answerPostings: data.answerPostings,
      answerStarts: data.answerStarts,
      phrasingEntry: data.phrasingEntry,
      phrasingWeight: data.phrasingWeight,
      phrasingIsTags: data.phrasingIsTags,
      phrasingTerms: data.phrasingTerms,
      phrasingTermStarts: data.phrasingTermStarts,
      words: new Set(data.words),
      phrasingWords: new Set(data.phrasingWords),
      unknownIdf: data.unknownIdf,
      singleIdf: data.singleIdf,
    });
  }
}

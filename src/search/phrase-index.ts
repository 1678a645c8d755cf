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
    const table = new TermTable();
    const phrasings = readPhrasings(entries, analyzer, table, tagsAsPhrasing);
    readAnswers(entries, analyzer, table, phrasings);
    const n = entries.length;
    const weight = table.weights(n, questionWordWeight);
    return {
      terms: [...table.ids.keys()],
      weight,
      ...phrasingPostings(phrasings, weight),
      ...answerPostings(table.answerLists),
      phrasingEntry: Uint32Array.from(phrasings.entries),
      phrasingIsTags: Uint8Array.from(phrasings.tags, (tags) => (tags ? 1 : 0)),
      phrasingTerms: Uint32Array.from(phrasings.terms),
      phrasingTermStarts: Uint32Array.from(phrasings.starts),
      words: [...table.words],
      unknownIdf: Math.log(1 + (n + 0.5) / 0.5),
    };
  }
}

/** Terms by id as a build meets them, with what their weights are counted from. */
class TermTable {
  readonly ids = new Map<string, number>();
  readonly words = new Set<string>();
  /** Per term id: entries having it, whether it is a question word, entries whose answer has it. */
  readonly entryCount: number[] = [];
  readonly isQuestionWord: boolean[] = [];
  readonly answerLists: number[][] = [];
  /**
   * Per term id, the last entry counted in entryCount (phrasings pass), then (answers pass)
   * the entry being read when the term was last seen in it.
   */
  readonly seenIn: number[] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      this.ids.set(term, (id = this.ids.size));
      this.entryCount.push(0);
      this.isQuestionWord.push(false);
      this.answerLists.push([]);
      this.seenIn.push(-1);
    }
    return id;
  }

  /** Counts entry `e` as having term `id`, once. */
  count(id: number, e: number): void {
    if (this.seenIn[id] !== e) {
      this.seenIn[id] = e;
      this.entryCount[id]!++;
    }
  }

  /** Each term's inverse document frequency over entries (not phrasings), question words scaled down. */
  weights(entries: number, questionWordWeight: number): Float64Array {
    const weight = new Float64Array(this.ids.size);
    for (let id = 0; id < weight.length; id++) {
      const df = this.entryCount[id]!;
      const idf = Math.log(1 + (entries - df + 0.5) / (df + 0.5));
      weight[id] = this.isQuestionWord[id] ? idf * questionWordWeight : idf;
    }
    return weight;
  }
}

/** Phrasings, flat: phrasing i is of entry entries[i], its terms terms[starts[i] .. starts[i + 1]). */
interface Phrasings {
  readonly entries: number[];
  readonly tags: boolean[];
  readonly terms: number[];
  readonly starts: number[];
}

function readPhrasings(entries: readonly NormalizedEntry[], analyzer: Analyzer, table: TermTable, tagsAsPhrasing: boolean): Phrasings {
  const out: Phrasings = { entries: [], tags: [], terms: [], starts: [0] };
  const read = (e: number, text: string, tags: boolean) => {
    const from = out.terms.length;
    for (const token of analyzer.tokensOf(text)) {
      if (!token.intent) table.words.add(token.word);
      const id = table.idOf(token.term);
      // A word said twice in one phrasing counts once (phrasings are a few words: a scan is enough).
      if (out.terms.indexOf(id, from) !== -1) continue;
      out.terms.push(id);
      if (token.questionWord) table.isQuestionWord[id] = true;
      table.count(id, e);
    }
    if (out.terms.length > from) {
      out.entries.push(e);
      out.tags.push(tags);
      out.starts.push(out.terms.length);
    }
  };
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    read(e, entry.question, false);
    for (const alternate of entry.alternates) read(e, alternate, false);
    if (tagsAsPhrasing) read(e, entry.tagLine, true);
  }
  return out;
}

/** Answers add terms too, so that a word found only there is not taken for an unknown. */
function readAnswers(entries: readonly NormalizedEntry[], analyzer: Analyzer, table: TermTable, phrasings: Phrasings): void {
  const { seenIn } = table;
  seenIn.fill(-1);
  let p = 0;
  for (let e = 0; e < entries.length; e++) {
    // The terms the entry's phrasings have already counted for it.
    for (; p < phrasings.entries.length && phrasings.entries[p] === e; p++) {
      for (let k = phrasings.starts[p]!; k < phrasings.starts[p + 1]!; k++) seenIn[phrasings.terms[k]!] = e;
    }
    for (const token of analyzer.tokensOf(entries[e]!.answer)) {
      if (token.intent) continue;
      table.words.add(token.word);
      const id = table.idOf(token.term);
      if (token.questionWord) table.isQuestionWord[id] = true;
      const list = table.answerLists[id]!;
      if (list[list.length - 1] === e) continue;
      list.push(e);
      table.count(id, e);
    }
  }
}

/** Each term's phrasings in phrasing order, and each phrasing's summed term weight. */
function phrasingPostings(phrasings: Phrasings, weight: Float64Array): Pick<PhraseIndexData, 'postings' | 'postingStarts' | 'phrasingWeight'> {
  const terms = weight.length;
  const count = phrasings.entries.length;
  const { terms: termList, starts } = phrasings;
  const phrasingWeight = new Float64Array(count);
  const postingStarts = new Uint32Array(terms + 1);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const id = termList[k]!;
      postingStarts[id + 1]!++;
      sum += weight[id]!;
    }
    phrasingWeight[i] = sum;
  }
  for (let id = 0; id < terms; id++) postingStarts[id + 1]! += postingStarts[id]!;
  const postings = new Uint32Array(postingStarts[terms]!);
  const filled = postingStarts.slice(0, terms);
  for (let i = 0; i < count; i++) {
    for (let k = starts[i]!; k < starts[i + 1]!; k++) postings[filled[termList[k]!]!++] = i;
  }
  return { postings, postingStarts, phrasingWeight };
}

/** The entries whose answer has each term, laid out as postings. */
function answerPostings(lists: readonly number[][]): Pick<PhraseIndexData, 'answerPostings' | 'answerStarts'> {
  const answerStarts = new Uint32Array(lists.length + 1);
  for (let id = 0; id < lists.length; id++) answerStarts[id + 1] = answerStarts[id]! + lists[id]!.length;
  const postings = new Uint32Array(answerStarts[lists.length]!);
  for (let id = 0; id < lists.length; id++) postings.set(lists[id]!, answerStarts[id]!);
  return { answerPostings: postings, answerStarts };
}

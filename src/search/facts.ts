import { stemmer } from 'stemmer';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Analyzer } from './analyzer.js';
import type { EntryFacts } from './answer-type.js';
import { normalize } from './normalize.js';

/** A word as written (with its apostrophes, dots and hyphens: "Berlin's", "U.S.-Canada"). */
const WORD = /[\p{L}][\p{L}\p{M}'’.-]*/gu;
/** What ends a sentence or opens a quote: the word after it is capitalised whatever it is. */
const SENTENCE_START = /(?:^|[.!?:;"“(])\s*$/;
/** A name in more than this share of the answers is the FAQ's own subject. */
const SUBJECT_NAME_SHARE = 1 / 3;
/** Three or more names in a row ("Oman, Qatar, Saudi Arabia and..."): something to count. */
const LIST = /\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*, (?:\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*, )+(?:and (?:the )?)?\p{Lu}/u;

/** A link in an answer's text (Markdown or bare). */
const LINK = /https?:\/\/\S/;

/**
 * The names an answer can give, as terms: words the FAQ's prose always capitalises
 * mid-sentence and never writes in lower case ("Oslo", "Tuesday", "Smith"), less the
 * names of the FAQ's own subject (in most of its answers) and the publishers'. Read
 * while indexing (in the reload worker), since it reads every word of the FAQ.
 */
export function namesOf(kb: KnowledgeBase, analyzer: Analyzer): string[] {
  // Most words recur: each is read by the analyzer once.
  const termsOfWord = new Map<string, readonly string[]>();
  const termsOf = (word: string) => {
    let terms = termsOfWord.get(word);
    if (terms === undefined) termsOfWord.set(word, (terms = analyzer.tokens(word).filter((t) => !t.questionWord).map((t) => t.term)));
    return terms;
  };
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  const answersWith = new Map<string, number>();
  const read = (text: string, isAnswer: boolean) => {
    const inThis = isAnswer ? new Set<string>() : undefined;
    for (const m of text.matchAll(WORD)) {
      const first = m[0][0]!;
      const upper = first !== first.toLowerCase();
      for (const term of termsOf(m[0])) inThis?.add(term);
      // A sentence's first word is capitalised whatever it is; a compound ("son-in-law")
      // can read as the name it stands for: neither says anything.
      if (upper ? SENTENCE_START.test(text.slice(Math.max(0, m.index - 3), m.index)) : m[0].includes('-')) continue;
      for (const term of termsOf(m[0])) (upper ? capitalised : lower).add(term);
    }
    if (inThis) for (const term of inThis) answersWith.set(term, (answersWith.get(term) ?? 0) + 1);
  };
  let n = 0;
  for (const entry of kb.entries) {
    read(entry.question, false);
    read(entry.answer, true);
  }
  for (const article of kb.articles) {
    read(article.title, false);
    read(article.summary, false);
  }
  const publishers = new Set([...kb.sources.values()].flatMap((s) => analyzer.tokens(s.publisher).map((t) => t.term)));
  const subjectNames = kb.entries.length * SUBJECT_NAME_SHARE;
  return [...capitalised].filter((t) => !lower.has(t) && !publishers.has(t) && (answersWith.get(t) ?? 0) <= subjectNames);
}

/**
 * What each entry can answer with (answer-type.ts), read from its text on first need and
 * kept for the snapshot's life: the text to find numbers and dates in, and the names its
 * answer gives.
 */
export class Facts {
  private readonly byEntry = new WeakMap<Entry, EntryFacts>();
  private readonly names: ReadonlySet<string>;

  /** `names`: what namesOf() read from the same snapshot. */
  constructor(
    private readonly analyzer: Analyzer,
    names: readonly string[],
  ) {
    this.names = new Set(names);
  }

  of(entry: Entry): EntryFacts {
    let facts = this.byEntry.get(entry);
    if (facts === undefined) {
      // A name is kept as written (its stem, no synonyms): "Ayatollah" answers "who is the
      // supreme leader" though both read as one term.
      const names = new Set<string>();
      for (const m of entry.answer.matchAll(WORD)) {
        if (this.analyzer.tokens(m[0]).some((t) => this.names.has(t.term))) for (const stem of stemsOf(m[0])) names.add(stem);
      }
      facts = { text: normalize(`${entry.question} ${entry.alternates.join(' ')} ${entry.answer}`), names, lists: LIST.test(entry.answer), linksOut: LINK.test(entry.answer) };
      this.byEntry.set(entry, facts);
    }
    return facts;
  }
}

/** The stems of a text's words as written: no synonyms, every word. */
export function stemsOf(text: string): string[] {
  const normalized = normalize(text);
  return normalized === '' ? [] : normalized.split(' ').map((w) => stemmer(w));
}

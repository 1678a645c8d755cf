import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Analyzer } from './analyzer.js';
import type { EntryFacts } from './answer-type.js';
import { normalize } from './normalize.js';

/** A capitalised word (with its apostrophes, dots and hyphens: "Pakistan's", "U.S.-Iran"). */
const WORD = /[\p{L}][\p{L}\p{M}'’.-]*/gu;
/** What ends a sentence or opens a quote: the word after it is capitalised whatever it is. */
const SENTENCE_START = /(?:^|[.!?:;"“(])\s*$/;
/** A name in more than this share of the answers is one of the story's own. */
const STORY_NAME_SHARE = 1 / 3;

/**
 * What each entry can answer with (answer-type.ts), read from its text on first need and
 * kept for the snapshot's life: the text to find numbers and dates in, and the names its
 * answer gives.
 */
export class Facts {
  private readonly byEntry = new WeakMap<Entry, EntryFacts>();
  /**
   * Terms the FAQ's prose always capitalises mid-sentence and never writes in lower case
   * ("Araghchi", "Oman", "Witkoff"), less the story's own names and the publishers': the
   * names an answer can give.
   */
  private readonly names: ReadonlySet<string>;

  constructor(
    kb: KnowledgeBase,
    private readonly analyzer: Analyzer,
  ) {
    const capitalised = new Set<string>();
    const lower = new Set<string>();
    const prose = [...kb.entries.flatMap((e) => [e.question, e.answer]), ...kb.articles.flatMap((a) => [a.title, a.summary])];
    for (const text of prose) {
      for (const m of text.matchAll(WORD)) {
        const first = m[0][0]!;
        const upper = first !== first.toLowerCase();
        // A sentence's first word is capitalised whatever it is: it says nothing.
        if (upper && SENTENCE_START.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
        // ("son-in-law" would read as the name it stands for: a compound says nothing either.)
        if (!upper && m[0].includes('-')) continue;
        for (const token of analyzer.tokens(m[0])) if (!token.questionWord) (upper ? capitalised : lower).add(token.term);
      }
    }
    // The publishers' names credit an answer, they are not what it answers.
    const known = new Set<string>();
    for (const source of kb.sources.values()) for (const token of analyzer.tokens(source.publisher)) known.add(token.term);
    // The story's own names (Iran, the US, Pakistan) are in most answers: they name no one in particular.
    const answersWith = new Map<string, number>();
    for (const entry of kb.entries) for (const term of new Set(analyzer.tokens(entry.answer).map((t) => t.term))) answersWith.set(term, (answersWith.get(term) ?? 0) + 1);
    for (const [term, n] of answersWith) if (n > kb.entries.length * STORY_NAME_SHARE) known.add(term);
    this.names = new Set([...capitalised].filter((t) => !lower.has(t) && !known.has(t)));
  }

  of(entry: Entry): EntryFacts {
    let facts = this.byEntry.get(entry);
    if (facts === undefined) {
      const names = new Set(this.analyzer.tokens(entry.answer).map((t) => t.term).filter((t) => this.names.has(t)));
      facts = { text: normalize(`${entry.question} ${entry.alternates.join(' ')} ${entry.answer}`), names };
      this.byEntry.set(entry, facts);
    }
    return facts;
  }
}

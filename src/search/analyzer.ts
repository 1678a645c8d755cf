import { stemmer } from 'stemmer';
import { normalize } from './normalize.js';
import { QUESTION_WORDS, STOP_WORDS } from './stop-words.js';

/** One meaningful word of a text: its surface form and the term it is indexed under. */
export interface Token {
  readonly word: string;
  readonly term: string;
  readonly questionWord: boolean;
}

/**
 * Turns text into index terms: normalised words, stop words out, synonyms mapped to the
 * word the FAQ uses, then stemmed. The same analyzer reads the FAQ and the questions, so
 * both sides always agree.
 */
export class Analyzer {
  private readonly wordSynonyms = new Map<string, string>();
  private readonly phraseSynonyms: readonly [RegExp, string][];

  constructor(synonymGroups: readonly (readonly string[])[] = []) {
    const phrases: [RegExp, string][] = [];
    for (const group of synonymGroups) {
      const [canonical, ...others] = group.map(normalize);
      if (!canonical) continue;
      for (const other of others) {
        if (other.includes(' ')) phrases.push([new RegExp(`\\b${other}\\b`, 'g'), canonical]);
        else if (other !== '') this.wordSynonyms.set(other, canonical);
      }
    }
    // Longer phrases first, so "united states of america" wins over "united states".
    this.phraseSynonyms = phrases.sort((a, b) => b[0].source.length - a[0].source.length);
  }

  tokens(text: string): Token[] {
    let s = normalize(text);
    for (const [pattern, canonical] of this.phraseSynonyms) s = s.replace(pattern, canonical);
    const out: Token[] = [];
    for (const raw of s.split(' ')) {
      if (raw === '' || STOP_WORDS.has(raw)) continue;
      const word = this.wordSynonyms.get(raw) ?? raw;
      for (const part of word.split(' ')) out.push(this.token(part));
    }
    return out;
  }

  token(word: string): Token {
    const synonym = this.wordSynonyms.get(word);
    if (synonym !== undefined && !synonym.includes(' ')) word = synonym;
    const stem = stemmer(word);
    // A stem can itself be a listed synonym ("americans" -> "american").
    const term = this.wordSynonyms.get(stem) ?? stem;
    return { word, term: stemmer(term), questionWord: QUESTION_WORDS.has(word) };
  }
}

import { stemmer } from 'stemmer';
import { normalize } from './normalize.js';
import { IRREGULAR_VERBS, QUESTION_WORDS, SHORTHAND, STOP_WORDS } from './stop-words.js';

/** One meaningful word of a text: its surface form and the term it is indexed under. */
export interface Token {
  readonly word: string;
  readonly term: string;
  readonly questionWord: boolean;
  /** Not typed but read from the question's shape ("what ... for" asks for a purpose). */
  readonly intent?: boolean;
}

/**
 * What a question asks for, read from its shape rather than from one word. Each rule adds
 * a word to the question, on the FAQ side and the member's side alike, so both agree:
 * "what are the talks for" and "what is the purpose of the talks" then share "purpose".
 */
const INTENTS: readonly { pattern: RegExp; word: string }[] = [
  // "what are the talks for", "what are they after"
  { pattern: /^(?:(?:so|and|but|ok|like|then) )*what\b.* (?:for|after)$/, word: 'purpose' },
];

/** Question shapes rewritten in place, where their meaning sits in the question. */
const REWRITES: readonly [RegExp, string][] = [
  // "how many", "how much": asks for a number, which an entry either gives or does not.
  [/\bhow (?:many|much)\b/g, 'how quantity'],
  // "what do they want", "what are both sides hoping for", "what are they trying to get"
  [/\b(what(?: \w+){0,6}) (?:want|wants|wanted|hope|hopes|hoping|trying|tryin|try|aiming|seeking|seek)\b/g, '$1 purpose'],
];

const MAX_CACHED_WORDS = 100_000;

/**
 * Turns text into index terms: normalised words, chat shorthand spelled out, stop words
 * out, synonyms mapped to the word the FAQ uses, then stemmed. The same analyzer reads the
 * FAQ and the questions, so both sides always agree.
 */
export class Analyzer {
  private readonly wordSynonyms = new Map<string, string>();
  /** Every multi-word synonym in one pattern (longest first), and what each stands for. */
  private readonly phrasePattern: RegExp | undefined;
  private readonly phraseSynonyms = new Map<string, string>();

  private readonly vocabulary: ReadonlySet<string>;
  private readonly cache = new Map<string, Token>();

  /**
   * `vocabulary`, the words of the FAQ, lets two typed words that the FAQ writes as one be
   * read as that one ("back channel" and "backchannel", "good will" and "goodwill").
   */
  constructor(synonymGroups: readonly (readonly string[])[] = [], vocabulary: ReadonlySet<string> = new Set()) {
    this.vocabulary = vocabulary;
    for (const group of synonymGroups) {
      const [canonical, ...others] = group.map((w) => expandShorthand(normalize(w)));
      if (!canonical) continue;
      for (const other of others) {
        if (other.includes(' ')) this.phraseSynonyms.set(other, canonical);
        else if (other !== '' && other !== canonical) this.wordSynonyms.set(other, canonical);
      }
    }
    // Longer phrases first, so "united states of america" wins over "united states".
    const phrases = [...this.phraseSynonyms.keys()].sort((a, b) => b.length - a.length);
    this.phrasePattern = phrases.length > 0 ? new RegExp(`\\b(?:${phrases.map(escapeRegExp).join('|')})\\b`, 'g') : undefined;
  }

  tokens(text: string): Token[] {
    let s = this.joinCompounds(expandShorthand(normalize(text)));
    for (const [pattern, replacement] of REWRITES) {
      pattern.lastIndex = 0;
      s = s.replace(pattern, replacement);
    }
    const intents: (typeof INTENTS)[number][] = [];
    for (const intent of INTENTS) {
      if (intent.pattern.test(s) && !intents.some((i) => i.word === intent.word)) intents.push(intent);
    }
    if (this.phrasePattern !== undefined) s = s.replace(this.phrasePattern, (phrase) => this.phraseSynonyms.get(phrase) ?? phrase);
    const out: Token[] = [];
    for (const typed of s.split(' ')) {
      const raw = IRREGULAR_VERBS.get(typed) ?? typed;
      if (raw === '' || STOP_WORDS.has(raw)) continue;
      const word = this.wordSynonyms.get(raw) ?? raw;
      for (const part of word.split(' ')) if (!STOP_WORDS.has(part)) out.push(this.token(part));
    }
    for (const intent of intents) {
      const word = this.wordSynonyms.get(intent.word) ?? intent.word;
      for (const part of word.split(' ')) out.push({ ...this.token(part), intent: true });
    }
    return out;
  }

  /** An adverb read as its adjective when the FAQ has that ("directly" as "direct"). */
  private adjectiveOf(word: string): string {
    if (word.length < 6 || !word.endsWith('ly')) return word;
    const base = word.endsWith('ily') ? `${word.slice(0, -3)}y` : word.slice(0, -2);
    return this.vocabulary.has(base) && !STOP_WORDS.has(base) ? base : word;
  }

  private joinCompounds(s: string): string {
    if (this.vocabulary.size === 0 || !s.includes(' ')) return s;
    const parts = s.split(' ');
    let changed = false;
    for (let i = 0; i + 1 < parts.length; i++) {
      const joined = parts[i]! + parts[i + 1]!;
      if (parts[i]!.length >= 2 && parts[i + 1]!.length >= 2 && !STOP_WORDS.has(joined) && this.vocabulary.has(joined)) {
        parts.splice(i, 2, joined);
        changed = true;
      }
    }
    return changed ? parts.join(' ') : s;
  }

  token(word: string): Token {
    let token = this.cache.get(word);
    if (token === undefined) {
      token = this.read(word);
      // Bounded: questions bring new words forever.
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      this.cache.set(word, token);
    }
    return token;
  }

  private read(word: string): Token {
    word = IRREGULAR_VERBS.get(word) ?? word;
    const synonym = this.wordSynonyms.get(word);
    if (synonym !== undefined && !synonym.includes(' ')) word = synonym;
    word = this.adjectiveOf(word);
    const stem = stemmer(word);
    // A stem can itself be a listed synonym ("americans" -> "american").
    const term = this.wordSynonyms.get(stem) ?? stem;
    return { word, term: stemmer(term), questionWord: QUESTION_WORDS.has(word) };
  }
}

/** Chat shorthand spelled out ("govts" -> "governments"), on normalised text. */
export function expandShorthand(s: string): string {
  if (s === '') return s;
  let changed = false;
  const parts = s.split(' ');
  for (let i = 0; i < parts.length; i++) {
    const long = SHORTHAND.get(parts[i]!);
    if (long !== undefined) {
      parts[i] = long;
      changed = true;
    }
  }
  return changed ? parts.join(' ') : s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

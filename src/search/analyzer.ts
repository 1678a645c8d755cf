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
 * "what is the fee for" and "what is the purpose of the fee" then share "purpose".
 */
const INTENTS: readonly { pattern: RegExp; word: string; needs: string }[] = [
  // "what is the fee for", "what are they after"
  { pattern: /^(?:(?:so|and|but|ok|like|then) )*what\b.* (?:for|after)$/, word: 'purpose', needs: 'what' },
  // "why berlin", "why visa": a bare name after "why" questions the choice of it, as
  // "why did they pick berlin" does in longer words.
  { pattern: /^(?:(?:so|and|but|ok|like|then) )*why (?!(?:not|no|never|nor)$)\S+$/, word: 'pick', needs: 'why ' },
];

/**
 * Question shapes rewritten in place, where their meaning sits in the question. `needs` is
 * text a match cannot do without: when it is absent the pattern is not run at all.
 */
const REWRITES: readonly { pattern: RegExp; replacement: string; needs: string }[] = [
  // "how come berlin is hosting" asks why.
  { pattern: /\bhow come\b/g, replacement: 'why', needs: 'how come' },
  // "what do they want", "what are both sides hoping for", "what are they trying to get"
  {
    pattern: /\b(what(?: \w+){0,6}) (?:want|wants|wanted|hope|hopes|hoping|trying|tryin|try|aiming|seeking|seek)\b/g,
    replacement: '$1 purpose',
    needs: 'what ',
  },
];
const MAX_CACHED_WORDS = 100_000;
const NO_TOKENS: readonly Token[] = Object.freeze([]);
/** No longer word is shorthand: most words need no look-up. */
const LONGEST_SHORTHAND = Math.max(0, ...[...SHORTHAND.keys()].map((k) => k.length));

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
  /** Each multi-word synonym's first word and a space: text without any of them has no phrase. */
  private readonly phraseHeads: readonly string[];

  private readonly vocabulary: ReadonlySet<string>;
  /** The first parts (2+ letters, leaving 2+) of the vocabulary's words: a pair can only join when its first word is one. */
  private readonly compoundHeads = new Set<string>();
  private readonly cache = new Map<string, Token>();
  /** What each typed word (after shorthand and compounds) turns into: no token, one, or a few. */
  private readonly typedCache = new Map<string, readonly Token[]>();

  /**
   * `vocabulary`, the words of the FAQ, lets two typed words that the FAQ writes as one be
   * read as that one ("back channel" and "backchannel", "good will" and "goodwill").
   */
  constructor(synonymGroups: readonly (readonly string[])[] = [], vocabulary: ReadonlySet<string> = new Set()) {
    this.vocabulary = vocabulary;
    for (const word of vocabulary) for (let k = 2; k <= word.length - 2; k++) this.compoundHeads.add(word.slice(0, k));
    for (const group of synonymGroups) {
      const [canonical, ...others] = group.map((w) => expandShorthand(normalize(w)));
      if (!canonical) continue;
      for (const other of others) {
        if (other.includes(' ')) {
          this.phraseSynonyms.set(other, canonical);
          // "go betweens" as "go between": a phrase's plural is the same thing, more than once.
          if (!other.endsWith('s') && !this.phraseSynonyms.has(`${other}s`)) this.phraseSynonyms.set(`${other}s`, canonical);
        } else if (other !== '' && other !== canonical) this.wordSynonyms.set(other, canonical);
      }
    }
    // Longer phrases first, so "united states of america" wins over "united states".
    const phrases = [...this.phraseSynonyms.keys()].sort((a, b) => b.length - a.length);
    this.phrasePattern = phrases.length > 0 ? new RegExp(`\\b(?:${phrases.map(escapeRegExp).join('|')})\\b`, 'g') : undefined;
    this.phraseHeads = [...new Set(phrases.map((p) => `${p.slice(0, p.indexOf(' '))} `))];
  }

  tokens(text: string): Token[] {
    return this.tokensOf(normalize(text));
  }

  /** The tokens of a text already normalised by normalize() (what tokens() does after it). */
  tokensOf(normalized: string): Token[] {
    const out: Token[] = [];
    if (normalized === '') return out;
    // Shorthand spelled out, then compounds joined, on the words.
    let parts = normalized.split(' ');
    let changed = false;
    let spaced = false;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]!.length > LONGEST_SHORTHAND) continue;
      const long = SHORTHAND.get(parts[i]!);
      if (long !== undefined) {
        parts[i] = long;
        changed = true;
        if (long.includes(' ')) spaced = true;
      }
    }
    if (spaced) parts = parts.join(' ').split(' ');
    if (this.joinCompounds(parts)) changed = true;
    // The question's shape: rewrites, intents and multi-word synonyms, on the text.
    let s = changed ? parts.join(' ') : normalized;
    let rewritten = false;
    for (const { pattern, replacement, needs } of REWRITES) {
      if (!s.includes(needs)) continue;
      pattern.lastIndex = 0;
      const next = s.replace(pattern, replacement);
      if (next !== s) {
        s = next;
        rewritten = true;
      }
    }
    let intents: (typeof INTENTS)[number][] | undefined;
    for (const intent of INTENTS) {
      if (s.includes(intent.needs) && intent.pattern.test(s) && !intents?.some((i) => i.word === intent.word)) (intents ??= []).push(intent);
    }
    if (this.phrasePattern !== undefined && this.phraseHeads.some((head) => s.includes(head))) {
      const next = s.replace(this.phrasePattern, (phrase) => this.phraseSynonyms.get(phrase) ?? phrase);
      if (next !== s) {
        s = next;
        rewritten = true;
      }
    }
    for (const typed of rewritten ? s.split(' ') : parts) {
      for (const token of this.typedTokens(typed)) out.push(token);
    }
    if (intents !== undefined) {
      for (const intent of intents) {
        const word = this.wordSynonyms.get(intent.word) ?? intent.word;
        for (const part of word.split(' ')) out.push({ ...this.token(part), intent: true });
      }
    }
    return out;
  }

  /** The tokens one typed word stands for: none for a stop word, several for a phrase synonym. */
  private typedTokens(typed: string): readonly Token[] {
    let tokens = this.typedCache.get(typed);
    if (tokens === undefined) {
      tokens = NO_TOKENS;
      const raw = IRREGULAR_VERBS.get(typed) ?? typed;
      if (raw !== '' && !STOP_WORDS.has(raw)) {
        const word = this.wordSynonyms.get(raw) ?? raw;
        const found: Token[] = [];
        for (const part of word.split(' ')) if (!STOP_WORDS.has(part)) found.push(this.token(part));
        tokens = found;
      }
      if (this.typedCache.size >= MAX_CACHED_WORDS) this.typedCache.clear();
      this.typedCache.set(typed, tokens);
    }
    return tokens;
  }

  /** An adverb read as its adjective when the FAQ has that ("directly" as "direct"). */
  private adjectiveOf(word: string): string {
    if (word.length < 6 || !word.endsWith('ly')) return word;
    const base = word.endsWith('ily') ? `${word.slice(0, -3)}y` : word.slice(0, -2);
    return this.vocabulary.has(base) && !STOP_WORDS.has(base) ? base : word;
  }

  /** Joins, in place, neighbours that the FAQ writes as one word; true when any were. */
  private joinCompounds(parts: string[]): boolean {
    if (this.vocabulary.size === 0 || parts.length < 2) return false;
    let changed = false;
    for (let i = 0; i + 1 < parts.length; i++) {
      if (parts[i + 1]!.length < 2 || !this.compoundHeads.has(parts[i]!)) continue;
      const joined = parts[i]! + parts[i + 1]!;
      if (!STOP_WORDS.has(joined) && this.vocabulary.has(joined)) {
        parts.splice(i, 2, joined);
        changed = true;
      }
    }
    return changed;
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

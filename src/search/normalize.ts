/**
 * Turns what a member typed, or what a moderator wrote, into plain lowercase words, the
 * same way for both sides: Discord markup, links, accents, apostrophes, contractions and
 * stretched letters ("pleeease") are undone first.
 */

const DISCORD_MARKUP = /<a?:\w+:\d+>|<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|<t:\d+(?::\w)?>|@(?:everyone|here)\b/g;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
// Zero-width characters, bidi marks and soft hyphens carry nothing but can split a word.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u0060\u00b4]/g;
const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'(?:s|re|ve|ll|d|m)\b/g, '$1'],
];
// "U.S." and "U.S.A." would otherwise become the letters u and s.
const US_ABBREVIATION = /\bu\.\s?s\.(?:\s?a\.)?|\bu\.s\b|\busa\b/g;
const STRETCHED = /(\p{L})\1{2,}/gu;
const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;
const NOT_AN_ASCII_WORD = /[^a-z0-9]+/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function normalize(text: string): string {
  return ASCII_ONLY.test(text) ? normalizeAscii(text) : normalizeAny(text);
}

/** Any text: every step, in order. */
function normalizeAny(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(INVISIBLE, '');
  s = s.replace(DISCORD_MARKUP, ' ').replace(URL, ' ').toLowerCase();
  s = s.replace(APOSTROPHES, "'").replace(US_ABBREVIATION, ' us ');
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s.replace(STRETCHED, '$1$1');
  return s.replace(NOT_A_WORD, ' ').trim();
}

/**
 * ASCII text, as most questions and FAQ lines are: the same steps as normalizeAny, but a
 * step runs only when the text has what it needs to match (a markup step without "<" or
 * "@" changes nothing, and so on), and NFKD, accents and invisible characters are no-ops.
 * Both give the same result for every ASCII text (test/search/normalize.test.ts).
 */
function normalizeAscii(text: string): string {
  let s = text;
  if (s.includes('<') || s.includes('@')) s = s.replace(DISCORD_MARKUP, ' ');
  s = s.toLowerCase();
  if (s.includes('http') || s.includes('www.')) s = text.replace(DISCORD_MARKUP, ' ').replace(URL, ' ').toLowerCase();
  if (s.includes('`')) s = s.replace(APOSTROPHES, "'");
  if (s.includes('u.') || s.includes('usa')) s = s.replace(US_ABBREVIATION, ' us ');
  if (s.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  if (hasTripledLetter(s)) s = s.replace(STRETCHED, '$1$1');
  return s.replace(NOT_AN_ASCII_WORD, ' ').trim();
}

/** Some lowercase ASCII letter three times in a row. */
function hasTripledLetter(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122 && s.charCodeAt(i - 1) === c && s.charCodeAt(i - 2) === c) return true;
  }
  return false;
}

/** The words of a text, normalised. */
export function words(text: string): string[] {
  const s = normalize(text);
  return s === '' ? [] : s.split(' ');
}

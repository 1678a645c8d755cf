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

export function normalize(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(INVISIBLE, '');
  s = s.replace(DISCORD_MARKUP, ' ').replace(URL, ' ').toLowerCase();
  s = s.replace(APOSTROPHES, "'").replace(US_ABBREVIATION, ' us ');
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The words of a text, normalised. */
export function words(text: string): string[] {
  const s = normalize(text);
  return s === '' ? [] : s.split(' ');
}

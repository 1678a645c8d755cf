import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import type { MatcherOptions } from '../../src/search/defaults.js';
import { buildMatcher, buildMatcherData, Matcher, transferablesOf } from '../../src/search/matcher.js';
import { normalize } from '../../src/search/normalize.js';

/**
 * The two ways to get a Matcher (at once, or from an index built in another thread) answer
 * alike, and normalize's shortcut for ASCII text changes nothing.
 */

const FAQ_DIR = fileURLToPath(new URL('../../faq', import.meta.url));
let kb: KnowledgeBase;
beforeAll(async () => {
  const result = await loadKnowledge(FAQ_DIR);
  if (!result.ok) throw new Error('the shipped FAQ does not load');
  kb = result.kb;
});

const QUESTIONS = [
  'who went to pakistan for the americans', 'whats a backchanel', 'why did the talks in islamabad fail', 'what are the talks for',
  'how many nukes does iran have', 'wat did araghchi say abt goodwill', 'is ishaq dar going to istanbul', 'what is the weather like',
  'us-envoy', '', 'the', 'pakistn venue', 'save fac', 'four eyes meet',
];
const everything = async (m: Matcher) => JSON.stringify(await Promise.all(QUESTIONS.map(async (q) => [await m.ask(q), m.autocomplete(q), m.autocomplete(q.slice(0, 5))])));

describe('given the shipped FAQ', () => {
  it('then Matcher.fromData of buildMatcherData, sent as to another thread, answers exactly as buildMatcher', async () => {
    const data = await buildMatcherData(kb);
    const sent = structuredClone(data, { transfer: transferablesOf(data) });
    expect(await everything(await Matcher.fromData(kb, sent))).toBe(await everything(await buildMatcher(kb)));
  });

  it('then an index of another snapshot, or built with other options, is refused', async () => {
    const data = await buildMatcherData(kb);
    await expect(Matcher.fromData({ ...kb, entries: kb.entries.slice(1) }, data)).rejects.toThrow(/entries/);
    // (The options are typed as their defaults' literal values.)
    const other = (options: Record<string, number>) => options as unknown as Partial<MatcherOptions>;
    await expect(Matcher.fromData(kb, data, { matcher: other({ minCorrectableLength: 5 }) })).rejects.toThrow(/options/);
    await expect(Matcher.fromData(kb, data, { matcher: other({ answerThreshold: 0.7 }) })).resolves.toBeInstanceOf(Matcher);
  });
});

/** normalize() as it was before its ASCII shortcut: every step on every text. */
function reference(text: string): string {
  const CONTRACTIONS: readonly [RegExp, string][] = [
    [/\bwon't\b/g, 'will not'],
    [/\bcan't\b/g, 'can not'],
    [/\bshan't\b/g, 'shall not'],
    [/\b(\w+)n't\b/g, '$1 not'],
    [/\b(\w+)'(?:s|re|ve|ll|d|m)\b/g, '$1'],
  ];
  let s = text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '');
  s = s.replace(/<a?:\w+:\d+>|<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|<t:\d+(?::\w)?>|@(?:everyone|here)\b/g, ' ').replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ').toLowerCase();
  s = s.replace(/[\u2018\u2019\u201b\u02bc\u0060\u00b4]/g, "'").replace(/\bu\.\s?s\.(?:\s?a\.)?|\bu\.s\b|\busa\b/g, ' us ');
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

describe('normalize', () => {
  const pieces = ['a', 'e', 'o', 's', 'u', 'U', 'S', 'A', 'x', 'X', 'z', '1', '0', ' ', '  ', '.', "'", '`', '´', '’', '<', '>', '@', '#', '!', '&', ':', '/',
    '-', '_', '\n', 'é', 'ü', 'ı', 'ß', '\u200b', '\u0301', 'Ｉ', '😀', 'http', 'HTTPS://', 'www.', 'WWW.', 'u.s.', 'U. S. A.', 'usa', "n't", "won't", "can't",
    "'s", "'re", 'everyone', 'here', '<@123>', '<@!4>', '<#9>', '<:x:1>', '<t:17:R>', 'aaa', 'LLL', 'sss', 'eee'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

  it('given any text built from tricky pieces, then it reads exactly as every step would', async () => {
    fc.assert(fc.property(text, (t) => normalize(t) === reference(t)), { numRuns: 20_000 });
  });

  it('given any printable ASCII text, then too', async () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 60 }), (t) => normalize(t) === reference(t)), { numRuns: 20_000 });
  });
});

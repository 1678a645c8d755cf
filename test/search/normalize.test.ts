import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { normalize, words } from '../../src/search/normalize.js';

describe('normalize', () => {
  it('given zero-width characters inside a word, then the word is whole again', () => {
    expect(normalize('neg\u200botia\u200ctions in pak\u2060istan\ufeff')).toBe('negotiations in pakistan');
  });

  it('given right-to-left and embedding marks, then they are dropped', () => {
    expect(normalize('\u202bIran\u202c and \u200fPakistan\u200e \u2067talks\u2069')).toBe('iran and pakistan talks');
  });

  it('given combining accents and composed letters, then plain letters remain', () => {
    expect(normalize('Türkiye café')).toBe('turkiye cafe');
    expect(normalize('e\u0301lan Tu\u0308rkiye')).toBe('elan turkiye');
    expect(normalize('ＩＲＡＮ')).toBe('iran');
  });

  it('given Discord mentions, role and channel references and @everyone, then they are removed', () => {
    expect(normalize('@everyone who is the envoy @here')).toBe('who is the envoy');
    expect(normalize('<@&123> <@!456> <@789> <#42> hi <:pepe:123> <a:dance:456> <t:1700000000:R>')).toBe('hi');
  });

  it('given contractions, curly apostrophes included, then they are spelled out', () => {
    expect(normalize("didn't they meet? can't won't")).toBe('did not they meet can not will not');
    expect(normalize('who’s the envoy and they’re here')).toBe('who the envoy and they here');
  });

  it('given "U.S." and its variants, then they read as us', () => {
    expect(normalize('the U.S. envoy')).toBe('the us envoy');
    expect(normalize('U.S.A. and u.s and USA')).toBe('us and us and us');
  });

  it('given links, markdown and stretched letters, then only the words remain', () => {
    expect(normalize('**pleeeease** see https://example.com/a?b=c and www.x.org')).toBe('pleease see and');
  });

  it('given only emoji, punctuation or whitespace, then nothing remains', () => {
    expect(words('🙏🔥 ??? \n\t')).toEqual([]);
    expect(words('')).toEqual([]);
    expect(words('Iran-US talks')).toEqual(['iran', 'us', 'talks']);
  });
});

describe('Analyzer', () => {
  const analyzer = new Analyzer(
    [
      ['us', 'america', 'united states'],
      ['goal', 'aim', 'purpose'],
      ['backchannel', 'backdoor channel'],
      ['mediator', 'go between'],
      ['pick', 'choose'],
    ],
    new Set(['backchannel', 'direct', 'goodwill']),
  );
  const terms = (text: string) => analyzer.tokens(text).map((t) => t.term);

  it('given chat filler and shorthand, then only the meaningful words are left', () => {
    expect(terms('lol so like whats the aim rn tbh')).toEqual(terms('what is the goal'));
    expect(terms('why do govts do it')).toEqual(terms('why do governments do it'));
  });

  it('given words the FAQ writes as one, then they are read as one', () => {
    expect(terms('what is a back channel')).toEqual(terms('what is a backchannel'));
    expect(terms('good will')).toEqual(terms('goodwill'));
    expect(terms('a backdoor channel')).toEqual(terms('backchannel'));
  });

  it('given an adverb whose adjective the FAQ has, then it reads as the adjective', () => {
    expect(terms('did they meet directly')).toEqual(terms('did they meet direct'));
  });

  it('given "what ... for" or "what do they want", then the question asks for a purpose', () => {
    expect(terms('what are the talks for')).toContain(terms('goal')[0]);
    expect(terms('what do they want')).toContain(terms('goal')[0]);
  });

  it('given synonyms, then both sides read the FAQ word', () => {
    expect(terms('the United States')).toEqual(['us']);
    expect(terms('Americas aim')).toEqual(terms('us goal'));
  });

  it('given a multi-word synonym in the plural, then it reads as the FAQ word', () => {
    expect(terms('generals as go betweens')).toEqual(terms('generals as mediators'));
  });

  it('given "why" and a bare name, or "how come", then the question is about choosing it', () => {
    expect(terms('why islamabad')).toEqual([...terms('why'), ...terms('islamabad'), ...terms('pick')]);
    expect(terms('how come pakistan')).toEqual(terms('why pakistan'));
    expect(terms('why did the talks in islamabad fail')).not.toContain(terms('pick')[0]);
  });
});

import { describe, expect, it } from 'vitest';
import { answerTypeOf, meets } from '../../src/search/answer-type.js';
import { stemsOf } from '../../src/search/facts.js';
import { normalize } from '../../src/search/normalize.js';

const typeOf = (q: string) => answerTypeOf(normalize(q), q);
/** Names are given as the stems of the words the entry capitalises (Facts reads them; here, by hand). */
const answers = (q: string, entryText: string, names = '') =>
  meets(typeOf(q), { text: normalize(entryText), names: new Set(stemsOf(names)) }, normalize(q), new Set(stemsOf(q)));

describe('what a question asks for', () => {
  it.each([
    ['How many centrifuges does Iran have?', 'number'],
    ['how much uranium is left', 'number'],
    ['how old is trump', 'number'],
    ['how long did the war last', 'duration'],
    ['When is the Istanbul meeting?', 'time'],
    ["so when's it happening", 'time'],
    ['what year was the deal', 'year'],
    ['what do they mean when iran says save face', undefined],
    ["what's the name of the army chief", 'name'],
    ["who's pakistan's army chief", 'name'],
    ['who is the supreme leader?', 'name'],
    ['who represented the us', undefined],
    ['who went to pakistan for the us and why was he chosen', undefined],
    ['how much does it matter', undefined],
  ])('given %j, then it asks for %s', (q, type) => {
    expect(typeOf(q)).toBe(type);
  });
});

describe('whether an entry gives it', () => {
  it('given a number the question itself names, then that number is not an answer', () => {
    expect(answers('how many died in the 12 day war', 'Israel bombed Iran in June, starting a 12-day war.')).toBe(false);
    expect(answers('how many died in the 12 day war', 'the twelve day war')).toBe(false);
    expect(answers('how many tracks are there', 'The talks run on two parallel tracks.')).toBe(true);
  });

  it('given a length of time or a date, then it answers how many days but not how many people', () => {
    const war = 'Israel bombed Iran in June, starting what became a 12-day war.';
    expect(answers('how many people died in the june war', war)).toBe(false);
    expect(answers('how many days did the june war last', war)).toBe(true);
    expect(answers('how many delegates came', 'A report dated 3 February 2026.')).toBe(false);
  });

  it('given a question about how long, then only an entry giving a length of time answers it', () => {
    expect(answers('how long did the june war last', 'Israel bombed Iran, starting a 12-day war.')).toBe(true);
    expect(answers('how long will the istanbul talks last', 'The talks were expected on a Friday.')).toBe(false);
  });

  it('given a time question, then only an entry with a date, day or month answers it', () => {
    expect(answers('when are the talks', 'U.S. media expected them on a Friday.')).toBe(true);
    expect(answers('when did araghchi become foreign minister', 'Araghchi refused to meet the envoy.')).toBe(false);
    expect(answers('what year was the june war', 'Israel bombed Iran in June.')).toBe(false);
  });

  it('given a year in the question, then an entry that never names it does not answer', () => {
    expect(answers('what happened to the 2015 nuclear deal', 'A nuclear deal is still possible, Araghchi said.')).toBe(false);
    expect(answers('the 2026 report on istanbul', 'Pakistan Today, in a report dated 3 February 2026, said...')).toBe(true);
  });

  it('given a name asked for, then only a name the question does not already say answers it', () => {
    expect(answers("who is pakistan's army chief", "Pakistan's Army Chief went to Tehran.", 'army chief')).toBe(false);
    expect(answers('who is the us envoy', "Trump's son-in-law, Jared Kushner.", 'jared kushner')).toBe(true);
    expect(answers('who is the us envoy', 'The US sent an envoy.')).toBe(false);
  });

  it('given a question with no such shape, then any entry may answer it', () => {
    expect(answers('who represented the us', 'the president sent his son-in-law.')).toBe(true);
  });
});

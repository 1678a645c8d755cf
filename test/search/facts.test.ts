import { describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase, Source } from '../../src/knowledge/types.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { answerTypeOf, meets } from '../../src/search/answer-type.js';
import { Facts, namesOf, stemsOf } from '../../src/search/facts.js';
import { normalize } from '../../src/search/normalize.js';
import { buildMatcher } from '../../src/search/matcher.js';

const source: Source = { id: 's', publisher: 'Daily Planet', title: 't', url: 'https://example.org/' };
const entry = (id: string, answer: string): Entry => ({ id, question: `What about ${id}?`, alternates: [], answer, sources: [source], tags: [], file: 'f.yaml' });
const entries = [
  entry('envoy', 'The Daily Planet says Iran met Jared Kushner in Oslo.'),
  entry('chief', 'Iran says the army chief went there. Kushner did not.'),
  entry('venue', 'Iran hosted nobody; the Daily Planet says so.'),
  ...['a', 'b', 'c'].map((id) => entry(id, 'Iran said nothing more.')),
];
const kb = {
  dir: 'faq', files: ['f.yaml'], entries, articles: [], sources: new Map([['s', source]]), synonyms: [],
  entryById: new Map(entries.map((e) => [e.id, e])), articleById: new Map(), loadedAt: new Date(0),
} as unknown as KnowledgeBase;
const analyzer = new Analyzer();
const facts = new Facts(analyzer, namesOf(kb, analyzer));
const names = (id: string) => [...facts.of(kb.entryById.get(id)!).names].sort();

describe('the names an answer gives', () => {
  it('given capitalised words mid-sentence, then they are names, and a sentence\'s first word is one only if it is one elsewhere', () => {
    expect(names('envoy')).toEqual(['jare', 'kushner', 'oslo']);
    expect(names('chief')).toEqual(['kushner']);
  });

  it("given the story's own name in most answers, or a publisher, then it is not a name the answer gives", async () => {
    expect(names('venue')).toEqual([]);
  });
});

describe('an answer that links out', () => {
  const linked = (answer: string) => facts.of(entry('limits', answer));

  it('given a Markdown link or a bare address in the answer, then it is read as linking out', () => {
    expect(linked('Learn more about embed limits in the [docs](https://example.org/limits)').linksOut).toBe(true);
    expect(linked('See https://example.org/limits').linksOut).toBe(true);
    expect(linked('Ten fields at most; the title is short.').linksOut).toBe(false);
  });

  it('given a question asking how many, then an answer that only links out is not said to lack the number, one that gives none is', () => {
    const q = 'how many fields can an embed have';
    const asks = (answer: string) => meets(answerTypeOf(normalize(q), q), linked(answer), normalize(q), new Set(stemsOf(q)));
    expect(asks('Learn more about embed limits in the [docs](https://example.org/limits)')).toBe(true);
    expect(asks('Embeds have fields; see the guide.')).toBe(false);
    // A year the question names is still checked: a link does not make another year's event this one.
    expect(meets(answerTypeOf('what changed in 2019', 'what changed in 2019'), linked('See [the changelog](https://example.org/)'), 'what changed in 2019', new Set(stemsOf('what changed in 2019')))).toBe(false);
  });
});

describe('an entry lacking the name asked for', () => {
  it('given a "who is" question whose closest entry names no one, then an entry naming someone comes first', async () => {
    const ask = (id: string, question: string, answer: string): Entry => ({ ...entry(id, answer), question });
    const two = [
      ask('vague', 'Who is the envoy at the talks?', 'The envoy went to the talks and spoke to both sides there.'),
      ask('named', 'Who went to the talks?', 'Jared Kushner went to the talks as the envoy.'),
      ...['x', 'y', 'z'].map((id) => entry(id, 'Iran said nothing more.')),
    ];
    const small = { ...kb, entries: two, entryById: new Map(two.map((e) => [e.id, e])) } as KnowledgeBase;
    // Five entries without alternates give nothing to learn from: the prior's confidences are
    // low, so the threshold is taken away so that what is tested is the order.
    const matcher = (await buildMatcher(small, { matcher: { answerThreshold: 0 } }));
    // Asked without "who is", the entry whose question it is comes first...
    expect((await matcher.ask('the envoy at the talks')).best?.entry.id).toBe('vague');
    // ...asked who, the entry that gives a name does.
    expect((await matcher.ask('who is the envoy at the talks')).best?.entry.id).toBe('named');
  });
});

import { describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase, Source } from '../../src/knowledge/types.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { Facts, nameSteps } from '../../src/search/facts.js';
import { runSync } from '../../src/search/slices.js';

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
const facts = new Facts(analyzer, runSync(nameSteps(kb, analyzer)));
const names = (id: string) => [...facts.of(kb.entryById.get(id)!).names].sort();

describe('the names an answer gives', () => {
  it('given capitalised words mid-sentence, then they are names, and a sentence\'s first word is one only if it is one elsewhere', () => {
    expect(names('envoy')).toEqual(['jare', 'kushner', 'oslo']);
    expect(names('chief')).toEqual(['kushner']);
  });

  it("given the story's own name in most answers, or a publisher, then it is not a name the answer gives", () => {
    expect(names('venue')).toEqual([]);
  });
});

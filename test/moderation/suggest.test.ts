import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FILL_IN } from '../../src/moderation/messages.js';
import { buildReport } from '../../src/moderation/report.js';
import { buildSuggestions, renderSuggestions, slug } from '../../src/moderation/suggest.js';
import type { MatcherOptions } from '../../src/search/defaults.js';
import { buildMatcher } from '../../src/search/matcher.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { ask, silent, steppingClock } from '../store/fixtures/helpers.js';
import { TINY_FAQ } from '../store/fixtures/tiny-faq.js';

interface EntryYaml {
  id: string;
  question: string;
  alternates?: string[];
  answer: string;
  sources: string[];
  tags?: string[];
}

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-suggest-'));
  store = await openStore({ path: join(dir, 'faq.sqlite'), logger: silent, now: steppingClock() });
  const questions = ['who went to pakistan for the us', 'who did the us send to pakistan', 'How do I bake sourdough bread', 'how to bake sourdough bread?'];
  for (const [i, q] of questions.entries()) for (let m = 0; m <= 3 - i; m++) await store.recordAsk(ask(q, `m${m}`));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes the FAQ (the tiny one, with `edit` applied) and loads a matcher over it. */
async function faqWith(edit: (entries: EntryYaml[]) => void, options: { answerThreshold?: number } = {}) {
  const file = parse(TINY_FAQ) as { entries: EntryYaml[] };
  edit(file.entries);
  await writeFile(join(dir, 'talks.yaml'), JSON.stringify(file));
  const kb = await loadKnowledge(dir);
  return kb.ok ? { matcher: (await buildMatcher(kb.kb, { matcher: options as Partial<MatcherOptions> })), issues: [] } : { matcher: null, issues: kb.issues.map((i) => i.message) };
}

describe('moderation suggestions', () => {
  it('given unanswered groups, then the output parses as YAML and each snippet, once pasted, makes the FAQ answer them', async () => {
    // A strict matcher: the tiny FAQ answers none of the recorded questions yet.
    const { matcher } = await faqWith(() => {}, { answerThreshold: 0.99 });
    const report = await buildReport(store, matcher!, { limit: 10 });
    const suggestions = buildSuggestions(report, matcher!);
    const text = renderSuggestions(report, suggestions);
    const docs = parseAllDocuments(text);
    expect(Array.isArray(docs) && docs.every((d) => d.errors.length === 0)).toBe(true);
    expect(text).toContain('# add to entry us-envoy in');

    const alternate = suggestions.find((s) => s.kind === 'add-alternate')!;
    const { alternates } = parse(alternate.yaml) as { alternates: string[] };
    expect(alternates).toEqual(['who went to pakistan for the us', 'who did the us send to pakistan']);

    const fresh = suggestions.find((s) => s.kind === 'new-entry')!;
    const [entry] = parse(fresh.yaml) as EntryYaml[];
    expect(entry).toEqual({
      id: 'bake-sourdough-bread',
      question: 'How do I bake sourdough bread?',
      alternates: ['how to bake sourdough bread'],
      answer: FILL_IN.answer,
      sources: [FILL_IN.source],
      tags: [],
    });

    // Pasted unedited, the skeleton cannot go live: its source does not exist.
    const unedited = await faqWith((entries) => entries.push({ ...entry! }));
    expect(unedited.issues.join('\n')).toContain(FILL_IN.source);

    const edited = await faqWith((entries) => {
      entries.find((e) => e.id === 'us-envoy')!.alternates!.push(...alternates);
      entries.push({ ...entry!, answer: 'Not covered by our sources.', sources: ['report-one'] });
    });
    const before = (await matcher!.ask('who went to pakistan for the us')).best!;
    const after = (await edited.matcher!.ask('who went to pakistan for the us'));
    expect(after.match?.entry.id).toBe('us-envoy');
    expect(after.match!.confidence).toBeGreaterThan(before.confidence);
    expect((await edited.matcher!.ask('how do I bake sourdough bread')).match?.entry.id).toBe('bake-sourdough-bread');
  });

  it('given groups the current FAQ already answers, then nothing is suggested for them and the output says so', async () => {
    const { matcher } = await faqWith((entries) => entries.find((e) => e.id === 'us-envoy')!.alternates!.push('who did the us send to pakistan', 'who went to pakistan for the us'));
    const report = await buildReport(store, matcher!, { limit: 10 });
    const suggestions = buildSuggestions(report, matcher!);
    expect(suggestions.map((s) => s.kind)).toEqual(['new-entry']);
    expect(renderSuggestions(report, suggestions)).toContain('1 group is answered by the current FAQ already');
  });

  it('given a proposed id already taken or a question without words, then the id stays valid and unique', async () => {
    expect(slug('Who went to Pakistan for the U.S.?')).toBe('went-pakistan-us');
    expect(slug('🙂🙂')).toBe('new-entry');
    expect(slug(`why ${'verylongword '.repeat(20)}`).length).toBeLessThanOrEqual(56);
    const { matcher } = await faqWith((entries) => entries.push({ id: 'bake-sourdough-bread', question: 'Unrelated?', answer: 'x', sources: ['report-one'] }));
    const report = await buildReport(store, matcher!, { limit: 10, alternateLevel: 1.1 });
    const ids = buildSuggestions(report, matcher!).map((s) => s.entryId);
    expect(ids).toContain('bake-sourdough-bread-2');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('given nothing recorded, then the output says so and is still YAML', async () => {
    const empty = await openStore({ path: join(dir, 'empty.sqlite'), logger: silent });
    const { matcher } = await faqWith(() => {});
    const report = await buildReport(empty, matcher!, { limit: 10 });
    const text = renderSuggestions(report, buildSuggestions(report, matcher!));
    await empty.close();
    expect(text).toMatch(/^# Nothing to suggest/);
    expect(parseAllDocuments(text).every((d) => d.errors.length === 0)).toBe(true);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderReportText } from '../../src/moderation/report-text.js';
import { buildReport, groupRewordings } from '../../src/moderation/report.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { buildMatcher, Matcher } from '../../src/search/matcher.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { ask, silent, steppingClock } from '../store/fixtures/helpers.js';
import { TINY_FAQ } from '../store/fixtures/tiny-faq.js';

let dir: string;
let store: Store;
let matcher: Matcher;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-report-'));
  await writeFile(join(dir, 'talks.yaml'), TINY_FAQ);
  const kb = await loadKnowledge(dir);
  if (!kb.ok) throw new Error(JSON.stringify(kb.issues));
  matcher = await buildMatcher(kb.kb);
  store = await openStore({ path: join(dir, 'faq.sqlite'), logger: silent, now: steppingClock() });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function askedBy(question: string, members: number): Promise<void> {
  for (let i = 0; i < members; i++) await store.recordAsk(ask(question, `${question}-${i}`));
}

describe('moderation report', () => {
  it('given rewordings of one question and an unrelated one, then the rewordings form one group and the other stays apart', async () => {
    await askedBy('who went to pakistan for the us', 3);
    await askedBy('who did the us send to pakistan', 2);
    await askedBy('which american went to pakistan', 1);
    await askedBy('how do I bake sourdough bread', 2);
    const report = await buildReport(store, matcher, { limit: 10 });
    expect(report.groups).toHaveLength(2);
    const [envoy, bread] = report.groups;
    expect(envoy!.samples.map((s) => s.text)).toEqual([
      'who went to pakistan for the us',
      'who did the us send to pakistan',
      'which american went to pakistan',
    ]);
    expect(envoy).toMatchObject({ count: 6, askers: 6, kind: 'unanswered', verdict: 'add-alternate' });
    expect(envoy!.closest).toMatchObject({ entryId: 'us-envoy', file: expect.stringMatching(/talks\.yaml$/) });
    expect(bread!.samples.map((s) => s.text)).toEqual(['how do I bake sourdough bread']);
    expect(bread).toMatchObject({ count: 2, askers: 2, verdict: 'new-entry' });
    // (the entry closest in meaning is named for the moderator, but nothing like an answer)
    expect(bread!.closest?.confidence ?? 0).toBeLessThan(0.05);
  });

  it('given one member spamming a question, then questions asked by more members rank above it', async () => {
    for (let i = 0; i < 50; i++) await store.recordAsk(ask('how do I bake sourdough bread', 'spammer'));
    await askedBy('did the islamabad talks collapse', 2);
    const report = await buildReport(store, matcher, { limit: 10 });
    expect(report.groups.map((g) => g.samples[0]!.text)).toEqual(['did the islamabad talks collapse', 'how do I bake sourdough bread']);
    expect(report.groups[1]).toMatchObject({ count: 50, askers: 1 });
  });

  it('given "not helpful" votes, then the entries voted down most come first, with their questions', async () => {
    const voteOn = (entryId: string, answerId: string, voterId: string, helpful: boolean) => store.recordVote({ entryId, answerId, voterId, helpful });
    await voteOn('us-envoy', 'a1', 'm1', false);
    await voteOn('us-envoy', 'a1', 'm2', false);
    await voteOn('talks-outcome', 'a2', 'm1', false);
    await voteOn('talks-outcome', 'a2', 'm2', true);
    await voteOn('removed-entry', 'a3', 'm1', true);
    const report = await buildReport(store, matcher, { limit: 10 });
    expect(report.notHelpful).toEqual([
      { entryId: 'us-envoy', question: 'Who represented the US during the negotiations in Pakistan?', helpful: 0, notHelpful: 2 },
      { entryId: 'talks-outcome', question: 'What came of the talks in Islamabad?', helpful: 1, notHelpful: 1 },
    ]);
  });

  it('given a report, then the text shows each group, what to do, and the not-helpful entries', async () => {
    await askedBy('who went to pakistan for the us', 2);
    await askedBy('which american went to pakistan', 1);
    await askedBy('how do I bake sourdough bread', 1);
    await store.recordVote({ entryId: 'us-envoy', answerId: 'a1', voterId: 'm1', helpful: false });
    const text = renderReportText(await buildReport(store, matcher, { limit: 10 }));
    expect(text).toContain('1. "who went to pakistan for the us": 3 asks by 3 members');
    expect(text).toContain('also: "which american went to pakistan" (1)');
    expect(text).toMatch(/→ add an alternate to us-envoy in .*talks\.yaml/);
    expect(text).toContain('→ a new entry is due');
    expect(text).toContain('- us-envoy: 1 not helpful, 0 helpful');
  });

  it('given review dates before, on and after today, then only the one before is listed, and the text names it with its file', async () => {
    const dated = TINY_FAQ.replace(
      'sources: [report-one]\n',
      'sources: [report-one]\n    review_by: 2026-03-01\n',
    ).replace(/(talks-outcome[\s\S]*sources: \[report-one\]\n)/, '$1    review_by: 2026-03-02\n');
    await writeFile(join(dir, 'talks.yaml'), `${dated}  - id: later\n    question: What comes next?\n    answer: Nobody knows.\n    sources: [report-one]\n    review_by: 2026-03-03\n`);
    const kb = await loadKnowledge(dir);
    if (!kb.ok) throw new Error(JSON.stringify(kb.issues));
    const report = await buildReport(store, await buildMatcher(kb.kb), { limit: 10, now: new Date('2026-03-02T23:59:00Z') });
    expect(report.stale).toEqual([
      { entryId: 'us-envoy', question: 'Who represented the US during the negotiations in Pakistan?', file: expect.stringMatching(/talks\.yaml$/), reviewBy: '2026-03-01' },
    ]);
    expect(renderReportText(report)).toMatch(/Entries past their review date\n\n- us-envoy in .*talks\.yaml: due for review on 2026-03-01\n(\n|$)/);
    const none = await buildReport(store, await buildMatcher(kb.kb), { limit: 10, now: new Date('2026-02-01T00:00:00Z') });
    expect(renderReportText(none)).toContain('None: every review_by date is still ahead');
  });

  it('given a store that is not recording, then the report is empty and says why', async () => {
    await store.close();
    const text = renderReportText(await buildReport(store, matcher, { limit: 10 }));
    expect(text).toMatch(/^Not recording right now: /);
    expect(text).toContain('No unanswered questions recorded yet.');
  });
});

describe('grouping rewordings', () => {
  it('given a chain of questions each close to the next, then the chain is cut where it drifts from the headline', async () => {
    const row = (normalized: string) => ({ normalized, sample: normalized, count: 1, askers: 1, firstSeen: '', lastSeen: '', bestEntryId: null, confidence: null, kind: 'unanswered' as const });
    const chain = ['envoy pakistan islamabad', 'envoy pakistan kushner', 'pakistan kushner trump', 'kushner trump family'].map(row);
    const groups = groupRewordings(chain, new Analyzer(), 0.5);
    expect(groups.map((g) => g.map((r) => r.normalized))).toEqual([
      ['envoy pakistan islamabad', 'envoy pakistan kushner'],
      ['pakistan kushner trump', 'kushner trump family'],
    ]);
  });
});

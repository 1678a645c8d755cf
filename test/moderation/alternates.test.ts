import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { proposalsFromStore } from '../../src/moderation/alternates.js';
import { buildMatcher, type Matcher } from '../../src/search/matcher.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { silent, steppingClock } from '../store/fixtures/helpers.js';

const LIBRARY_FAQ = `
sources:
  rules:
    publisher: Town Library
    title: Borrowing rules
    url: https://example.org/rules
entries:
  - id: renew-card
    question: How do I renew my library card?
    answer: Bring your old card and a proof of address to the front desk; renewal is free.
    sources: [rules]
  - id: late-fees
    question: How much are the fees for returning a book late?
    alternates: [what is the fine for an overdue book]
    answer: Ten cents a day per item, capped at the price of the item.
    sources: [rules]
  - id: opening-hours
    question: When is the library open?
    answer: Monday to Saturday, nine to six; closed on public holidays.
    sources: [rules]
`;

let faqDir: string;
let matcher: Matcher;
beforeAll(async () => {
  faqDir = await mkdtemp(join(tmpdir(), 'faq-alternates-'));
  await writeFile(join(faqDir, 'library.yaml'), LIBRARY_FAQ);
  const kb = await loadKnowledge(faqDir);
  if (!kb.ok) throw new Error('the test FAQ does not load');
  // A strict matcher: it answers the entries' own wordings only, so members' rewordings are left to propose.
  matcher = await buildMatcher(kb.kb, { matcher: { answerThreshold: 0.99 } });
});
afterAll(() => rm(faqDir, { recursive: true, force: true }));

let dir: string;
let store: Store;
const open = () => openStore({ path: join(dir, 'faq.sqlite'), logger: silent, now: steppingClock() });
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-alternates-db-'));
  store = await open();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const PARAPHRASES = ['my library card expired, how do i get it renewed', 'my library card has expired how can i renew it', 'library card expired how to renew it'];
const MEMBERS = ['111111111111111111', '222222222222222222', '333333333333333333', '444444444444444444'];

async function resolve(entryId: string, question: string, memberId: string) {
  expect(await store.recordResolution({ entryId, memberId, question: { text: question } })).toBe(true);
}

describe('alternates proposed from what members resolved', () => {
  it('given three members resolving rewordings of one question to one entry, then one proposal with 3 members, a real question of them and another as example', async () => {
    for (const [i, q] of PARAPHRASES.entries()) await resolve('renew-card', q, MEMBERS[i]!);
    const proposals = await proposalsFromStore(store, matcher);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ entryId: 'renew-card', members: 3, collision: null });
    expect(PARAPHRASES.map((q) => q.replace(/,/g, ''))).toContain(proposals[0]!.text);
    expect(PARAPHRASES).toContain(proposals[0]!.example);
  });

  it('given the same wording resolved to another entry by a fourth member, then it joins no group of the first entry', async () => {
    for (const [i, q] of PARAPHRASES.entries()) await resolve('renew-card', q, MEMBERS[i]!);
    await resolve('late-fees', PARAPHRASES[0]!, MEMBERS[3]!);
    const proposals = await proposalsFromStore(store, matcher, { minMembers: 1 });
    expect(proposals.find((p) => p.entryId === 'renew-card')).toMatchObject({ members: 3 });
    expect(proposals.find((p) => p.entryId === 'late-fees')).toMatchObject({ members: 1 });
  });

  it('given questions that ask different things of one entry, then they are not grouped', async () => {
    await resolve('opening-hours', 'is the library open on sundays', MEMBERS[0]!);
    await resolve('opening-hours', 'what time does the reading room close in the evening', MEMBERS[1]!);
    const proposals = await proposalsFromStore(store, matcher, { minMembers: 1 });
    expect(proposals.filter((p) => p.entryId === 'opening-hours').map((p) => p.members)).toEqual([1, 1]);
  });

  it('given fewer members than the floor (one member clicking three times included), then nothing is proposed until the floor is lowered', async () => {
    await resolve('renew-card', PARAPHRASES[0]!, MEMBERS[0]!);
    await resolve('renew-card', PARAPHRASES[1]!, MEMBERS[0]!);
    await resolve('renew-card', PARAPHRASES[2]!, MEMBERS[1]!);
    expect(await proposalsFromStore(store, matcher)).toEqual([]);
    expect(await proposalsFromStore(store, matcher, { minMembers: 2 })).toMatchObject([{ entryId: 'renew-card', members: 2 }]);
  });

  it('given a wording the entry already answers, then it is not proposed', async () => {
    for (const m of MEMBERS.slice(0, 3)) await resolve('late-fees', 'what is the fine for an overdue book', m);
    expect(await proposalsFromStore(store, matcher)).toEqual([]);
  });

  it('given a rejected proposal, then it is not proposed again, nor a rewording of it, after a restart too', async () => {
    for (const [i, q] of PARAPHRASES.entries()) await resolve('renew-card', q, MEMBERS[i]!);
    const [proposal] = await proposalsFromStore(store, matcher);
    expect(await store.decideAlternate({ entryId: proposal!.entryId, key: proposal!.key, sample: proposal!.text, decision: 'rejected' })).toBe('saved');
    await store.close();
    store = await open();
    expect(await proposalsFromStore(store, matcher)).toEqual([]);
    await resolve('renew-card', 'how do i renew an expired library card', MEMBERS[3]!);
    expect((await proposalsFromStore(store, matcher, { minMembers: 1 })).filter((p) => p.members > 1)).toEqual([]);
  });

  it('given a wording another entry already has, then the proposal is flagged with that entry', async () => {
    for (const m of MEMBERS.slice(0, 3)) await resolve('renew-card', 'what is the fine for an overdue book', m);
    expect(await proposalsFromStore(store, matcher)).toMatchObject([{ entryId: 'renew-card', collision: { entryId: 'late-fees' } }]);
  });

  it('given proposals, then they hold counts and questions only, no member id nor hash', async () => {
    for (const [i, q] of PARAPHRASES.entries()) await resolve('renew-card', q, MEMBERS[i]!);
    const resolvers = (await store.resolvedQuestions(10)).flatMap((r) => r.resolvers);
    const text = JSON.stringify(await proposalsFromStore(store, matcher));
    for (const id of [...MEMBERS, ...resolvers]) expect(text).not.toContain(id);
  });
});

describe('alternates proposed from use, in the reports', () => {
  it('given a proposal, then faq:report text lists it with its member count and faq:suggest prints it as YAML for its entry', async () => {
    const { buildReport } = await import('../../src/moderation/report.js');
    const { renderReportText } = await import('../../src/moderation/report-text.js');
    const { buildSuggestions, renderSuggestions } = await import('../../src/moderation/suggest.js');
    const { parseAllDocuments } = await import('yaml');
    for (const [i, q] of PARAPHRASES.entries()) await resolve('renew-card', q, MEMBERS[i]!);
    const report = await buildReport(store, matcher, { limit: 10 });
    const text = renderReportText(report);
    expect(text).toContain('Alternates proposed from use');
    expect(text).toMatch(/"[^"]*library card[^"]*" → renew-card \(3 members\)/);
    const yaml = renderSuggestions(report, buildSuggestions(report, matcher), matcher);
    const docs = parseAllDocuments(yaml);
    const last = docs.at(-1)!;
    expect(last.errors).toEqual([]);
    expect(last.toJS()).toEqual({ alternates: [report.proposals[0]!.text] });
    expect(yaml).toContain('add to entry renew-card in');
  });
});

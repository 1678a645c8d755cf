import { MATCHER_DEFAULTS } from '../../src/search/defaults.js';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Entry, KnowledgeBase } from '../../src/knowledge/types.js';
import { buildMatcher, Matcher } from '../../src/search/matcher.js';
import { DEFAULT_SEED, generateEntries } from '../../bench/synthetic.js';
import type { Answer } from '../../src/search/types.js';

const FAQ_DIR = fileURLToPath(new URL('../../faq', import.meta.url));

let kb: KnowledgeBase;
let matcher: Matcher;

beforeAll(async () => {
  const result = await loadKnowledge(FAQ_DIR);
  if (!result.ok) throw new Error(`the shipped FAQ does not load: ${JSON.stringify(result.issues)}`);
  kb = result.kb;
  matcher = await buildMatcher(kb);
});

const answered = (a: Answer) => a.match?.entry.id ?? null;
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** One member-style rewording per entry: none is the entry's question or an alternate. */
const REWORDED: readonly (readonly [string, string])[] = [
  ['what is the main aim of the talks in islamabad', 'negotiations-goal'],
  ['who represented washington in pakistan', 'us-envoy'],
  ['why do people call the talks a puzzle', 'why-a-puzzle'],
  ['did araghchi agree to meet the american envoy directly', 'direct-talks-refused'],
  ['what does it mean to save face', 'saving-face'],
  ['what is a back channel in diplomacy', 'back-channel'],
  ['why was pakistan picked as the venue', 'why-pakistan'],
  ['explain a four eyes meeting', 'four-eyes'],
  ['how can both governments save face in a deal', 'save-face-tactics'],
  ['why is dropping maximum pressure so delicate', 'maximum-pressure'],
  ['pros and cons of sending a family member as envoy', 'unofficial-envoy'],
  ['what does the un say about minimal trust', 'minimal-trust'],
  ['what was the outcome of the islamabad talks', 'talks-outcome'],
  ['were the islamabad talks close to an agreement', 'islamabad-near-deal'],
  ['why did the islamabad talks fail', 'why-islamabad-talks-failed'],
  ['what was araghchi getting at with goodwill breeds goodwill', 'goodwill-saying'],
  ['why were the european mediators sidelined', 'european-mediators-bypassed'],
  ['what is shuttle diplomacy and how did pakistan use it', 'shuttle-diplomacy'],
  ['did the pakistani army chief go to tehran', 'army-chief-tehran'],
  ['has iran accepted the us proposal', 'us-proposal-not-accepted'],
  ['why is the pakistani military acting as a go-between', 'military-as-conduit'],
  ['was pakistan invited to the istanbul talks', 'istanbul-invitation'],
  ['what other countries were invited to the talks in turkey', 'who-else-invited'],
  ['is ishaq dar representing pakistan in istanbul', 'ishaq-dar-attending'],
  ['who was expected at the istanbul talks', 'istanbul-delegations'],
  ['has istanbul been confirmed as the venue', 'istanbul-venue-confirmed'],
  ['what parallel tracks will the istanbul talks cover', 'parallel-tracks'],
  ['on what terms would iran accept a nuclear deal', 'iran-nuclear-terms'],
  ['does iran still trust america', 'iran-lost-trust'],
  ['why were the earlier talks abandoned', 'june-war'],
  ['has trump threatened military action against iran', 'trump-military-threats'],
  ['what did khamenei warn about a war with the us', 'khamenei-warning'],
  ['is there any date given for the talks in islamabad', 'islamabad-talks-date'],
  ['who was the iranian representative in islamabad', 'iran-islamabad-representative'],
  ['are the turkey talks and the islamabad talks one and the same', 'istanbul-vs-islamabad'],
];

describe('Matcher.ask on the shipped FAQ', () => {
  it('given the reworded questions, then they cover every entry and none is a phrasing of the FAQ', async () => {
    expect(new Set(REWORDED.map(([, id]) => id))).toEqual(new Set(kb.entries.map((e) => e.id)));
    for (const [q, id] of REWORDED) {
      const entry = kb.entryById.get(id)!;
      expect([entry.question, ...entry.alternates].map(squash)).not.toContain(squash(q));
    }
  });

  it.each(REWORDED)('given a member asks %j, then the bot answers with %s', async (q, id) => {
    const a = (await matcher.ask(q));
    expect(a.reason).toBe('matched');
    expect(answered(a)).toBe(id);
  });

  it.each([
    ['whats the goal of the negotatons', 'negotiations-goal'],
    ['why was pakistn chosen as the venue', 'why-pakistan'],
    ['who reprsented the us in pakistn', 'us-envoy'],
    ['did irans foriegn minister meet the envoy', 'direct-talks-refused'],
    ['what does maximum presure mean', 'maximum-pressure'],
    ['so what were iran and the us tryin to achieve', 'negotiations-goal'],
  ])('given a typo in %j, then it is corrected and %s answered', async (q, id) => {
    expect(answered((await matcher.ask(q)))).toBe(id);
  });

  it.each([
    'hello',
    'good morning everyone',
    'thanks!',
    'lol ok',
    'asdfghjkl qwerty',
    'qwertyuiop zxcvbnm',
    'how do i change my nickname',
    "what's the best gaming laptop",
    'who won the world cup',
    'what is the exchange rate of the rupee',
    'how much uranium has iran enriched',
    'how many centrifuges does iran have',
    'what was the jcpoa',
    'when was pakistan founded',
    'why not',
    'what for',
    'how come',
    'why tho lol',
    'not really',
  ])('given the off-topic %j, then the bot abstains', async (q) => {
    const a = (await matcher.ask(q));
    expect(a.match).toBeNull();
    expect(['empty', 'no-match', 'low-confidence']).toContain(a.reason);
  });

  it.each([
    ['how many people died in the june war', 'june-war'],
    ['when did araghchi become foreign minister', 'direct-talks-refused'],
    ['what happened to the 2015 iran nuclear deal', 'iran-nuclear-terms'],
    ["who is pakistan's army chief", 'army-chief-tehran'],
  ])('given %j, asking for a fact no entry gives, then it abstains and offers %s', async (q, id) => {
    const a = (await matcher.ask(q));
    expect(a.match).toBeNull();
    expect(a.suggestions.map((c) => c.entry.id)).toContain(id);
  });

  it.each([
    ['when are the istanbul talks expected', 'istanbul-venue-confirmed'],
    ['how many tracks will the istanbul talks have', 'parallel-tracks'],
    ["who is trump's son in law", 'us-envoy'],
    ['who is to blame', 'why-islamabad-talks-failed'],
  ])('given %j, asking for a fact the entry gives, then %s answers it', async (q, id) => {
    expect(answered((await matcher.ask(q)))).toBe(id);
  });

  it.each([
    ['why islamabad', 'why-pakistan'],
    ['but why pakistan', 'why-pakistan'],
    ['how come pakistan is the host', 'why-pakistan'],
  ])('given %j, a bare name after "why", then the choice of it is answered (%s)', async (q, id) => {
    expect(answered((await matcher.ask(q)))).toBe(id);
  });

  it.each(['', '   ', '\n\t ', '🙏🔥💥', '????', '\u200b\u200f', '<@123> <@&456>'])(
    'given nothing to match in %j, then the reason is empty',
    async (q) => {
      const a = (await matcher.ask(q));
      expect(a.reason).toBe('empty');
      expect(a.match).toBeNull();
      expect(a.best).toBeNull();
      expect(a.suggestions).toEqual([]);
    },
  );

  it('given an entry id (what an autocomplete pick sends), then that entry is answered as picked', async () => {
    const a = (await matcher.ask('four-eyes'));
    expect(a.reason).toBe('picked');
    expect(answered(a)).toBe('four-eyes');
    expect(a.match?.confidence).toBe(1);
  });

  it('given a question two entries share, then the closer one comes first and the other follows', async () => {
    const a = (await matcher.ask('did the islamabad talks come close to a deal'));
    expect(answered(a)).toBe('islamabad-near-deal');
    const ids = [a.best, ...a.runnersUp].map((c) => c!.entry.id);
    expect(ids[0]).toBe('islamabad-near-deal');
    expect(ids.indexOf('talks-outcome')).toBe(1);
    const confidences = [a.best, ...a.runnersUp].map((c) => c!.confidence);
    expect([...confidences].sort((x, y) => y - x)).toEqual(confidences);
  });

  it('given a definition question, then the concept entry ranks above the practice entry', async () => {
    const a = (await matcher.ask('saving face definition'));
    const ids = [a.best, ...a.runnersUp].map((c) => c!.entry.id);
    expect(ids.slice(0, 2)).toEqual(['saving-face', 'save-face-tactics']);
  });

  it('given an answer, then related questions are other entries, best first', async () => {
    const a = (await matcher.ask('was pakistan invited to the istanbul talks'));
    expect(a.reason).toBe('matched');
    for (const s of a.suggestions) expect(s.entry.id).not.toBe(a.match!.entry.id);
    const c = a.suggestions.map((s) => s.confidence);
    expect([...c].sort((x, y) => y - x)).toEqual(c);
  });

  it('given an abstention with a plausible entry, then it is offered as "did you mean"', async () => {
    const a = await matcher.ask('what about the deal');
    expect(a.match).toBeNull();
    expect(a.reason).toBe('low-confidence');
    // (an entry on a deal: on the topic, not sure enough to answer)
    expect(a.suggestions[0]?.entry.id).toMatch(/deal|outcome|nuclear-terms/);
    expect(a.suggestions[0]!.confidence).toBeLessThan(MATCHER_DEFAULTS.answerThreshold);
  });

  it('given a 6,000-character message, then it answers without throwing, quickly', async () => {
    const q = `${'why is pakistan the mediator and what is the goal of the talks '.repeat(100)}`.slice(0, 6000);
    expect(q.length).toBe(6000);
    const started = performance.now();
    const a = (await matcher.ask(q));
    expect(performance.now() - started).toBeLessThan(100);
    expect(a.best).not.toBeNull();
    const noise = 'x'.repeat(6000);
    await expect(matcher.ask(noise)).resolves.toBeDefined();
  });

  it('given arbitrary unicode, then ask never throws and confidences stay within 0..1', async () => {
    const vocabulary = ['iran', 'us', 'pakistan', 'envoy', 'four eyes', 'why', 'who', 'how many', "didn't", 'U.S.', '@everyone'];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
      fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 12 }).map((w) => w.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(text, async (q) => {
        const a = await matcher.ask(q);
        for (const c of [a.match, a.best, ...a.runnersUp, ...a.suggestions]) {
          if (c === null) continue;
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
        }
        expect(a.match === null || a.match === a.best).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('Matcher.autocomplete on the shipped FAQ', () => {
  it('given an empty partial, then at most 25 entries are offered, as entry ids', async () => {
    const s = matcher.autocomplete('');
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(25);
    for (const x of s) expect(kb.entryById.has(x.id)).toBe(true);
  });

  it('given "who repr", then us-envoy is offered first', async () => {
    const s = matcher.autocomplete('who repr');
    expect(s[0]?.id).toBe('us-envoy');
    expect(s[0]?.question).toBe(kb.entryById.get('us-envoy')!.question);
  });

  it('given partials, then choices are entry ids, best first, never more than 25', async () => {
    for (const partial of ['why', 'why pak', 'i', 'istan', 'what is back', 'ishaq d', 'x']) {
      const s = matcher.autocomplete(partial);
      expect(s.length).toBeLessThanOrEqual(25);
      for (const x of s) expect(kb.entryById.has(x.id)).toBe(true);
      const scores = s.map((x) => x.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    expect(matcher.autocomplete('why', 100).length).toBeLessThanOrEqual(25);
    expect(matcher.autocomplete('why', 3).length).toBeLessThanOrEqual(3);
    expect(matcher.autocomplete('why', 0)).toEqual([]);
  });
});

describe('Matcher on a large FAQ', () => {
  // How fast is measured by `npm run bench`; this checks that the large-index paths (long
  // postings skipped, scratch space reused) still find the right entry.
  it('given 3,000 synthetic entries, then each entry\'s own question finds it and chit-chat does not', { timeout: 120_000 }, async () => {
    // One alternate an entry: the index is as large in entries, with 9,000 texts to embed, not 15,000.
    const entries: Entry[] = generateEntries(3_000, DEFAULT_SEED, 1).entries.map((e) => ({ ...e, sources: [], file: 'synthetic.yaml' }));
    const big = await buildMatcher({ ...kb, entries, entryById: new Map(entries.map((e) => [e.id, e])) });
    const picked = Array.from({ length: 50 }, (_, i) => entries[i * 59]!);
    let found = 0;
    for (const e of picked) if ((await big.ask(e.question)).best?.entry.id === e.id) found++;
    expect(found).toBe(picked.length);
    expect((await big.ask('how do i change my nickname')).match).toBeNull();
    expect((await big.ask('thanks')).match).toBeNull();
  });
});

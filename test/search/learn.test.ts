import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '../../src/knowledge/types.js';
import { fit, fitScale, probabilities, scaled } from '../../src/search/choice-model.js';
import { PRIOR_MODEL } from '../../src/search/prior-model.js';
import { buildMatcher, Matcher } from '../../src/search/matcher.js';

const source = { id: 's', publisher: 'P', title: 'T', url: 'https://example.org/' };
function faq(entries: { id: string; question: string; alternates?: string[]; answer: string; tags?: string[] }[]): KnowledgeBase {
  const full: Entry[] = entries.map((e) => ({ alternates: [], tags: [], sources: [source], file: 'x.yaml', ...e }));
  return {
    dir: 'x',
    files: ['x.yaml'],
    entries: full,
    articles: [],
    sources: new Map([['s', source]]),
    synonyms: [],
    entryById: new Map(full.map((e) => [e.id, e])),
    articleById: new Map(),
    loadedAt: new Date(0),
  };
}

/** Everyday entries around the ones a test is about: learning needs a few dozen phrasings to hold out. */
const OTHERS = [
  { id: 'opening-hours', question: 'When are you open?', alternates: ['opening hours', 'are you open on sundays', 'what time do you close'], answer: 'Every day from nine to five.' },
  { id: 'contact', question: 'How do I contact support?', alternates: ['support email', 'talk to a person', 'phone number for help'], answer: 'Write to the support address in the app.' },
  { id: 'password', question: 'How do I reset my password?', alternates: ['forgot my password', 'change password', 'cannot log in'], answer: 'Use the reset link on the login page.' },
  { id: 'close-account', question: 'How do I close my account?', alternates: ['delete my account', 'cancel membership', 'leave the service'], answer: 'Ask support to close it.' },
  { id: 'address', question: 'How do I change my address?', alternates: ['update my address', 'I moved house', 'new home address'], answer: 'Edit it under Profile.' },
  { id: 'statement', question: 'Where do I find my statement?', alternates: ['download statement', 'monthly statement', 'see past transactions'], answer: 'Under Accounts, then Statements.' },
  { id: 'app-download', question: 'Where do I download the app?', alternates: ['get the app', 'app store link', 'install the app'], answer: 'From your phone store.' },
  { id: 'language', question: 'Can I change the language?', alternates: ['switch language', 'app in spanish', 'language settings'], answer: 'Under Settings, then Language.' },
];

describe('learning on a tiny FAQ (3 entries, no alternates)', () => {
  const kb = faq([
    { id: 'hours', question: 'When is the library open?', answer: 'Monday to Friday, nine to five.' },
    { id: 'card', question: 'How do I get a library card?', answer: 'Bring an ID to the front desk.' },
    { id: 'fines', question: 'How much are late fines?', answer: 'Ten cents a day per book.' },
  ]);
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await buildMatcher(kb);
  });

  it('given nothing to hold out, then the model learned across FAQs is kept', async () => {
    expect(matcher.model).toEqual(PRIOR_MODEL);
  });

  it('given its exact questions, then each is answered by its own entry', async () => {
    for (const entry of kb.entries) expect((await matcher.ask(entry.question)).match?.entry.id, entry.question).toBe(entry.id);
  });

  it('given questions it does not answer, then it declines them', async () => {
    for (const q of ['who won the football game', 'what is the weather today', 'is the cafe open on sunday', 'hello there']) {
      expect((await matcher.ask(q)).match, q).toBeNull();
    }
  });
});

describe('a FAQ with no alternates at all, the way a community has one', () => {
  // One line a topic, as moderators write them; the questions share few words with them.
  const kb = faq([
    { id: 'password', question: 'How do I reset my password?', answer: 'Use the reset link on the login page.' },
    { id: 'refund', question: 'Can I get a refund?', answer: 'Refunds are given within 30 days of purchase.' },
    { id: 'shipping', question: 'How long does shipping take?', answer: 'Orders arrive in three to five working days.' },
    { id: 'cancel', question: 'How do I cancel my subscription?', answer: 'Open Account, then Subscription, then Cancel.' },
    { id: 'contact', question: 'How can I contact support?', answer: 'Write to the support address in the app.' },
    { id: 'language', question: 'Can I change the app language?', answer: 'Under Settings, then Language.' },
    { id: 'delete-account', question: 'How do I delete my account?', answer: 'Ask support to delete it; it takes a day.' },
    { id: 'invoice', question: 'Where do I find my invoices?', answer: 'Under Billing, then Invoices.' },
  ]);
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await buildMatcher(kb);
  });

  it('given clear questions in other words, then each is answered by its entry', async () => {
    for (const [q, id] of [
      ['i forgot my password, how do i get a new one', 'password'],
      ['is it possible to get my money refunded', 'refund'],
      ['how many days until my order is shipped', 'shipping'],
      ['i want to cancel my plan', 'cancel'],
      ['how do i reach support', 'contact'],
      ['where can i download an invoice', 'invoice'],
    ]) {
      expect((await matcher.ask(q!)).match?.entry.id, q).toBe(id);
    }
  });

  it('given a question sharing no word with the FAQ, then its entry is found by meaning alone', async () => {
    for (const [q, id] of [
      ['i want my money back', 'refund'],
      ['stop my monthly plan', 'cancel'],
    ]) {
      expect((await matcher.ask(q!)).best?.entry.id, q).toBe(id);
    }
  });

  it('given chatter and questions on other things, then it declines them', async () => {
    for (const q of ['hi everyone', 'thanks a lot', 'who won the game last night', 'what is the capital of france', 'recommend me a movie']) {
      expect((await matcher.ask(q)).match, q).toBeNull();
    }
  });

  it('given an entry to hide, then learning sees the same question without it, as if the FAQ lacked that entry', async () => {
    // (learning asks each held-out phrasing both ways from one search: the hidden view must be the plain one less that entry)
    const q = 'i forgot my password, how do i get a new one';
    const e = kb.entries.findIndex((x) => x.id === 'password');
    const vector = await matcher.meaningOf(q);
    const [plain, hidden] = matcher.choicesFor(q, vector, [undefined, e])!;
    expect(plain!.entries).toContain(e);
    expect(hidden!.entries).not.toContain(e);
    // (every other candidate stays; the next one by meaning may join in its place)
    expect(hidden!.entries).toEqual(expect.arrayContaining(plain!.entries.filter((x) => x !== e)));
    // and the same as asking for the hidden view alone
    expect(matcher.choicesFor(q, vector, [e])![0]).toEqual(hidden);
  });
});

describe('a FAQ with no alternates and enough entries to ask its own questions', () => {
  // Thirty one-line entries, as a community's help desk writes them.
  const topics: [string, string, string][] = [
    ['password', 'How do I reset my password?', 'Use the reset link on the login page.'],
    ['refund', 'Can I get a refund?', 'Refunds are given within 30 days of purchase.'],
    ['shipping', 'How long does shipping take?', 'Orders arrive in three to five working days.'],
    ['cancel', 'How do I cancel my subscription?', 'Open Account, then Subscription, then Cancel.'],
    ['contact', 'How can I contact support?', 'Write to the support address in the app.'],
    ['language', 'Can I change the app language?', 'Under Settings, then Language.'],
    ['delete-account', 'How do I delete my account?', 'Ask support to delete it; it takes a day.'],
    ['invoice', 'Where do I find my invoices?', 'Under Billing, then Invoices.'],
    ['two-factor', 'How do I turn on two-factor login?', 'Settings, Security, then Two-factor.'],
    ['email-change', 'How do I change my email address?', 'Edit it under Profile; we send a confirmation.'],
    ['gift-card', 'Can I pay with a gift card?', 'Yes, enter its code at checkout.'],
    ['student', 'Is there a student discount?', 'Students get 20% off with a school address.'],
    ['family', 'Can I share my plan with family?', 'The family plan covers five people.'],
    ['offline', 'Does the app work offline?', 'Downloaded items play without a connection.'],
    ['devices', 'On how many devices can I log in?', 'Up to four at once.'],
    ['trial', 'Is there a free trial?', 'New accounts get fourteen days free.'],
    ['price', 'How much does the plan cost?', 'Nine dollars a month, or ninety a year.'],
    ['payment-failed', 'Why did my payment fail?', 'Check the card expiry date, or try another card.'],
    ['data-export', 'Can I download all my data?', 'Request an export under Privacy; it arrives by email.'],
    ['notifications', 'How do I stop notifications?', 'Turn them off under Settings, Notifications.'],
    ['dark-mode', 'Is there a dark mode?', 'Yes, under Settings, Appearance.'],
    ['username', 'Can I change my username?', 'Once a month, under Profile.'],
    ['report-bug', 'How do I report a bug?', 'Use Help, then Report a problem.'],
    ['accessibility', 'Does the app support screen readers?', 'Yes, every screen is labelled for them.'],
    ['countries', 'Which countries is the service in?', 'Most of Europe and North America.'],
    ['age', 'How old do I have to be to sign up?', 'Sixteen, or thirteen with a parent.'],
    ['pause', 'Can I pause my subscription?', 'For up to three months, under Subscription.'],
    ['receipt', 'Can I get a receipt for my company?', 'Add your company name under Billing.'],
    ['hacked', 'What do I do if my account was hacked?', 'Reset your password and write to support.'],
    ['api', 'Is there a public API?', 'Yes; its documentation is on the developer site.'],
  ];
  const kb = faq(topics.map(([id, question, answer]) => ({ id, question, answer })));
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await buildMatcher(kb);
  });

  it('then the weights learned across FAQs are kept, all at one scale set on this FAQ', () => {
    const scale = matcher.model.weights[0]! / PRIOR_MODEL.weights[0]!;
    expect(scale).not.toBeCloseTo(1, 2);
    matcher.model.weights.forEach((w, i) => expect(w).toBeCloseTo(PRIOR_MODEL.weights[i]! * scale, 6));
    matcher.model.noneWeights.forEach((w, i) => expect(w).toBeCloseTo(PRIOR_MODEL.noneWeights[i]! * scale, 6));
  });

  it('given clear questions in other words, then each is answered by its entry; chatter is declined', async () => {
    for (const [q, id] of [
      ['i forgot my password, how do i get a new one', 'password'],
      ['can i put my subscription on hold for a while', 'pause'],
      ['my card payment got declined why', 'payment-failed'],
      ['how can i export my data', 'data-export'],
    ]) {
      expect((await matcher.ask(q!)).match?.entry.id, q).toBe(id);
    }
    for (const q of ['hi everyone', 'thanks a lot', 'who won the game last night', 'what is the capital of france']) {
      expect((await matcher.ask(q)).match, q).toBeNull();
    }
  });
});

describe('learning on a FAQ where two entries share most words', () => {
  const kb = faq([
    {
      id: 'card-arrival',
      question: 'My new card has not arrived yet',
      alternates: ['where is my card, it never arrived', 'card still not here', 'still waiting for my card to arrive', 'has my card been lost in the post', 'the card I ordered has not come'],
      answer: 'Cards arrive within a week of ordering.',
    },
    {
      id: 'card-delivery-estimate',
      question: 'How long does card delivery take?',
      alternates: ['how many days until my card is delivered', 'when will the card be delivered', 'card delivery time', 'how soon can I get a card', 'how fast is card delivery'],
      answer: 'Delivery takes three to five working days.',
    },
    {
      id: 'card-fee',
      question: 'Is there a fee for a new card?',
      alternates: ['does a card cost anything', 'how much is a replacement card', 'card fee', 'do I pay for the card', 'what does a new card cost'],
      answer: 'The first card is free; a replacement costs five pounds.',
    },
    {
      id: 'pin',
      question: 'How do I change my PIN?',
      alternates: ['change pin', 'I want a new pin', 'set a different pin number', 'reset my pin', 'how to update my pin code'],
      answer: 'Change it at any cash machine.',
    },
    ...OTHERS,
  ]);
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await buildMatcher(kb);
  });

  it('then the model learned differs from the prior', async () => {
    expect(matcher.model).not.toEqual(PRIOR_MODEL);
  });

  it('given a reworded question, then the entry whose own words separate it comes first', async () => {
    expect((await matcher.ask('my card has still not arrived')).best?.entry.id).toBe('card-arrival');
    expect((await matcher.ask('how many days does delivery of a card take')).best?.entry.id).toBe('card-delivery-estimate');
  });

  it('given every confidence, then it is a probability and candidates are ordered by it', async () => {
    const a = (await matcher.ask('card not arrived'));
    const all = [a.best!, ...a.runnersUp];
    for (const c of all) expect(c.confidence).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < all.length; i++) expect(all[i]!.confidence).toBeLessThanOrEqual(all[i - 1]!.confidence);
    expect(all.reduce((sum, c) => sum + c.confidence, 0)).toBeLessThanOrEqual(1.001);
  });
});

describe('the choice model', () => {
  it('given examples where a higher score is right, then fitting learns to prefer it and to decline weak ones', async () => {
    const examples = [];
    for (let i = 0; i < 50; i++) {
      const high = 0.6 + (i % 5) * 0.08;
      examples.push({ candidates: [[high, 0], [high - 0.3, 0]], none: [1], label: 0 });
      examples.push({ candidates: [[0.2 + (i % 5) * 0.04, 0], [0.1, 0]], none: [1], label: -1 });
    }
    const model = fit(examples, { prior: { weights: [0, 0], noneWeights: [0] }, penalty: 1, iterations: 300 });
    const [strong] = probabilities(model, { candidates: [[0.9, 0], [0.5, 0]], none: [1] });
    const weak = probabilities(model, { candidates: [[0.25, 0], [0.1, 0]], none: [1] });
    expect(strong).toBeGreaterThan(0.7);
    expect(weak.at(-1)).toBeGreaterThan(0.6);
  });

  it('given choices labelled as a model twice as sure would label them, then the scale fitted is near 2', () => {
    // (a fixed pseudo-random sequence, so the test is the same every run)
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const model = { weights: [3, 1], noneWeights: [1.5] };
    const examples = Array.from({ length: 3000 }, () => {
      const choice = { candidates: [0, 1, 2].map(() => [random(), random()]), none: [1] };
      const p = probabilities(scaled(model, 2), choice);
      let r = random();
      let label = p.findIndex((x) => (r -= x) < 0);
      if (label === -1 || label === p.length - 1) label = -1;
      return { ...choice, label };
    });
    expect(fitScale(examples, model)).toBeGreaterThan(1.8);
    expect(fitScale(examples, model)).toBeLessThan(2.2);
  });

  it('given no choices, then the scale is 1', () => {
    const model = { weights: [3, 1], noneWeights: [1.5] };
    expect(fitScale([], model)).toBe(1);
  });

  it('given no examples, then the prior stays', async () => {
    const model = fit([], { prior: PRIOR_MODEL, penalty: 1, iterations: 50 });
    model.weights.forEach((w, i) => expect(w).toBeCloseTo(PRIOR_MODEL.weights[i]!, 6));
  });
});

describe('learning how much a missing fact counts', () => {
  // Answers that name the topic and give no figures, as a FAQ of links or placeholders does.
  const vague = (topic: string) => `See our guide on ${topic}.`;
  const kb = faq([
    {
      id: 'delivery',
      question: 'How long does card delivery take?',
      alternates: ['how long until my card comes', 'when will my card be delivered', 'how long is the wait for a card', 'when does the card arrive', 'how long does shipping take'],
      answer: vague('delivery'),
    },
    {
      id: 'transfer',
      question: 'How long does a bank transfer take?',
      alternates: ['how long until my transfer arrives', 'when will the transfer show up', 'how long do transfers take', 'when does money I sent arrive', 'how long is a transfer pending'],
      answer: vague('transfers'),
    },
    {
      id: 'refund',
      question: 'How long does a refund take?',
      alternates: ['how long until I get my refund', 'when will my refund come', 'how long do refunds take', 'when is a refund paid', 'how long is a refund pending'],
      answer: vague('refunds'),
    },
    {
      id: 'pin',
      question: 'How do I change my PIN?',
      alternates: ['change pin', 'I want a new pin', 'set a different pin number', 'reset my pin', 'how to update my pin code'],
      answer: vague('PINs'),
    },
    ...OTHERS.map((e) => ({ ...e, answer: vague(e.id) })),
  ]);
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = await buildMatcher(kb);
  });

  it('given a FAQ whose own phrasings ask "how long" of answers that give no length, then such a question is answered', async () => {
    const a = (await matcher.ask('how long will the delivery of my card take'));
    expect(a.match?.entry.id).toBe('delivery');
  });

  it('given a FAQ whose phrasings never ask for a figure, then a question asking for one its answer lacks is declined, and what is missing is said', async () => {
    const pins = faq([
      { id: 'pin', question: 'How do I change my PIN?', alternates: ['change pin', 'reset my pin', 'new pin please'], answer: 'At any cash machine.' },
      { id: 'card', question: 'How do I order a card?', alternates: ['order a card', 'get a new card', 'I want a card'], answer: 'In the app, under Cards.' },
      ...OTHERS,
    ]);
    const a = await (await buildMatcher(pins)).ask('how many times can I change my pin');
    expect(a.match).toBeNull();
    expect(a.missing).toBe('number');
    expect(a.suggestions[0]?.entry.id).toBe('pin');
  });
});

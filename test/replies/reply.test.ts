import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { REPLY_MESSAGES as M } from '../../src/replies/messages.js';
import { replyForAnswer } from '../../src/replies/reply.js';
import { buildMatcher, Matcher } from '../../src/search/matcher.js';

let matcher: Matcher;
beforeAll(async () => {
  const result = await loadKnowledge('faq');
  if (!result.ok) throw new Error('the shipped FAQ does not load');
  matcher = await buildMatcher(result.kb);
});

const reply = async (q: string) => replyForAnswer(await matcher.ask(q));

describe('the reply to a question the FAQ does not answer', () => {
  it('given a number the FAQ never gives, then it says the topic is covered but not that, and offers the entry', async () => {
    const r = await reply('how many people died in the 12 day war');
    expect(r.kind).toBe('no-answer');
    expect(r.private).toBe(true);
    expect(r.body).toBe(M.missingFact.number);
    expect(r.suggestions.map((s) => s.id)).toContain('june-war');
  });

  it('given a name the FAQ never gives, then it says so', async () => {
    expect((await reply("who is pakistan's army chief")).body).toBe(M.missingFact.name);
  });

  it.each(['how do i change my nickname', 'how many moons does jupiter have', 'how many'])(
    'given %j, off the topic, then it is a plain "not in the FAQ", never "the FAQ covers this topic"',
    async (q) => {
      const r = await reply(q);
      expect(r.kind).toBe('no-answer');
      expect(r.body).toBe(r.suggestions.length > 0 ? M.noAnswerWithSuggestions : M.noAnswer);
    },
  );

  it('given a question the FAQ answers, then the answer is the entry, with its sources', async () => {
    const r = await reply('when are the istanbul talks expected');
    expect(r.kind).toBe('answer');
    expect(r.entryId).toBe('istanbul-venue-confirmed');
    expect(r.sources.length).toBeGreaterThan(0);
  });
});

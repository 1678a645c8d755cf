import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChannelCooldown } from '../../src/auto-answer/cooldown.js';
import { decide } from '../../src/auto-answer/decide.js';
import { precisionOf } from '../../src/auto-answer/precision.js';
import { forumPostText, readAsQuestion } from '../../src/auto-answer/question-shape.js';
import { RecentIds } from '../../src/auto-answer/seen.js';
import { autoAnswerId, gradeId, parseButtonId } from '../../src/replies/custom-ids.js';
import { autoAnswerPayload, helperPayload } from '../../src/replies/discord.js';
import { replyForAutoAnswer } from '../../src/replies/reply.js';
import type { Entry } from '../../src/knowledge/types.js';
import type { Answer } from '../../src/search/types.js';

describe('reading a message as a question', () => {
  it.each([
    ['how do I get a refund?', true],
    ['does the store ship to Canada', true],
    ['anyone know where the rules are', true],
    ['my order never arrived, what now?', true],
    ['hello everyone!', false],
    ['hi?', false],
    ['lol same', false],
    ['I love this server so much', false],
    ['🙂🙂 🎉🎉', false],
    ['<:party:123456789012345678> <a:dance:123456789012345679>', false],
    ['https://example.com/how-do-i-get-a-refund?', false],
    ['```how do I get a refund?```', false],
    ['`how do I get a refund?`', false],
    ['<@123456789012345678> <@&123456789012345679> <#123456789012345670>', false],
    ['> how do I get a refund?\nthis', false],
    ['', false],
  ])('given %j, then question: %s', (text, expected) => {
    expect(readAsQuestion(text).ok).toBe(expected);
  });

  it('given a 4,000-character message, then it is too long to answer', () => {
    expect(readAsQuestion(`how do I get a refund? ${'really '.repeat(570)}`)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('given a question around mentions, links and emoji, then the question is what is left', () => {
    const reading = readAsQuestion('<@123456789012345678> how do I get a refund 🙂 https://shop.example/x?');
    expect(reading).toEqual({ ok: true, text: 'how do I get a refund' });
  });

  it('given a forum post, then its title and body read together, and no question shape is needed', () => {
    const text = forumPostText('Refund for a broken item', 'It arrived cracked');
    expect(readAsQuestion(text, false)).toEqual({ ok: true, text: 'Refund for a broken item. It arrived cracked' });
    expect(readAsQuestion(forumPostText('🙂', ''), false).ok).toBe(false);
  });

  it('given any text, then reading never throws and the text kept has no mention, link or code', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => {
      const r = readAsQuestion(s);
      if (r.ok) expect(r.text).not.toMatch(/<@|https?:\/\/|```/);
    }));
  });
});

const entry = (id: string): Entry => ({ id, question: `Q ${id}?`, alternates: [], answer: 'A.', sources: [{ publisher: 'Pub', title: 'T', url: 'https://example.com/a' }], tags: [] }) as unknown as Entry;
const answer = (match: number | null, best = match): Answer => ({
  question: 'q', match: match === null ? null : { entry: entry('e'), confidence: match }, best: best === null ? null : { entry: entry('e'), confidence: best },
  runnersUp: [], suggestions: [], reason: match === null ? 'no-match' : 'matched',
});

describe('the auto-answer decision', () => {
  it('given the calibrated confidence at, above or below the threshold, or a declined match, then only confident matches are answered', () => {
    expect(decide(answer(0.95)).answer).toBe(true);
    expect(decide(answer(0.949))).toMatchObject({ answer: false, reason: 'below-threshold' });
    expect(decide(answer(0.7), 0.6).answer).toBe(true);
    expect(decide(answer(null, 0.99))).toMatchObject({ answer: false, reason: 'no-match', candidate: { confidence: 0.99 } });
    expect(decide(answer(null, null))).toEqual({ answer: false, reason: 'no-match', candidate: null });
  });
});

describe('shadow precision', () => {
  it('given graded would-be answers, then "of N graded, K right" counts those over the threshold then, and the suggestion keeps 95%', () => {
    const rows = [
      ...Array.from({ length: 19 }, () => ({ confidence: 0.97, wouldAnswer: true, right: true })),
      { confidence: 0.96, wouldAnswer: true, right: false },
      { confidence: 0.9, wouldAnswer: false, right: false },
      { confidence: 0.85, wouldAnswer: false, right: null },
    ];
    const p = precisionOf(rows);
    expect([p.graded, p.right]).toEqual([20, 19]);
    expect(p.suggested).toEqual({ threshold: 0.96, kept: 20 });
    expect(precisionOf(rows.map((r) => ({ ...r, right: r.right === null ? null : false }))).suggested).toBeNull();
    expect(precisionOf([]).graded).toBe(0);
  });
});

describe('cooldown and replays', () => {
  it('given a storm in one channel, then three answers a minute there, and other channels unaffected', () => {
    let t = 0;
    const c = new ChannelCooldown(60_000, 3, () => t);
    const taken = Array.from({ length: 200 }, () => c.take('a')).filter(Boolean).length;
    expect(taken).toBe(3);
    expect(c.take('b')).toBe(true);
    t = 60_000;
    expect(c.take('a')).toBe(true);
  });

  it('given ids claimed, then a repeat is refused, and the memory stays bounded', () => {
    const seen = new RecentIds(100);
    expect(seen.claim('1')).toBe(true);
    expect(seen.claim('1')).toBe(false);
    for (let i = 0; i < 1000; i++) seen.claim(`x${i}`);
    expect(seen.size).toBe(100);
  });
});

describe('auto-answer payloads and buttons', () => {
  it('given an answer, then Solved and Not what I asked for the poster, sources, no pings, within the limits', () => {
    const p = autoAnswerPayload(replyForAutoAnswer(entry('refunds'), 0.97), '123456789012345678');
    expect(p.allowedMentions).toEqual({ parse: [], users: [], roles: [], repliedUser: false });
    expect(p.content).toBeUndefined();
    const buttons = p.components[0]!.components;
    expect(buttons.map((b) => (b as { label: string }).label)).toEqual(['Solved', 'Not what I asked', 'Pub']);
    expect(parseButtonId((buttons[0] as { custom_id: string }).custom_id)).toEqual({ kind: 'auto', verdict: 'solved', posterId: '123456789012345678', entryId: 'refunds' });
    expect(p.embeds[0]!.footer!.text).toContain('97%');
  });

  it('given a helper role, then only that role may be pinged; without one, nobody', () => {
    expect(helperPayload('223456789012345678').allowedMentions).toEqual({ parse: [], users: [], roles: ['223456789012345678'], repliedUser: false });
    expect(helperPayload(null)).toMatchObject({ content: expect.stringContaining('A human will take a look'), allowedMentions: { roles: [] } });
  });

  it('given button ids, then they round-trip within 100 characters, and forged ones are refused', () => {
    const long = 'a'.repeat(60);
    expect(autoAnswerId('not-it', '12345678901234567890', long).length).toBeLessThanOrEqual(100);
    expect(parseButtonId(gradeId('abc_DEF-123', false, '123456789012345678'))).toEqual({ kind: 'grade', recordId: 'abc_DEF-123', right: false, channelId: '123456789012345678' });
    expect(parseButtonId(gradeId('abc', true, null))).toEqual({ kind: 'grade', recordId: 'abc', right: true, channelId: null });
    expect(parseButtonId('aa:solved:notanid:refunds')).toBeNull();
    expect(parseButtonId('aa:maybe:123456789012345678:refunds')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { RecentAnswers } from '../../src/discord/recent-answers.js';

describe('the words behind recent answers', () => {
  it('given the asker\'s 👎, then their words are handed over once; another member\'s 👎 or click gets nothing', () => {
    const recent = new RecentAnswers();
    recent.remember('i1', 'asker', 'my words');
    expect(recent.takeRejected('i1', 'asker')).toBeUndefined();
    recent.dislike('i1', 'someone');
    expect(recent.takeRejected('i1', 'asker')).toBeUndefined();
    recent.dislike('i1', 'asker');
    expect(recent.takeRejected('i1', 'someone')).toBeUndefined();
    expect(recent.takeRejected('i1', 'asker')).toBe('my words');
    expect(recent.takeRejected('i1', 'asker')).toBeUndefined();
  });

  it('given more answers than it holds, or an answer past its time, then those words are gone', () => {
    let now = 0;
    const recent = new RecentAnswers({ capacity: 2, ttlMs: 1000 }, () => now);
    for (const id of ['a', 'b', 'c']) recent.remember(id, 'asker', `words ${id}`);
    for (const id of ['a', 'b', 'c']) recent.dislike(id, 'asker');
    expect(recent.takeRejected('a', 'asker')).toBeUndefined();
    expect(recent.takeRejected('b', 'asker')).toBe('words b');
    now = 1001;
    expect(recent.takeRejected('c', 'asker')).toBeUndefined();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ParseCache } from '../../src/knowledge/parse-file.js';

const FILE = 'sources:\n  src-a:\n    publisher: P\n    title: T\n    url: https://example.com/a\nentries:\n  - id: one\n    question: What is one?\n    answer: One.\n    sources: [src-a]\n';

describe('ParseCache', () => {
  it('given the same text again, then the file is not parsed again; given a change, then it is', () => {
    const cache = new ParseCache();
    const text = vi.fn(() => FILE);
    const first = cache.parse('a.yaml', Buffer.from(FILE), text);
    expect(first.ok).toBe(true);
    expect(cache.parse('a.yaml', Buffer.from(FILE), text)).toBe(first);
    expect(text).toHaveBeenCalledTimes(1);

    const changed = FILE.replace('One.', 'Uno.');
    const second = cache.parse('a.yaml', Buffer.from(changed), () => changed);
    expect(second).not.toBe(first);
    expect(second.ok && second.parsed.data.entries[0]!.answer).toBe('Uno.');
  });

  it('given a file gone since the last read, then sweep() forgets it', () => {
    const cache = new ParseCache();
    const text = vi.fn(() => FILE);
    cache.parse('a.yaml', Buffer.from(FILE), text);
    cache.sweep();
    cache.sweep(); // a read without a.yaml
    cache.parse('a.yaml', Buffer.from(FILE), text);
    expect(text).toHaveBeenCalledTimes(2);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideId, parseButtonId, showId, voteId } from '../../src/replies/custom-ids.js';
import { toChoices, toDiscordPayload } from '../../src/replies/discord.js';
import { escapeForDiscord } from '../../src/replies/escape.js';
import { DISCORD_LIMITS as L } from '../../src/replies/limits.js';
import type { Reply } from '../../src/replies/reply.js';
import { clip, truncate } from '../../src/text/truncate.js';

const anyText = fc.string({ unit: 'grapheme', maxLength: 7000 });
const source = fc.record({
  id: fc.constant('src'),
  publisher: fc.string({ minLength: 1, maxLength: 150 }),
  title: fc.string({ minLength: 1, maxLength: 400 }),
  url: fc.webUrl().map((u) => u.replace(/^http:/, 'https:')),
});
const reply: fc.Arbitrary<Reply> = fc.record({
  kind: fc.constantFrom('answer', 'no-answer', 'article', 'notice'),
  title: anyText,
  body: anyText,
  sources: fc.array(source, { maxLength: 12 }),
  footer: anyText,
  entryId: fc.constantFrom('us-envoy', 'a'.repeat(60)),
  suggestions: fc.array(fc.record({ id: fc.constantFrom('four-eyes', 'why-pakistan', 'b'.repeat(60)), question: anyText }), { maxLength: 30 }),
  private: fc.boolean(),
});

function embedLength(e: { title?: string; description: string; fields?: { name: string; value: string }[]; footer?: { text: string } }): number {
  return (e.title?.length ?? 0) + e.description.length + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

const isLoneSurrogateAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
};

describe('Discord payloads', () => {
  it('given any reply and any options, then every limit Discord enforces holds and mentions are locked down', () => {
    fc.assert(
      fc.property(reply, fc.option(fc.constant('300000000000000777'), { nil: undefined }), fc.option(anyText, { nil: undefined }), (r, forUserId, echo) => {
        const p = toDiscordPayload(r, { ...(forUserId ? { forUserId } : {}), ...(echo !== undefined ? { echo } : {}) });
        expect(p.content?.length ?? 0).toBeLessThanOrEqual(L.content);
        for (const e of p.embeds) {
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(L.embedTitle);
          expect(e.description.length).toBeGreaterThan(0);
          expect(e.description.length).toBeLessThanOrEqual(L.embedDescription);
          expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(L.embedFooter);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(L.embedFields);
          for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(L.embedFieldValue);
          expect(embedLength(e)).toBeLessThanOrEqual(L.embedTotal);
        }
        expect(p.components.length).toBeLessThanOrEqual(L.actionRows);
        const ids = new Set<string>();
        for (const row of p.components) {
          expect(row.components.length).toBeLessThanOrEqual(L.buttonsPerRow);
          for (const b of row.components) {
            expect((b as { label: string }).label.length).toBeLessThanOrEqual(L.buttonLabel);
            if ('custom_id' in b) {
              expect(b.custom_id.length).toBeLessThanOrEqual(L.customId);
              expect(ids.has(b.custom_id)).toBe(false);
              ids.add(b.custom_id);
            }
          }
        }
        expect(p.allowedMentions).toEqual({ parse: [], users: forUserId ? [forUserId] : [], roles: [], repliedUser: false });
      }),
      { numRuns: 300 },
    );
  });

  it('given more than 25 candidates, then at most 25 choices with names and values of 1 to 100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: anyText, value: fc.string({ maxLength: 150 }) }), { maxLength: 60 }), (items) => {
        const choices = toChoices(items);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThanOrEqual(1);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThanOrEqual(1);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('cutting text', () => {
  it('given any text and length, then the result fits, never splits an emoji, and ends with an ellipsis when cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        for (const cut of [truncate(text, max), clip(text, max)]) {
          expect(cut.length).toBeLessThanOrEqual(max);
          for (let i = 0; i < cut.length; i++) expect(isLoneSurrogateAt(cut, i)).toBe(false);
          if (text.length > max) expect(cut.endsWith('…')).toBe(true);
          else expect(cut).toBe(text);
        }
      }),
    );
  });

  it('given a markdown link across the cut, then the link is dropped whole rather than broken', () => {
    const text = `${'word '.repeat(15)}[the source](https://example.com/a/very/long/path) and more words after it`;
    const cut = truncate(text, 90);
    expect(cut).not.toContain('[the source');
    expect(cut.endsWith('…')).toBe(true);
  });

  it('given a long answer, then it is cut on a word boundary', () => {
    expect(truncate('alpha beta gamma delta epsilon', 20)).toBe('alpha beta gamma…');
  });
});

describe('echoing a member', () => {
  it('given mentions and markdown, then none of it can ping or restyle the reply', () => {
    const echoed = escapeForDiscord('@everyone @here <@&123456789012345678> <@123456789012345678> ```code``` ||spoiler|| [x](https://evil)');
    expect(echoed).not.toMatch(/@everyone|@here|<@&\d|<@\d|```|\|\||\[x\]\(/);
  });
});

describe('button ids', () => {
  it('given ids the bot made, then they parse back; given anything else, then null', () => {
    expect(parseButtonId(voteId('us-envoy', false))).toEqual({ kind: 'vote', entryId: 'us-envoy', helpful: false });
    expect(parseButtonId(showId('four-eyes'))).toEqual({ kind: 'show', entryId: 'four-eyes', askKey: null });
    expect(parseButtonId(showId('four-eyes', 'abcdefghijklmnopqrstu_'))).toEqual({ kind: 'show', entryId: 'four-eyes', askKey: 'abcdefghijklmnopqrstu_' });
    // A key that would not fit, or is not a key, leaves the plain button.
    expect(showId('a'.repeat(90), 'abcdefghijklmnopqrstu_')).toBe(`show:${'a'.repeat(90)}`);
    expect(showId('four-eyes', 'not a key')).toBe('show:four-eyes');
    expect(parseButtonId(decideId(true, 'four-eyes', 'abcdefghijklmnopqrstu_')!)).toEqual({ kind: 'decide', accept: true, entryId: 'four-eyes', key: 'abcdefghijklmnopqrstu_' });
    expect(parseButtonId('alt:accept:four-eyes:short')).toBeNull();
    for (const forged of ['vote:us-envoy:maybe', 'vote:US:up', 'show:', 'x'.repeat(101), 'show:a/../b', 'vote:a:up:extra']) {
      expect(parseButtonId(forged)).toBeNull();
    }
  });
});

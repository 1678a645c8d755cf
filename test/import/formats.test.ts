import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/search/matcher.js';
import { npm } from './run.js';

const FIXTURES = 'test/fixtures/import';
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Imports `source` into a new folder; the folder, the file's text and what the command printed. */
function imported(source: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'faq-import-'));
  made.push(dir);
  const out = join(dir, 'imported.yaml');
  const run = npm(['faq:import', '--', join(FIXTURES, source), '--out', out, ...extra]);
  return { dir, out, run, text: run.code === 0 ? readFileSync(out, 'utf8') : '' };
}

/** The entry the real matcher answers `question` with, over the folder as faq:check loads it. */
async function answers(dir: string, question: string) {
  const loaded = await loadKnowledge(dir);
  expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  if (!loaded.ok) return undefined;
  const { match } = await (await buildMatcher(loaded.kb)).ask(question);
  return match === null ? null : { id: match.entry.id, sources: match.entry.sources.map((s) => s.url), answer: match.entry.answer };
}

describe('npm run faq:import, one fixture a format', () => {
  it('given a schema.org FAQPage page, then its questions, answers in Markdown with absolute links, the page credited at its anchors', async () => {
    const { dir, run, text } = imported('faqpage.html');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 entries added/);
    expect(text).toContain('publisher: Harbour Rowing Club');
    const hit = await answers(dir, 'when are the beginner sessions');
    expect(hit?.id).toBe('when-are-beginner-sessions');
    expect(hit?.answer).toContain('[booking page](https://rowing.example.org/booking)');
    expect(hit?.answer).toContain('**Saturday mornings**');
    expect(hit?.sources).toEqual(['https://rowing.example.org/faq#beginners']);
  });

  it('given a page of details/summary blocks, then one entry a block, credited at its id', async () => {
    const { dir, run } = imported('details.html');
    expect(run.code).toBe(0);
    const hit = await answers(dir, 'how do i reset my password');
    expect(hit?.id).toBe('how-do-i-reset-my-password');
    expect(hit?.sources).toEqual(['https://pixelforge.example.net/help#reset-password']);
  });

  it('given a dl page, then each dt with its dd', async () => {
    const { dir, run } = imported('dl.html');
    expect(run.code).toBe(0);
    const hit = await answers(dir, 'how long can i keep a book');
    expect(hit?.answer).toMatch(/^Three weeks/);
  });

  it('given a page of headings, then question headings are entries under their topic, and a heading that is not a question is marked for review', async () => {
    const { dir, run, text } = imported('headings.html');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/imported\.yaml:\d+: updates: question made up from "Updates"/);
    expect(text).toMatch(/tags: \[Installation\]/);
    const hit = await answers(dir, 'why does the install fail on windows');
    expect(hit?.id).toBe('why-does-install-fail-on-windows');
  });

  it('given a Markdown FAQ, then topic headings, question headings, Q/A pairs and details blocks all become entries', async () => {
    const { dir, run, text } = imported('faq.md', ['--url', 'https://garden.example.org/faq', '--publisher', 'Maple Street Garden']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/4 entries added/);
    expect(text).toContain('question: Where are the shared tools kept?');
    expect(text).toContain('question: Can I borrow the wheelbarrow overnight?');
    const hit = await answers(dir, 'how do i get a plot');
    expect(hit?.id).toBe('how-do-i-get-plot');
    expect(hit?.sources).toEqual(['https://garden.example.org/faq#how-do-i-get-a-plot']);
  });

  it('given a CSV with its columns in another order and case, then alternates, tags and row links', async () => {
    const { dir, run, text } = imported('faq.csv');
    expect(run.code).toBe(0);
    expect(text).toContain('- monthly meetup date');
    const hit = await answers(dir, 'when is the next meetup');
    expect(hit?.sources).toContain('https://bookclub.example.org/meetups');
    expect(run.stdout).toMatch(/source "faq-csv" has no web address/);
  });

  it('given a QnA Maker TSV export, then rows sharing a QnA id are one question with its alternates, and metadata values are tags', async () => {
    const { dir, run, text } = imported('qna.tsv', ['--url', 'https://shop.example.com/help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 entries added/);
    expect(text).toContain('- can i send something back');
    expect(text).toContain('tags: [returns]');
    const hit = await answers(dir, 'how do i return a product');
    expect(hit?.id).toBe('how-do-i-return-product');
    expect(hit?.sources).toEqual(['https://shop.example.com/help', 'https://shop.example.com/help/returns']);
  });

  it('given a tags.toml, then one entry a tag with the tag name as id, its question marked as made up', async () => {
    const { dir, run, text } = imported('tags.toml', ['--url', 'https://example.org/tags.toml']);
    expect(run.code).toBe(0);
    expect(text).toMatch(/- id: ask-to-ask\n\s+# faq:import made this question up/);
    expect(run.stdout).toMatch(/ask-to-ask: question made up from "ask-to-ask"/);
    const hit = await answers(dir, 'should i ask to ask');
    expect(hit?.id).toBe('ask-to-ask');
  });

  it('given a tag opening with code and a list, then its made-up question takes the first sentence of prose, not the code', () => {
    const { run, text } = imported('tags.toml', ['--url', 'https://example.org/tags.toml']);
    expect(run.code).toBe(0);
    const question = /- id: send-delay\n.*\n\s+question: "([^"]*)"/.exec(text)?.[1]?.replace(/\s+/g, ' ');
    // "senddelay" only spells the name again; the fenced `js` and the list's dash are not words.
    expect(question).toBe('Send delay (sleep): Client setTimeout is gone: wait with the timers promises API instead');
  });

  it('given a folder of Markdown tags with front matter, then the file names as ids, titles as questions, sub-folders as topics', async () => {
    const { dir, run, text } = imported('tags', ['--url', 'https://example.org/tags']);
    expect(run.code).toBe(0);
    expect(text).toContain('question: Where do off-topic chats go?');
    expect(text).toMatch(/tags: \[rules, off-topic, ot\]/);
    const hit = await answers(dir, 'where do off-topic chats go');
    expect(hit?.id).toBe('off-topic');
  });

  it('given a file whose name says nothing (faq.txt holding a TSV), then the format is told from its content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faq-import-'));
    made.push(dir);
    copyFileSync(join(FIXTURES, 'qna.tsv'), join(dir, 'faq.txt'));
    const run = npm(['faq:import', '--', join(dir, 'faq.txt'), '--out', join(dir, 'faq', 'a.yaml'), '--url', 'https://shop.example.com/help']);
    expect(run.code).toBe(0);
    expect((await answers(join(dir, 'faq'), 'what payment methods do you accept'))?.id).toBe('what-payment-methods-do-you-accept');
  });

  it('given two sources in one run, then one file holding both, each credited to its own source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faq-import-'));
    made.push(dir);
    const run = npm(['faq:import', '--', join(FIXTURES, 'dl.html'), join(FIXTURES, 'details.html'), '--out', join(dir, 'faq.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/4 entries added/);
    expect((await answers(dir, 'are there late fees'))?.sources).toEqual(['https://lantern-library.example.com/questions#late-fees']);
    expect((await answers(dir, 'can i delete my account'))?.sources).toEqual(['https://pixelforge.example.net/help#delete-account']);
  });
});

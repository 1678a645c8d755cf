import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { npm } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'faq-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function loaded(folder: string): Promise<KnowledgeBase> {
  const result = await loadKnowledge(folder);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
  return result.kb;
}

/** What a member reads of each entry: its question, its answer, who it credits where, and its topic; by question (the page groups by topic). */
const readable = (kb: KnowledgeBase) =>
  kb.entries
    .map((e) => ({
      question: e.question,
      answer: e.answer.trim(),
      sources: e.sources.map((s) => ({ title: s.title, publisher: s.publisher, url: s.url })),
      topic: e.tags[0],
    }))
    .sort((a, b) => a.question.localeCompare(b.question));

describe('npm run faq:export', () => {
  it('given the shipped FAQ exported to Markdown and imported again, then the same questions, answers and sources', async () => {
    const page = join(dir, 'faq.md');
    const exported = npm(['faq:export', '--', '--format', 'markdown', '--out', page]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^wrote .*faq\.md \(\d+ entries\)/);
    const back = npm(['faq:import', '--', page, '--out', join(dir, 'back', 'faq.yaml')]);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    const [before, after] = [await loaded('faq'), await loaded(join(dir, 'back'))];
    expect(readable(after)).toEqual(readable(before));
  });

  it('given --format html, then a standalone page grouped by topic, with sources linked, readable on a phone, with no script', async () => {
    const out = join(dir, 'faq.html');
    expect(npm(['faq:export', '--', '--format', 'html', '--out', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const kb = await loaded('faq');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link |\son\w+=/i);
    const first = kb.entries[0]!;
    expect(html).toContain(`<h2 id="topic-1">${first.tags[0]}</h2>`);
    expect(html).toContain(`<a href="${first.sources[0]!.url}" rel="noopener">`);
    expect((html.match(/<h3>/g) ?? []).length).toBe(kb.entries.length);
  });

  it('given an unknown format, then usage and exit 2', () => {
    const run = npm(['faq:export', '--', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run faq:export/);
  });
});

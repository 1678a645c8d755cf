import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { npm } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'faq-import-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run faq:import with an answer over the limit', () => {
  it('given a 6,000-character answer in paragraphs, then it is cut at a paragraph with a link to the rest, and listed for review', async () => {
    const paragraph = (n: number) => `Paragraph ${n}: ${'the rules of the club say more about this. '.repeat(12).trim()}`;
    const answer = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join('\n\n');
    expect(answer.length).toBeGreaterThan(6000);
    writeFileSync(join(dir, 'rules.md'), `# Club rules\n\n## What are the club rules?\n\n${answer}\n`);
    const out = join(dir, 'faq', 'rules.yaml');
    const run = npm(['faq:import', '--', join(dir, 'rules.md'), '--out', out, '--url', 'https://club.example.org/rules']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rules\.yaml:\d+: what-are-club-rules: answer of \d+ characters cut at a paragraph, with a link to the rest/);
    const loaded = await loadKnowledge(join(dir, 'faq'));
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
    const kept = loaded.kb.entries[0]!.answer;
    expect(kept.length).toBeLessThanOrEqual(3800);
    expect(kept).toMatch(/the rules of the club say more about this\.\n\n\[Read the rest\]\(https:\/\/club\.example\.org\/rules#what-are-the-club-rules\)$/);
    expect(answer.startsWith(kept.slice(0, kept.indexOf('\n\n[Read the rest]')))).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Paragraph 1:');
  });
});

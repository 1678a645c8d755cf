import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npm } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'faq-import-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports a file holding `content`; what the command printed, and whether the FAQ file exists. */
function importing(name: string, content: string | Buffer) {
  const source = join(dir, name);
  writeFileSync(source, content);
  const out = join(dir, 'out', `${name.replace(/\W/g, '-')}.yaml`);
  const run = npm(['faq:import', '--', source, '--out', out]);
  return { ...run, source, written: existsSync(out) };
}

describe('npm run faq:import with bad input: one line naming the place, exit 1, nothing written', () => {
  it.each([
    ['malformed TOML', 'tags.toml', '[ok]\ncontent = "fine"\n\n[broken\ncontent = "x"\n', /tags\.toml:4: not valid TOML: /],
    ['a CSV without an answer column', 'faq.csv', 'Question,Link\nWhat time is it?,https://example.org\n', /faq\.csv:1: no "answer" column \(the header has: Question, Link\)/],
    ['a page with no FAQ on it', 'page.html', '<!doctype html><html><head><title>Home</title></head><body><p>Welcome.</p></body></html>', /page\.html: no questions and answers found/],
    ['a CSV with a header and no rows', 'header.csv', 'question,answer\n', /header\.csv: no entry with both a question and an answer/],
    ['an empty file', 'empty.md', '\n\n', /empty\.md: empty; there is nothing to import/],
    ['binary data', 'photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /photo\.md: this is binary data, not text/],
    ['a 50 MB file', 'huge.csv', Buffer.alloc(50 * 1024 * 1024, 'a'), /huge\.csv: 52428800 bytes is over the 10485760-byte limit/],
  ])('given %s, then its one line', (_what, name, content, line) => {
    const { code, stdout, stderr, source, written } = importing(name, content);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(line);
    expect(stderr).toContain(source);
    expect(stderr).toMatch(/\(nothing was written\)$/m);
    expect(written).toBe(false);
  });

  it('given an existing file and no --update, then it refuses and the file is as it was', () => {
    const out = join(dir, 'kept', 'faq.yaml');
    expect(npm(['faq:import', '--', 'test/fixtures/import/faq.csv', '--out', out]).code).toBe(0);
    const before = readFileSync(out, 'utf8');
    const again = npm(['faq:import', '--', 'test/fixtures/import/dl.html', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/faq\.yaml already exists; add --update/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('given an unknown option, then usage and exit 2', () => {
    const { code, stderr } = npm(['faq:import', '--', 'test/fixtures/import/faq.csv', '--overwrite']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: npm run faq:import -- SOURCE/);
  });
});

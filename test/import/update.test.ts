import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npm } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'faq-import-update-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TAGS = (content: string, extra = '') =>
  `[ask-to-ask]\nkeywords = ["ask"]\ncontent = """\n${content}\n"""\n\n[paste-code]\ncontent = "Share code in a code block."\n${extra}`;

describe('npm run faq:import --update', () => {
  it('given the same source changed, then only its entries change, each reported, and moderators\' alternates and comments stay', () => {
    const source = join(dir, 'tags.toml');
    const out = join(dir, 'faq', 'tags.yaml');
    writeFileSync(source, TAGS('Just ask your question.', '\n[old-tag]\ncontent = "Going away."\n'));
    const first = npm(['faq:import', '--', source, '--out', out, '--url', 'https://example.org/tags']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/3 entries added/);

    // A moderator's hand: an alternate, a comment, a reworded question (its mark deleted).
    const edited = readFileSync(out, 'utf8')
      .replace(/(- id: ask-to-ask\n)/, '$1    # Keep this one short: members read it on phones.\n')
      .replace(/( {4}answer: )/, '    alternates:\n      - can i ask something\n$1')
      .replace(/ {4}# faq:import made this question up[^\n]*\n( {4}question: )"?Paste code[^\n]*/, '$1How do I share my code?');
    writeFileSync(out, edited);
    expect(npm(['faq:check', '--', join(dir, 'faq')]).code).toBe(0);

    writeFileSync(source, TAGS('Just ask your question, with what you tried.', '\n[new-tag]\ncontent = "Brand new."\n'));
    const dry = npm(['faq:import', '--', source, '--out', out, '--url', 'https://example.org/tags', '--update', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would write /);
    expect(readFileSync(out, 'utf8')).toBe(edited);

    const second = npm(['faq:import', '--', source, '--out', out, '--url', 'https://example.org/tags', '--update']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/1 entry added, 1 changed, 1 removed, 1 unchanged/);
    expect(second.stdout).toMatch(/ {2}added new-tag\n/);
    expect(second.stdout).toMatch(/ {2}changed ask-to-ask\n/);
    expect(second.stdout).toMatch(/ {2}removed old-tag\n/);
    const after = readFileSync(out, 'utf8');
    expect(after).toContain('# Keep this one short: members read it on phones.');
    expect(after).toContain('- can i ask something');
    expect(after).toContain('with what you tried.');
    expect(after).toContain('question: How do I share my code?');
    expect(after).not.toContain('old-tag');

    const third = npm(['faq:import', '--', source, '--out', out, '--url', 'https://example.org/tags', '--update']);
    expect(third.stdout).toMatch(/0 entries added, 0 changed, 0 removed, 3 unchanged/);
    expect(readFileSync(out, 'utf8')).toBe(after);
  });

  it('given a dry run on a new file, then the report and no file', () => {
    const out = join(dir, 'dry', 'faq.yaml');
    const run = npm(['faq:import', '--', 'test/fixtures/import/dl.html', '--out', out, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^would write .*faq\.yaml:\n {2}2 entries added/);
    expect(existsSync(out)).toBe(false);
  });

  it('given made-up questions, then faq:check --strict lists each at its line until a moderator rewords it', () => {
    const out = join(dir, 'strict', 'tags.yaml');
    expect(npm(['faq:import', '--', 'test/fixtures/import/tags.toml', '--out', out]).code).toBe(0);
    const strict = npm(['faq:check', '--', '--strict', join(dir, 'strict')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/tags\.yaml:\d+:\d+: source "tags-toml" has no real address yet/);
    expect(strict.stderr).toMatch(/tags\.yaml:\d+:\d+: the question of entry "ask-to-ask" was made up from a name/);
    expect(strict.stderr).toMatch(/tags\.yaml:\d+:\d+: the question of entry "paste-code" was made up from a name/);
    const relaxed = npm(['faq:check', '--', join(dir, 'strict')]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/^OK: 1 file\(s\), 3 entries/);
  });
});

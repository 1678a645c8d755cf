import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs an npm script the way other tools and newcomers do, with no Discord token. */
function npm(args: string[], input = '') {
  const env = { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: '' };
  const r = spawnSync('npm', ['run', ...args], { input, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run ask -- --batch (a contract other tools read)', () => {
  it('given questions on stdin, then one JSON object a line, in order, and nothing else on stdout', () => {
    const questions = ['who went to pakistan for the americans', 'thanks', '', 'what is a four eyes meeting'];
    const { code, stdout } = npm(['ask', '--', '--batch'], `${questions.join('\n')}\n`);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(questions.length);
    const rows = lines.map((l) => JSON.parse(l) as { q: string; match: { id: string; confidence: number; sources: string[] } | null });
    expect(rows.map((r) => r.q)).toEqual(questions);
    expect(rows[0]!.match).toEqual({ id: 'us-envoy', confidence: expect.any(Number), sources: expect.arrayContaining([expect.stringMatching(/^https:\/\//)]) });
    expect(Object.keys(rows[0]!)).toEqual(['q', 'match']);
    expect(Object.keys(rows[0]!.match!)).toEqual(['id', 'confidence', 'sources']);
    expect(rows[0]!.match!.confidence).toBeGreaterThan(0);
    expect(rows[0]!.match!.confidence).toBeLessThanOrEqual(1);
    expect(rows[1]!.match).toBeNull();
    expect(rows[2]!.match).toBeNull();
    expect(rows[3]!.match!.id).toBe('four-eyes');
  });
});

describe('npm run ask -- "question"', () => {
  it('given a question, then the answer, its source and link, as a member reads them', () => {
    const { code, stdout } = npm(['ask', '--', 'what is a four eyes meeting']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/four eyes/i);
    expect(stdout).toContain('Archyworldys');
    expect(stdout).toContain('https://www.archyworldys.com/');
  });

  it('given an off-topic question, then "no answer" rather than the nearest entry', () => {
    const { stdout } = npm(['ask', '--', 'how do i change my nickname']);
    expect(stdout).toMatch(/don't have an answer/);
  });
});

describe('npm start with no DISCORD_TOKEN', () => {
  it('given questions piped in and no terminal, then it says what is missing, answers, and exits 0 at end of input', () => {
    const { code, stdout, stderr } = npm(['start'], 'why is pakistan the mediator\n');
    expect(code).toBe(0);
    expect(stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(stdout).toMatch(/Pakistan/);
    expect(stdout).toMatch(/https:\/\//);
  });
});

describe('npm run faq:check', () => {
  it('given the shipped files, then a one-line summary and exit 0', () => {
    const { code, stdout } = npm(['faq:check']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^OK: 1 file\(s\), \d+ entries, \d+ articles, \d+ sources in faq$/);
  });

  it('given a folder with a broken file, then every error and a non-zero exit', () => {
    const { code, stderr } = npm(['faq:check', 'test/fixtures/broken-faq']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.yaml:\d+:\d+: /);
  });
});

/** A one-file FAQ folder of `entries` (YAML list items) crediting one source; removed by the caller. */
function faqFolder(entries: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'faq-check-'));
  writeFileSync(
    join(dir, 'a.yaml'),
    `sources:\n  src-a:\n    publisher: Example News\n    title: A report\n    url: https://example.com/a\nentries:\n${entries}`,
  );
  return dir;
}

const HOURS = `  - id: embassy-hours
    question: When is the embassy in Islamabad open?
    alternates: [embassy opening hours islamabad]
    answer: The embassy opens on weekday mornings.
    sources: [src-a]
`;
const VISA = (alternate: string, reviewBy: string) => `  - id: embassy-visa
    question: How do I get a visa from the embassy in Islamabad?
    alternates: [visa application islamabad, ${alternate}]
    answer: Visas are applied for online, then collected at the embassy.
    sources: [src-a]
    review_by: ${reviewBy}
`;

const COLLISION = /a\.yaml:(?<line>\d+):(?<column>\d+): warning: alternate \d of entry "(?<owner>[a-z-]+)", "(?<text>[^"]+)", is answered by entry "(?<other>[a-z-]+)" \(\d+%\)/;

describe('npm run faq:check on a folder that loads but has warnings', () => {
  it('given an alternate another entry answers and a review date past, then both are warned about at file:line, the summary still prints, exit 0', () => {
    const dir = faqFolder(HOURS + VISA('islamabad embassy opening hours', '2001-01-31'));
    try {
      const { code, stdout, stderr } = npm(['faq:check', '--', dir]);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(`OK: 1 file(s), 2 entries, 0 articles, 1 sources in ${dir}`);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines).toContainEqual(expect.stringMatching(/a\.yaml:17:16: warning: entry "embassy-visa" was due for review on 2001-01-31/));
      // Which of the two entries wins the shared wording is the matcher's call; either way
      // the warning names both, the wording, and where the losing entry has it.
      const collision = COLLISION.exec(lines.find((l) => l.includes('is answered by')) ?? '');
      expect(collision).not.toBeNull();
      const { line, column, owner, text, other } = collision!.groups!;
      expect(new Set([owner, other])).toEqual(new Set(['embassy-hours', 'embassy-visa']));
      expect(text).toMatch(/opening hours/);
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8').split('\n')[Number(line) - 1]!.indexOf(text!) + 1).toBe(Number(column));
      expect(lines[2]).toBe('2 warnings (npm run faq:check -- --strict makes them errors).');

      const strict = npm(['faq:check', '--', dir, '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toBe('');
      expect(strict.stderr).toMatch(/a\.yaml:17:16: entry "embassy-visa" was due for review/);
      expect(strict.stderr).toContain(`a.yaml:${line}:${column}: alternate`);
      expect(strict.stderr).toContain(`2 problem(s) found in ${dir}.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given entries whose phrasings each find their own entry and a review date ahead, then no warning, even with --strict', () => {
    const dir = faqFolder(HOURS + VISA('visa for pakistan', '2999-12-31'));
    try {
      const { code, stdout, stderr } = npm(['faq:check', '--', '--strict', dir]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^OK: 1 file\(s\), 2 entries/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given an option it does not know, then usage and exit 2', () => {
    const { code, stderr } = npm(['faq:check', '--', '--strcit']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: npm run faq:check/);
  });
});

describe('npm run eval', () => {
  it('given a question file and thresholds above what it reaches, then it lists misses and exits non-zero', () => {
    const { code, stdout } = npm(['eval', '--', 'test/fixtures/held-out-questions.jsonl', '--min-answered', '1.01']);
    expect(stdout).toMatch(/^MISS {2}"/m);
    expect(stdout).toMatch(/answered right: \d+\/70/);
    expect(stdout).toMatch(/declined right: \d+\/40/);
    expect(code).toBe(1);
  });

  it('given thresholds it reaches, then exit 0', () => {
    expect(npm(['eval', '--', 'test/fixtures/held-out-questions.jsonl', '--min-answered', '0.3', '--min-declined', '0.5']).code).toBe(0);
  });

  it('given an option it does not know (--help), then the usage line and exit 2, not a stack trace', () => {
    const { code, stderr } = npm(['eval', '--', '--help']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: npm run eval -- <questions\.jsonl>/m);
    expect(stderr).not.toMatch(/ERR_PARSE_ARGS|at .*node:internal/);
  });
});

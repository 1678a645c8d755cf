import { spawnSync } from 'node:child_process';
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
});

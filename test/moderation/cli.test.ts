import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { ask, silent } from '../store/fixtures/helpers.js';
import { TINY_FAQ } from '../store/fixtures/tiny-faq.js';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-cli-'));
  await writeFile(join(dir, 'talks.yaml'), TINY_FAQ);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(script: 'faq-report' | 'faq-suggest', databasePath: string, args: string[] = []) {
  const env = { ...process.env, DATABASE_PATH: databasePath, FAQ_DIR: dir, LOG_LEVEL: 'silent' };
  return run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { env });
}

describe('faq:report and faq:suggest', () => {
  it('given no database yet, then they say nothing is recorded, create nothing, and exit 0', async () => {
    const path = join(dir, 'data', 'faq.sqlite');
    for (const script of ['faq-report', 'faq-suggest'] as const) {
      const { stdout } = await cli(script, path);
      expect(stdout).toMatch(/^Nothing recorded yet/);
    }
    await expect(readFile(path)).rejects.toThrow();
  });

  it('given a mistyped option, a --limit out of range or --html without a file, then usage on stderr and exit 2, nothing read', async () => {
    const path = join(dir, 'faq.sqlite');
    const cases: [script: 'faq-report' | 'faq-suggest', args: string[], usage: RegExp][] = [
      ['faq-report', ['--limt', '5'], /^usage: npm run faq:report/],
      ['faq-report', ['--html'], /^usage: npm run faq:report/],
      ['faq-report', ['--html', '--json'], /^usage: npm run faq:report/],
      ['faq-report', ['--limit', '0'], /^usage: --limit N/],
      ['faq-suggest', ['--jsno'], /^usage: npm run faq:suggest/],
    ];
    for (const [script, args, usage] of cases) {
      const failed = await cli(script, path, args).then(() => null, (error: { code: number; stderr: string; stdout: string }) => error);
      expect(failed, `${script} ${args.join(' ')}`).toMatchObject({ code: 2, stdout: '' });
      expect(failed!.stderr).toMatch(usage);
      expect(failed!.stderr).not.toMatch(/ERR_PARSE_ARGS|node:internal/);
    }
  });

  it('given recorded questions, then the report and the suggestions print them without changing the database', async () => {
    const path = join(dir, 'faq.sqlite');
    const store = await openStore({ path, logger: silent });
    for (const m of ['a', 'b']) await store.recordAsk(ask('how do I bake sourdough bread', m));
    await store.recordAsk(ask('who went to pakistan for the us'));
    await store.close();
    const before = await readFile(path);

    const report = await cli('faq-report', path);
    expect(report.stdout).toContain('1. "how do I bake sourdough bread": 2 asks by 2 members');
    const json = JSON.parse((await cli('faq-report', path, ['--json', '--limit', '1'])).stdout) as { groups: unknown[] };
    expect(json.groups).toHaveLength(1);
    const suggest = await cli('faq-suggest', path);
    expect(parseAllDocuments(suggest.stdout).every((d) => d.errors.length === 0)).toBe(true);
    expect(suggest.stdout).toContain('id: bake-sourdough-bread');

    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it('given auto-answer settings and graded shadow records, then the report has a shadow section with the precision and the threshold for 95%', async () => {
    const path = join(dir, 'faq.sqlite');
    const store = await openStore({ path, logger: silent });
    const guildId = '1300000000000000001';
    await store.setAutoAnswer({ guildId, channelId: '1400000000000000001', mode: 'shadow', minConfidence: 0.9, helperRoleId: null });
    for (let i = 0; i < 4; i++) {
      await store.recordShadow({ guildId, channelId: '1400000000000000001', question: `who went to pakistan ${i}?`, entryId: 'us-envoy', confidence: 0.92 + i / 100 });
    }
    await store.recordShadow({ guildId, channelId: '1400000000000000001', question: 'what about oman', entryId: 'us-envoy', confidence: 0.91 });
    const rows = await store.latestShadow(guildId, '1400000000000000001', 10);
    for (const r of rows) await store.gradeShadow(guildId, r.id, r.question.includes('oman') ? 'wrong' : 'right');
    await store.close();

    const { stdout } = await cli('faq-report', path);
    const section = stdout.slice(stdout.indexOf('Auto-answers and shadow mode'));
    expect(section).toContain('- server 1300000000000000001, channel 1400000000000000001: shadow at 90%');
    expect(section).toContain('Of 5 graded, 4 right (80%).');
    expect(section).toContain('To keep precision at 95%: min-confidence 0.92 (keeps 4 of the graded).');
    expect(section).toContain('"what about oman" → us-envoy (91%) WRONG');
  });
});

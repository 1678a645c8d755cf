import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The bot compiled to JavaScript (`npm run build`, then `npm run start:compiled`), as an
 * operator runs it to save memory and start-up time: the same answers as from the sources,
 * with the reload worker and the command modules found beside the compiled files.
 */
const OUT = `.dist-test-${process.pid}`;

beforeAll(() => {
  // Inside the repo, so that the compiled files resolve node_modules as dist/ does.
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}${r.stderr}`);
}, 130_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the compiled bot', () => {
  it('given the build, then the reload worker and every command module are there as JavaScript', () => {
    expect(existsSync(`${OUT}/src/live/reload-worker.js`)).toBe(true);
    for (const name of ['ask', 'faq', 'article', 'help', 'find-faq-answer', 'faq-admin']) expect(existsSync(`${OUT}/commands/${name}.js`), name).toBe(true);
  });

  it('given no Discord token and a question on stdin, then the local chat answers it and exits 0 at the end of input', () => {
    const env = { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: '' };
    const r = spawnSync(process.execPath, [`${OUT}/src/main.js`], { input: 'who went to pakistan for the americans\n', env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Who represented the U.S.');
    expect(r.stdout).toContain('https://www.archyworldys.com/');
  });
});

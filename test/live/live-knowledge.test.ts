import { cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../src/live/live-knowledge.js';

const FAQ_FILE = 'iran-us-pakistan.yaml';
let dir: string;
let live: LiveKnowledge;

async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const extraFile = `entries:
  - id: cricket-score
    question: What was the cricket score in the Islamabad test match?
    alternates: [cricket score islamabad]
    answer: This entry exists only to test live reloading.
    sources: [archyworldys-secret-diplomacy]
`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-live-'));
  await cp(join('faq', FAQ_FILE), join(dir, FAQ_FILE));
  const opened = await LiveKnowledge.open(dir, pino({ level: 'silent' }));
  if (!(opened instanceof LiveKnowledge)) throw new Error('shipped FAQ did not load');
  live = opened;
  live.watch();
});
afterEach(async () => {
  await live.close();
  await rm(dir, { recursive: true, force: true });
});

describe('live reload', () => {
  it('given a new file saved in the folder, then its entry is served within seconds, without a restart', async () => {
    expect(live.matcher.entry('cricket-score')).toBeUndefined();
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    await until(() => live.matcher.entry('cricket-score') !== undefined, 'the new entry');
    expect((await live.matcher.ask('cricket score islamabad')).match?.entry.id).toBe('cricket-score');
  });

  it('given a broken edit, then the last good answers stay and the error is reported with file:line', async () => {
    const before = live.matcher;
    await writeFile(join(dir, 'extra.yaml'), `${extraFile}    bogus: field\n`);
    await until(() => live.problem !== null, 'the problem to be noticed');
    expect(live.matcher).toBe(before);
    expect((await live.matcher.ask('who went to pakistan for the americans')).match?.entry.id).toBe('us-envoy');
    expect(live.problem![0]).toMatchObject({ file: expect.stringContaining('extra.yaml'), line: 7, message: expect.stringContaining('bogus') });
    // Fixing it clears the problem and serves the new entry.
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    await until(() => live.problem === null && live.matcher.entry('cricket-score') !== undefined, 'the fix');
  });

  it('given a file saved in steps (truncated, then half written, then whole), then the set ends right', async () => {
    const path = join(dir, 'extra.yaml');
    await writeFile(path, '');
    await writeFile(path, extraFile.slice(0, 60));
    await writeFile(path, extraFile);
    await until(() => live.problem === null && live.matcher.entry('cricket-score') !== undefined, 'the whole file');
  });

  it('given a save by rename (write a temp file, rename over), then the new text is served', async () => {
    const text = (await readFile(join(dir, FAQ_FILE), 'utf8')).replace("What does a 'four eyes' meeting mean in diplomacy?", 'What exactly is a four eyes meeting?');
    await writeFile(join(dir, '.tmp-save'), text);
    await rename(join(dir, '.tmp-save'), join(dir, FAQ_FILE));
    await until(() => live.matcher.entry('four-eyes')?.question === 'What exactly is a four eyes meeting?', 'the renamed save');
  });

  it('given a file deleted and added back, then its entries go and come back', async () => {
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    await until(() => live.matcher.entry('cricket-score') !== undefined, 'added');
    await unlink(join(dir, 'extra.yaml'));
    await until(() => live.matcher.entry('cricket-score') === undefined, 'deleted');
    await writeFile(join(dir, 'extra.yaml'), extraFile);
    await until(() => live.matcher.entry('cricket-score') !== undefined, 'added back');
  });

  it('given the whole folder replaced, then the watcher survives and serves the new folder', async () => {
    const fresh = `${dir}-new`;
    await cp(dir, fresh, { recursive: true });
    await writeFile(join(fresh, 'extra.yaml'), extraFile);
    await rm(dir, { recursive: true });
    await rename(fresh, dir);
    await until(() => live.matcher.entry('cricket-score') !== undefined, 'the replaced folder');
  });

  it('given every file deleted, then the last good set stays and the problem says the folder is empty', async () => {
    await unlink(join(dir, FAQ_FILE));
    await until(() => live.problem !== null, 'the empty folder noticed');
    expect(live.matcher.entry('us-envoy')).toBeDefined();
  });
});

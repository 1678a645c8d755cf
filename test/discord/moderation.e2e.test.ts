import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalText, startHarness, str, sub, type Harness } from './harness.js';

const MODERATOR = { permissions: String(1n << 5n) };
let faqDir: string;
let h: Harness;

/** The text of the last message the interaction produced (reply or edit). */
async function lastText(handle: { waitFor(n: number, t?: number): Promise<{ body: unknown }[]> }, n = 2): Promise<string> {
  const calls = await handle.waitFor(n, 10_000);
  return JSON.stringify(calls.at(-1)!.body);
}

describe('the moderators loop through Discord', () => {
  beforeAll(async () => {
    faqDir = await mkdtemp(join(tmpdir(), 'faq-mod-'));
    await cp('faq/iran-us-pakistan.yaml', join(faqDir, 'iran-us-pakistan.yaml'));
    h = await startHarness({ faqDir });
  });
  afterAll(async () => {
    await h?.stop();
    await rm(faqDir, { recursive: true, force: true });
  });

  it('given members asked something the FAQ lacks, then /faq-admin unanswered lists it, grouped', async () => {
    for (const [q, userId] of [
      ['how much uranium has iran enriched', '300000000000000101'],
      ['how much uranium did iran enrich', '300000000000000102'],
      ['what is the cricket score', '300000000000000103'],
    ] as const) {
      await h.fake.slash('ask', [str('question', q)], { userId }).response();
    }
    await new Promise((r) => setTimeout(r, 200));
    // The report is the edit of the deferred reply; a teaching message per group follows it.
    const calls = await h.fake.slash('faq-admin', [sub('unanswered')], MODERATOR).waitFor(2, 10_000);
    const text = JSON.stringify(calls.find((c) => c.method === 'PATCH')!.body);
    expect(text).toMatch(/uranium/);
    expect(text).toMatch(/cricket/);
    expect(text).not.toMatch(/@everyone/);
  });

  it('given a broken edit and /faq-admin reload, then the errors with file:line are shown and answers stay', async () => {
    await writeFile(join(faqDir, 'broken.yaml'), 'entries:\n  - id: Not An Id\n');
    const text = await lastText(h.fake.slash('faq-admin', [sub('reload')], MODERATOR));
    expect(text).toMatch(/not reloaded/);
    expect(text).toMatch(/broken\.yaml:2:/);
    const stats = await lastText(h.fake.slash('faq-admin', [sub('stats')], MODERATOR));
    expect(stats).toMatch(/broken/);
    const answer = JSON.stringify(await h.fake.slash('ask', [str('question', 'what is a four eyes meeting')]).response());
    expect(answer).toMatch(/four eyes/i);
    await rm(join(faqDir, 'broken.yaml'));
    expect(await lastText(h.fake.slash('faq-admin', [sub('reload')], MODERATOR))).toMatch(/FAQ reloaded/);
  });

  it('given an entry past its review_by date, then /faq-admin stats lists it as due for review', async () => {
    expect(await lastText(h.fake.slash('faq-admin', [sub('stats')], MODERATOR))).toMatch(/Due for review:\*\* none/);
    const source = /^sources:\n {2}([a-z0-9-]+):/m.exec(await readFile(join(faqDir, 'iran-us-pakistan.yaml'), 'utf8'))![1]!;
    await writeFile(
      join(faqDir, 'dated.yaml'),
      `entries:\n  - id: cricket-score\n    question: What was the cricket score?\n    answer: Not part of this FAQ.\n    sources: [${source}]\n    review_by: 2001-01-31\n`,
    );
    expect(await lastText(h.fake.slash('faq-admin', [sub('reload')], MODERATOR))).toMatch(/FAQ reloaded/);
    const stats = await lastText(h.fake.slash('faq-admin', [sub('stats')], MODERATOR));
    expect(stats).toMatch(/Due for review:\*\* `cricket-score` \(2001-01-31\)/);
    await rm(join(faqDir, 'dated.yaml'));
  });
});

describe('given a database that cannot be written', () => {
  let broken: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faq-nodb-'));
    // The database's folder is a regular file: nothing can be created there.
    await writeFile(join(dir, 'not-a-folder'), '');
    broken = await startHarness({ env: { DATABASE_PATH: join(dir, 'not-a-folder', 'bot.sqlite') } });
  });
  afterAll(async () => {
    await broken?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('then members still get answers, votes say they cannot be saved, and stats says it is not recording', async () => {
    const answer = JSON.stringify(await broken.fake.slash('ask', [str('question', 'what is a four eyes meeting')]).response());
    expect(answer).toMatch(/four eyes/i);
    const vote = await finalText(broken.fake.button('vote:four-eyes:up', { id: '600000000000000077' }));
    expect(vote).toMatch(/can't be saved/);
    const stats = await lastText(broken.fake.slash('faq-admin', [sub('stats')], MODERATOR));
    expect(stats).toMatch(/Recording:\*\* NO/);
    expect(broken.logs.join('\n')).toMatch(/not recording|cannot|could not/i);
  });
});

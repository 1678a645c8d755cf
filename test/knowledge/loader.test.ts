import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knowledgeJsonSchema } from '../../src/knowledge/json-schema.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatIssue } from '../../src/knowledge/types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SOURCE = `sources:
  src-a:
    publisher: Example
    title: A report
    url: https://example.com/a
`;
const entry = (id: string, question = `What is ${id}?`) => `  - id: ${id}
    question: ${question}
    answer: An answer about ${id}.
    sources: [src-a]
`;

async function problems(files: Record<string, string | Buffer>): Promise<string[]> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const result = await loadKnowledge(dir);
  return result.ok ? [] : result.issues.map((i) => formatIssue({ ...i, file: i.file.replace(/^.*\//, '') }));
}

describe('given valid files', () => {
  it('then a frozen snapshot with resolved sources comes back', async () => {
    await writeFile(join(dir, 'a.yaml'), `${SOURCE}entries:\n${entry('one')}`);
    await writeFile(join(dir, 'b.yml'), `entries:\n${entry('two')}`);
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.kb.entries.map((e) => e.id)).toEqual(['one', 'two']);
    expect(result.kb.entryById.get('two')!.sources[0]!.url).toBe('https://example.com/a');
    expect(Object.isFrozen(result.kb.entries[0])).toBe(true);
  });

  it('then an entry may carry a review_by date, kept in the snapshot', async () => {
    await writeFile(join(dir, 'a.yaml'), `${SOURCE}entries:\n${entry('one')}    review_by: 2026-06-30\n${entry('two')}`);
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.kb.entryById.get('one')!.review_by).toBe('2026-06-30');
    expect(result.kb.entryById.get('two')!.review_by).toBeUndefined();
  });

  it('then the shipped knowledge base loads with every fixed entry id', async () => {
    const result = await loadKnowledge('faq');
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    const ids = new Set(result.kb.entries.map((e) => e.id));
    for (const id of ['negotiations-goal', 'us-envoy', 'why-a-puzzle', 'direct-talks-refused', 'saving-face', 'back-channel', 'why-pakistan',
      'four-eyes', 'save-face-tactics', 'maximum-pressure', 'unofficial-envoy', 'minimal-trust', 'talks-outcome']) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(result.kb.articles.length).toBeGreaterThanOrEqual(5);
  });
});

describe('given broken files, then every problem is reported with file, line and column', () => {
  it('bad YAML', async () => {
    expect(await problems({ 'a.yaml': `${SOURCE}entries:\n  - id: [unclosed\n` })).toEqual([expect.stringMatching(/^a\.yaml:\d+:\d+: this is not valid YAML/)]);
  });

  it('unknown field, missing field and wrong type, all in one pass', async () => {
    const text = `${SOURCE}entries:\n  - id: one\n    question: What?\n    answr: typo\n    sources: [src-a]\n  - id: two\n    question: 42\n    answer: Fine.\n    sources: src-a\n`;
    const found = await problems({ 'a.yaml': text });
    expect(found).toContainEqual(expect.stringMatching(/^a\.yaml:9:5: entries\.0: unknown field "answr"/));
    expect(found).toContainEqual(expect.stringMatching(/^a\.yaml:\d+:\d+: entries\.0: the field "answer" is missing/));
    expect(found).toContainEqual(expect.stringMatching(/^a\.yaml:12:15: entries\.1\.question: expected string/));
    expect(found).toContainEqual(expect.stringMatching(/^a\.yaml:14:14: entries\.1\.sources: expected array/));
  });

  it('duplicate ids within and across files, and a duplicate question', async () => {
    const found = await problems({
      'a.yaml': `${SOURCE}entries:\n${entry('one')}${entry('one', 'Another question?')}`,
      'b.yaml': `entries:\n${entry('two', 'What is one?')}`,
    });
    expect(found).toContainEqual(expect.stringMatching(/^a\.yaml:11:9: the entry id "one" is already used at .*a\.yaml:7/));
    expect(found).toContainEqual(expect.stringMatching(/^b\.yaml:3:15: this question is the same as the one of entry "one"/));
  });

  it('a source no file defines, and a non-https url', async () => {
    const found = await problems({
      'a.yaml': `sources:\n  src-b:\n    publisher: X\n    title: T\n    url: http://example.com\n`,
      'b.yaml': `${SOURCE}entries:\n  - id: one\n    question: Q?\n    answer: A.\n    sources: [nope]\n`,
    });
    expect(found).toContainEqual(expect.stringMatching(/^a\.yaml:5:10: sources\.src-b\.url: must be an https:\/\/ address/));
    expect(found).toContainEqual(expect.stringMatching(/^b\.yaml:10:15: the source "nope" is not defined/));
  });

  it('a review_by that is no date: misspelt, impossible or not YYYY-MM-DD', async () => {
    const found = await problems({
      'a.yaml': `${SOURCE}entries:\n${entry('one')}    review_by: next spring\n${entry('two')}    review_by: 2026-02-30\n${entry('three')}    review_by: 30/06/2026\n`,
    });
    expect(found).toEqual([
      expect.stringMatching(/^a\.yaml:11:16: entries\.0\.review_by: must be a date written YYYY-MM-DD/),
      expect.stringMatching(/^a\.yaml:16:16: entries\.1\.review_by: must be a date written YYYY-MM-DD/),
      expect.stringMatching(/^a\.yaml:21:16: entries\.2\.review_by: must be a date written YYYY-MM-DD/),
    ]);
  });

  it('an answer too long for a Discord reply', async () => {
    const found = await problems({ 'a.yaml': `${SOURCE}entries:\n  - id: one\n    question: Q?\n    answer: ${'word '.repeat(900)}\n    sources: [src-a]\n` });
    expect(found).toEqual([expect.stringMatching(/entries\.0\.answer: answer is longer than 3800 characters and would not fit a Discord reply/)]);
  });

  it('an alias bomb, a custom tag, a merge key and __proto__', async () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    const found = await problems({
      'bomb.yaml': bomb,
      'tag.yaml': `${SOURCE}entries: !!js/function "x"\n`,
      'merge.yaml': `base: &base {x: 1}\nentries:\n  - <<: *base\n`,
      'proto.yaml': `__proto__:\n  polluted: true\n`,
    });
    expect(found).toContainEqual(expect.stringMatching(/^bomb\.yaml:2:\d+: the file uses YAML anchors and aliases/));
    expect(found).toContainEqual(expect.stringMatching(/^tag\.yaml:6:\d+: the YAML tag .*js\/function is not allowed/));
    expect(found).toContainEqual(expect.stringMatching(/^merge\.yaml:3:5: YAML merge keys \(<<\) are not allowed/));
    expect(found).toContainEqual(expect.stringMatching(/^proto\.yaml:1:1: the key "__proto__" is not allowed/));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty file, duplicate keys, invalid UTF-8, a file over the size cap', async () => {
    const found = await problems({
      'empty.yaml': '',
      'dup.yaml': `${SOURCE}sources: {}\n`,
      'latin1.yaml': Buffer.from([0x65, 0x6e, 0x74, 0x72, 0x69, 0x65, 0x73, 0x3a, 0x20, 0xe9, 0xff, 0x0a]),
      'huge.yaml': `# ${'x'.repeat(3 * 1024 * 1024)}\n`,
    });
    expect(found).toContainEqual(expect.stringMatching(/^empty\.yaml:1:1: the file is empty/));
    expect(found).toContainEqual(expect.stringMatching(/^dup\.yaml:6:1: the key "sources" appears twice/));
    expect(found).toContainEqual(expect.stringMatching(/^latin1\.yaml:1:1: the file is not valid UTF-8/));
    expect(found).toContainEqual(expect.stringMatching(/^huge\.yaml:1:1: the file is .* bytes, over the/));
  });

  it('a BOM is fine, unrelated files are ignored, a symlink loop is named', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'notes.txt'), 'not yaml');
    await symlink(join(dir, 'loop.yaml'), join(dir, 'loop.yaml')).catch(() => undefined);
    const found = await problems({ 'a.yaml': `\ufeff${SOURCE}entries:\n${entry('one')}` });
    expect(found).toEqual([expect.stringMatching(/^loop\.yaml:1:1: the file cannot be read \(ELOOP\)/)]);
  });
});

describe('given the zod schema', () => {
  it('then faq/schema.json is what it generates (run npm run faq:schema after changing it)', async () => {
    expect(await readFile('faq/schema.json', 'utf8')).toBe(knowledgeJsonSchema());
  });
});

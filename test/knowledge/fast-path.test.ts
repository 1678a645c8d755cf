import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { loadFast, parseKnowledgeText, parseWithYaml, type ParseResult } from '../../src/knowledge/parse-file.js';
import { knowledgeFileSchema } from '../../src/knowledge/schema.js';
import { writeSyntheticFaq } from '../../bench/synthetic.js';
import { Gen } from './yaml-generator.js';

/**
 * The fast path (js-yaml, then the schema) must never disagree with the yaml package on a
 * file it accepts: same data, and no file that yaml finds fault with. Checked on generated
 * files (odd indentations, odd words, and then damaged at random).
 */

const OPTIONS = { uniqueKeys: true, merge: false, schema: 'core' } as const;

/** Whether js-yaml took the text; if it did, yaml must read it without a fault, to the same data. */
function compare(text: string): 'fast' | 'slow' {
  const fast = loadFast(text);
  if (fast === undefined) return 'slow';
  const doc = parseDocument(text, OPTIONS);
  const faults = [...doc.errors, ...doc.warnings].map((e) => e.message);
  expect(faults, `yaml finds fault with a file js-yaml read:\n${text}`).toEqual([]);
  const expected = doc.toJS();
  if (!isDeepStrictEqual(fast, expected)) expect(fast, `different data for:\n${text}`).toEqual(expected);
  return 'fast';
}

const outcome = (result: ParseResult) => (result.ok ? { data: result.parsed.data } : { issues: result.issues });

/** Whether the fast path took a knowledge file; either way the loader's result must be parseWithYaml's. */
function sameResult(text: string): 'fast' | 'slow' {
  const fast = loadFast(text);
  const taken = fast !== undefined && knowledgeFileSchema.safeParse(fast).success;
  expect(outcome(parseKnowledgeText(text, 'f.yaml')), text).toEqual(outcome(parseWithYaml(text, 'f.yaml')));
  return taken ? 'fast' : 'slow';
}

/** A knowledge file whose texts are generated scalars: often valid, so the schema step is crossed too. */
function knowledgeFile(gen: Gen): string {
  const lines = ['sources:', '  src-a:', `    publisher: ${gen.scalar(4)}`, '    title: T', '    url: https://x.org/a', 'entries:'];
  for (let i = gen.int(1, 2); i > 0; i--) {
    lines.push(`  - id: e${i}`, `    question: ${gen.scalar(4)}`, `    answer: ${gen.scalar(4)}`, '    sources: [src-a]');
    if (gen.chance(0.5)) lines.push('    alternates:', ...Array.from({ length: gen.int(1, 2) }, () => `      - ${gen.scalar(6)}`));
  }
  return `${lines.join('\n')}\n`;
}

const VALID = 'sources:\n  src-a:\n    publisher: P\n    title: T\n    url: https://x.org/a\nentries:\n  - id: e1\n    question: Why?\n    answer: Because.\n    sources: [src-a]\n';

/** Runs `check` on seeds 1..runs, naming the seed of a failure; how many took the fast path. */
function fastOverSeeds(runs: number, check: (seed: number) => 'fast' | 'slow'): number {
  let fast = 0;
  for (let seed = 1; seed <= runs; seed++) {
    try {
      if (check(seed) === 'fast') fast++;
    } catch (error) {
      throw new Error(`seed ${seed}: ${(error as Error).message}`);
    }
  }
  return fast;
}

describe('the fast path (js-yaml)', () => {
  it('reads the shipped knowledge file itself, the same as yaml', () => {
    const text = readFileSync('faq/iran-us-pakistan.yaml', 'utf8');
    expect(compare(text)).toBe('fast');
    expect(sameResult(text)).toBe('fast');
  });

  it('reads what yaml.stringify writes for a knowledge file', () => {
    const data = {
      sources: { 'src-a': { publisher: 'P', title: 'Field notes 0.0: how members use it', url: 'https://example.org/a', date: '2025-01-15' } },
      synonyms: [['account', 'acc'], ['log in', 'sign in']],
      entries: [
        {
          id: 'e1',
          question: 'Why does the account say "no"?',
          alternates: ['whats up w/ my acc', "it's: broken", '#hashtag question'],
          answer: `${'A long answer that goes on. '.repeat(12)}Nothing is lost: your data stays.`,
          sources: ['src-a'],
          tags: ['account'],
        },
      ],
    };
    for (const lineWidth of [40, 80, 0]) {
      const text = stringify(data, { lineWidth });
      expect(compare(text)).toBe('fast');
      expect(sameResult(text)).toBe('fast');
    }
  });

  it('given generated files, damaged or not, then whatever js-yaml reads yaml reads the same', () => {
    const runs = 6000;
    const fast = fastOverSeeds(runs, (seed) => compare(new Gen(seed).document()));
    // The generator must reach the fast path often enough for this test to mean something.
    expect(fast).toBeGreaterThan(runs / 10);
  });

  it('given generated knowledge files, then the loader gives what parseWithYaml gives, and takes many the fast way', () => {
    const runs = 2000;
    const fast = fastOverSeeds(runs, (seed) => sameResult(knowledgeFile(new Gen(seed))));
    // Most generated scalars break the YAML or the schema; enough are left.
    expect(fast).toBeGreaterThan(runs / 20);
  });

  it('leaves anything unusual to yaml, which names the same problems as parseWithYaml', () => {
    const entry = (from: string, to: string) => VALID.replace(from, to);
    const unusual = {
      alias: entry('answer: Because.', 'answer: &a Because.\n    alternates: [*a]'),
      customTag: entry('Because.', '!custom Because.'),
      binary: entry('Because.', '!!binary QmVjYXVzZS4='),
      bareTag: entry('Because.', '! 12'),
      mergeKey: entry('    answer:', '    <<: {tags: [x]}\n    answer:'),
      proto: entry('  src-a:', '  __proto__:\n    x: y\n  src-a:'),
      escapedConstructor: VALID.replaceAll('src-a', '"constructo\\x72"'),
      duplicateKey: entry('answer: Because.', 'answer: Because.\n    answer: Again.'),
      nullId: VALID.replace('  src-a:', '  null:').replace('[src-a]', '[~]'),
      numberId: VALID.replace('  src-a:', '  12:').replace('[src-a]', '["12"]'),
      hugeNumber: entry('Why?', '1e999'),
      directive: `%FOO bar\n---\n${VALID}`,
      loneCr: entry('Why?', 'Why\r  now?'),
      escapedLineBreak: entry('Why?', '"Why\\\n\n      now?"'),
      tabIndent: entry('    answer:', '\tanswer:'),
      tooDeep: entry('Because.', `\n${'  - '.repeat(50_000)}x`),
    };
    for (const [name, text] of Object.entries(unusual)) expect(sameResult(text), name).toBe('slow');
  });

  it('given real knowledge files, then the loader gets the same data and, when asked, the same places', async () => {
    const generated = await writeSyntheticFaq(1000);
    try {
      const texts = [readFileSync('faq/iran-us-pakistan.yaml', 'utf8'), ...readdirSync(generated.dir).map((f) => readFileSync(join(generated.dir, f), 'utf8'))];
      for (const text of texts) {
        expect(loadFast(text)).toBeDefined();
        const fast = parseKnowledgeText(text, 'f.yaml');
        const reference = parseWithYaml(text, 'f.yaml');
        if (!fast.ok || !reference.ok) throw new Error('a valid file did not load');
        expect(fast.parsed.data).toEqual(reference.parsed.data);
        expect(fast.parsed.places()).toEqual(reference.parsed.places());
        expect(fast.parsed.places()).toBe(fast.parsed.places());
      }
    } finally {
      await generated.cleanup();
    }
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isCollection, isScalar, parseDocument, stringify, type Node } from 'yaml';
import { fastYaml, readFast, type FastYaml, type Starts } from '../../src/knowledge/fast-yaml.js';
import { parseKnowledgeText, parseWithYaml } from '../../src/knowledge/parse-file.js';
import { writeSyntheticFaq } from '../../bench/synthetic.js';
import { Gen } from './yaml-generator.js';

/**
 * The fast reader must never disagree with the `yaml` package on a file it accepts: same
 * data, same places, and no file that `yaml` finds fault with. Checked on generated files
 * (every construct the fast reader knows, at odd indentations, and then damaged at random).
 */

const OPTIONS = { uniqueKeys: true, merge: false, schema: 'core' } as const;

/** Compares every value start the fast reader recorded with where `yaml` puts that node. */
function placesDiffer(fast: FastYaml, doc: ReturnType<typeof parseDocument>): string | null {
  const walk = (value: unknown, path: (string | number)[]): string | null => {
    if (value === null || typeof value !== 'object') return null;
    const starts = fast.starts.get(value) as Starts | undefined;
    if (starts === undefined) return `no starts at ${path.join('.')}`;
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      const at = (starts as Record<string | number, number>)[key];
      const node = doc.getIn([...path, key], true) as Node | undefined;
      const expected = node && (isScalar(node) || isCollection(node)) ? node.range?.[0] : undefined;
      if (at !== expected) return `${[...path, key].join('.')}: fast ${at}, yaml ${expected}`;
      const inner = walk((value as Record<string | number, unknown>)[key], [...path, key]);
      if (inner) return inner;
    }
    return null;
  };
  return walk(fast.value, []);
}

function compare(text: string): 'fast' | 'slow' {
  const doc = parseDocument(text, OPTIONS);
  const fast = fastYaml(text);
  if (fast === undefined) return 'slow';
  const clean = doc.errors.length === 0 && doc.warnings.length === 0;
  expect(clean, `yaml finds fault with a file the fast reader accepted:\n${text}\n${doc.errors.map((e) => e.message).join('\n')}`).toBe(true);
  const expected = doc.toJS();
  if (!isDeepStrictEqual(fast.value, expected)) {
    expect(fast.value, `different data for:\n${text}`).toEqual(expected);
  }
  const differ = placesDiffer(fast, doc);
  expect(differ, `different places for:\n${text}`).toBeNull();
  return 'fast';
}

describe('the fast YAML reader', () => {
  it('reads the shipped knowledge file itself, the same as yaml', () => {
    expect(compare(readFileSync('faq/iran-us-pakistan.yaml', 'utf8'))).toBe('fast');
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
    for (const lineWidth of [40, 80, 0]) expect(compare(stringify(data, { lineWidth }))).toBe('fast');
  });

  it('given generated files, damaged or not, then whatever it accepts yaml reads the same', () => {
    let fast = 0;
    const runs = 6000;
    for (let seed = 1; seed <= runs; seed++) {
      const text = new Gen(seed).document();
      try {
        if (compare(text) === 'fast') fast++;
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`);
      }
    }
    // The generator must reach the fast path often enough for this test to mean something.
    expect(fast).toBeGreaterThan(runs / 10);
  });

  it('leaves anything unusual to yaml: anchors, tags, tabs, CR, duplicate keys, numbers, nulls, nesting too deep for the stack', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str x\n', 'a:\tx\n', 'a: x\r\nb: y\r\n', 'a: x\na: y\n', 'a: 12\n', 'a:\n', 'a: null\n',
      'a: [1, 2]\n', '- x\n', '--- \na: x\n', '%YAML 1.2\n---\na: x\n', 'a: {b: c}\n', '? a\n: b\n', '"a": b\n', 'a: x # c\n', 'a: x\n  # c\n  y\n',
      `a:\n  ${'- '.repeat(50_000)}x\n`]) {
      expect(readFast(text), text).toBeTypeOf('number');
    }
  });

  it('given real knowledge files, then the loader gets the same data and the same places either way', async () => {
    const generated = await writeSyntheticFaq(1000);
    try {
      const texts = [readFileSync('faq/iran-us-pakistan.yaml', 'utf8'), ...readdirSync(generated.dir).map((f) => readFileSync(join(generated.dir, f), 'utf8'))];
      for (const text of texts) {
        expect(fastYaml(text)).toBeDefined();
        const fast = parseKnowledgeText(text, 'f.yaml');
        const reference = parseWithYaml(text, 'f.yaml');
        if (!fast.ok || !reference.ok) throw new Error('a valid file did not load');
        expect(fast.parsed.data).toEqual(reference.parsed.data);
        expect(fast.parsed.places).toEqual(reference.parsed.places);
      }
    } finally {
      await generated.cleanup();
    }
  });
});

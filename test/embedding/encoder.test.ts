import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../src/embedding/cache.js';
import { embedAll } from '../../src/embedding/embed.js';
import { defaultModelDir, loadEncoder, type Encoder } from '../../src/embedding/encoder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

let encoder: Encoder;
let dir: string;
beforeAll(async () => {
  encoder = await loadEncoder();
  dir = await mkdtemp(join(tmpdir(), 'vectors-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the committed sentence encoder', () => {
  it('given the model folder, then its files are the ones models/README.md lists, byte for byte', async () => {
    const readme = await readFile(join(defaultModelDir(), '..', 'README.md'), 'utf8');
    for (const name of ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json']) {
      const sum = createHash('sha256').update(await readFile(join(defaultModelDir(), name))).digest('hex');
      expect(readme, name).toContain(`| \`${name}\` |`);
      expect(readme, name).toContain(sum);
    }
  });

  it('given a paraphrase and an unrelated sentence, then the paraphrase is the closer, by a wide margin', async () => {
    const q = await encoder.embed('my bot does not see what people write in their messages');
    const paraphrase = await encoder.embed('why is message content empty');
    const unrelated = await encoder.embed('what time does the bakery open on sundays');
    expect(dot(q, paraphrase)).toBeGreaterThan(dot(q, unrelated) + 0.2);
  });

  it('given any text, then it gives a unit vector of its dimensions, and the same one again', async () => {
    for (const text of ['', 'a', '🙏🔥', 'x'.repeat(5000), 'hello <@123> @everyone']) {
      const v = await encoder.embed(text);
      expect(v.length).toBe(encoder.dimensions);
      expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-3);
      expect([...(await encoder.embed(text))]).toEqual([...v]);
    }
  });

  it('given a folder without a model, then loading says which file is missing and where to point', async () => {
    await expect(loadEncoder(join(dir, 'nothing-here'))).rejects.toThrow(/model\.onnx is missing.*EMBEDDING_MODEL_DIR/);
  });
});

describe('the vector cache', () => {
  /** The real encoder, counting what it is asked to embed. */
  const counting = () => {
    const asked: string[] = [];
    return { asked, encoder: { ...encoder, embed: (t: string) => (asked.push(t), encoder.embed(t)) } };
  };

  it('given a second build with one text changed, then only that text is embedded, and the vectors are the same', async () => {
    const texts = ['how do I reset my password', 'where is the office', 'what are the opening hours'];
    const first = counting();
    const before = await embedAll(texts, first.encoder, EmbeddingCache.open(dir, encoder.id, encoder.dimensions));
    expect(first.asked).toEqual(texts);
    // (a new process: the cache is read back from its file)
    const second = counting();
    const after = await embedAll([...texts.slice(0, 2), 'when are you open'], second.encoder, EmbeddingCache.open(dir, encoder.id, encoder.dimensions));
    expect(second.asked).toEqual(['when are you open']);
    expect([...after.get(texts[0]!)!]).toEqual([...before.get(texts[0]!)!]);
  });

  it('given another model, then the vectors of the first are not used', async () => {
    await embedAll(['a text for one model'], encoder, EmbeddingCache.open(dir, encoder.id, encoder.dimensions));
    expect(EmbeddingCache.open(dir, encoder.id, encoder.dimensions).get('a text for one model')).toBeDefined();
    const other = EmbeddingCache.open(dir, 'another-model', encoder.dimensions);
    expect(other.size).toBe(0);
    expect(other.get('a text for one model')).toBeUndefined();
  });

  it('given a damaged cache file, then it is ignored and rewritten', async () => {
    const damaged = await mkdtemp(join(tmpdir(), 'vectors-bad-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(damaged, `${encoder.id}.vectors`), 'not a cache at all');
    const cache = EmbeddingCache.open(damaged, encoder.id, encoder.dimensions);
    expect(cache.size).toBe(0);
    await embedAll(['one'], encoder, cache);
    expect(EmbeddingCache.open(damaged, encoder.id, encoder.dimensions).size).toBe(1);
    await rm(damaged, { recursive: true, force: true });
  });
});

import type { EmbeddingCache } from './cache.js';
import type { Encoder } from './encoder.js';

/** Every text's vector, from the cache when it has it, else from the encoder (and then cached). */
export async function embedAll(texts: Iterable<string>, encoder: Encoder, cache: EmbeddingCache): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  for (const text of texts) {
    if (out.has(text)) continue;
    let vector = cache.get(text);
    if (vector === undefined) {
      vector = await encoder.embed(text);
      cache.set(text, vector);
    }
    out.set(text, vector);
  }
  cache.save();
  return out;
}

import type { EmbeddingCache } from './cache.js';
import type { Encoder } from './encoder.js';

/** How many texts are embedded between two calls of `progress`. */
const PROGRESS_EVERY = 500;

/**
 * Every text's vector, from the cache when it has it, else from the encoder (and then
 * cached). `progress` is called now and then while texts are being embedded (a first build of
 * a big FAQ takes minutes: the reload worker says it is still at work).
 */
export async function embedAll(texts: Iterable<string>, encoder: Encoder, cache: EmbeddingCache, progress?: () => void): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  let embedded = 0;
  try {
    for (const text of texts) {
      if (out.has(text)) continue;
      let vector = cache.get(text);
      if (vector === undefined) {
        vector = await encoder.embed(text);
        cache.set(text, vector);
        if (++embedded % PROGRESS_EVERY === 0) progress?.();
      }
      out.set(text, vector);
    }
  } finally {
    // (also when embedding stopped half way: what was made is kept for the next build)
    cache.save();
  }
  return out;
}

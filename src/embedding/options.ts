import { defaultModelDir } from './encoder.js';

/** Where the sentence encoder is read from, and where its vectors are kept between builds. */
export interface EmbeddingOptions {
  /** A folder with model.onnx, tokenizer.json and tokenizer_config.json (EMBEDDING_MODEL_DIR). */
  readonly modelDir: string;
  /** The folder of the vector cache (EMBEDDING_CACHE_DIR); null: kept in memory only. */
  readonly cacheDir: string | null;
}

export const EMBEDDING_DEFAULTS: EmbeddingOptions = Object.freeze({ modelDir: defaultModelDir(), cacheDir: 'data/embeddings' });

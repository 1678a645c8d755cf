import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '@huggingface/tokenizers';
import ort from 'onnxruntime-node';
import { EMBEDDING_MESSAGES as M } from './messages.js';

/**
 * A sentence encoder: text in, a unit vector out, whose dot product with another text's says
 * how alike their meanings are. It runs a sentence-transformers model exported to ONNX
 * (scripts/make-model.py: mean pooling and normalisation are inside the graph), on the CPU,
 * in the calling thread, from files on disk: nothing is fetched.
 */
export interface Encoder {
  /** Names the model's weights (a hash of its file): vectors of two encoders with one id are interchangeable. */
  readonly id: string;
  readonly dimensions: number;
  embed(text: string): Promise<Float32Array>;
}

/**
 * Ends every encoder of this thread once its runs in flight are done; embedding after that
 * fails. A worker thread must do this before it ends: onnxruntime-node aborts the whole
 * process when a thread is terminated with a run in flight.
 */
export async function closeEncoders(): Promise<void> {
  const all = [...loaded.values()];
  loaded.clear();
  closing = true;
  await Promise.allSettled(all.map(async (e) => (await e).close()));
}
let closing = false;

/** Tokens read of a text at most: questions and the starts of answers are far shorter. */
const MAX_TOKENS = 128;

/** The model folder shipped with the bot (models/ at the package's root). */
export function defaultModelDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  // (src/embedding when run from the sources, dist/src/embedding when compiled)
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'models', 'all-MiniLM-L6-v2');
}

const loaded = new Map<string, Promise<Encoder & { close(): Promise<void> }>>();

/** The encoder of the model in `dir` (model.onnx, tokenizer.json, tokenizer_config.json), loaded once a process. */
export function loadEncoder(dir: string = defaultModelDir()): Promise<Encoder> {
  if (closing) return Promise.reject(new Error(M.closed));
  const key = resolve(dir);
  let encoder = loaded.get(key);
  if (encoder === undefined) {
    encoder = open(key);
    loaded.set(key, encoder);
    encoder.catch(() => loaded.delete(key));
  }
  return encoder;
}

async function open(dir: string): Promise<Encoder & { close(): Promise<void> }> {
  const file = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(M.missingFile(path));
    return path;
  };
  const weights = readFileSync(file('model.onnx'));
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(file('tokenizer.json'), 'utf8')), JSON.parse(readFileSync(file('tokenizer_config.json'), 'utf8')));
  // One thread: a question takes about 2 ms, and the bot's other work needs the other core.
  const session = await ort.InferenceSession.create(weights, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  const output = session.outputNames[0];
  if (output === undefined || !session.inputNames.includes('input_ids')) throw new Error(M.badModel(dir));
  const id = createHash('sha256').update(weights).digest('hex').slice(0, 16);
  const probe = await run(session, tokenizer, output, 'a');
  let inFlight: Promise<unknown> = Promise.resolve();
  let closed = false;
  return Object.freeze({
    id,
    dimensions: probe.length,
    embed: (text: string) => {
      if (closed) return Promise.reject(new Error(M.closed));
      const result = run(session, tokenizer, output, text);
      inFlight = Promise.allSettled([inFlight, result]);
      return result;
    },
    close: async () => {
      closed = true;
      await inFlight;
      await session.release();
    },
  });
}

/** One text a run: padding a batch would change the int8 activations' range, and so the vectors. */
async function run(session: ort.InferenceSession, tokenizer: Tokenizer, output: string, text: string): Promise<Float32Array> {
  let ids = tokenizer.encode(text).ids;
  if (ids.length > MAX_TOKENS) ids = [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!];
  const n = ids.length;
  const feeds: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, (x: number) => BigInt(x)), [1, n]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
  };
  if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(n), [1, n]);
  const result = await session.run(feeds);
  return Float32Array.from(result[output]!.data as Float32Array);
}

/**
 * The worker thread behind WorkerReader (reader.ts). For each read it does off the main
 * thread all a reload can: reads, parses, validates and cross-checks the folder, builds the
 * snapshot and indexes it (buildMatcherData). It sends the checked files back in pieces,
 * one more each time the main thread asks (so they are taken in, and the snapshot built, one
 * per turn of its event loop, never all in one go): the files without their entries, the
 * entries a few hundred at a time, the FAQ's vector arrays one by one (VECTOR_KEYS), then the
 * rest of the index (with the learned model). Every array is moved, not copied. It keeps
 * each file's parse result (by content) between reads, so a reload parses again only the
 * files that changed.
 *
 * Its work is background work: the thread lowers its own priority, so that on a busy machine
 * the main thread, which answers questions, gets the CPU first.
 */
import { setPriority } from 'node:os';
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { readKnowledge, snapshot } from '../knowledge/load.js';
import { ParseCache } from '../knowledge/parse-file.js';
import { closeEncoders } from '../embedding/encoder.js';
import type { EmbeddingOptions } from '../embedding/options.js';
import { buildMatcherData, transferablesOf } from '../search/matcher.js';
import { packEntries } from './packed-entries.js';
import { RELOAD_NICE, VECTOR_KEYS, type ReaderReply, type ReaderRequest } from './reader.js';

/** Entries per message: each takes the main thread a few milliseconds to take in. */
const ENTRIES_PER_MESSAGE = 500;

const port = parentPort;
if (port === null) throw new Error('reload-worker runs in a worker thread');
// Linux keeps a nice value per thread, so this lowers this thread only; elsewhere it would
// lower the whole process, so it is left alone. (From the sources, tsx's loader has set it
// already, to the same value.)
if (process.platform === 'linux') {
  try {
    setPriority(RELOAD_NICE);
  } catch {
    // Not allowed here: the reload only competes more with the questions.
  }
}
const caches = new Map<string, ParseCache>();
/** The replies of each read not sent yet, by request id. */
const outboxes = new Map<number, { reply: ReaderReply; transfer?: TransferListItem[] }[]>();

port.on('message', (request: ReaderRequest) => {
  if (request.kind === 'next') sendNext(request.id);
  else if (request.kind === 'stop') void closeEncoders().finally(() => process.exit(0));
  else serve(request);
});

function sendNext(id: number): void {
  const outbox = outboxes.get(id);
  const next = outbox?.shift();
  if (next === undefined) return;
  if (outbox!.length === 0) outboxes.delete(id);
  port!.postMessage(next.reply, next.transfer);
}

function serve({ id, dir, embedding }: Extract<ReaderRequest, { kind: 'read' }>): void {
  void read(id, dir, embedding)
    .catch((error: unknown) => [{ reply: { id, kind: 'failed', message: error instanceof Error ? error.message : String(error) } as const }])
    .then((outbox) => {
      outboxes.set(id, outbox);
      sendNext(id);
    });
}

async function read(id: number, dir: string, embedding: EmbeddingOptions | undefined): Promise<{ reply: ReaderReply; transfer?: TransferListItem[] }[]> {
  let cache = caches.get(dir);
  if (cache === undefined) caches.set(dir, (cache = new ParseCache()));
  const result = await readKnowledge(dir, cache);
  if (!result.ok) return [{ reply: { id, kind: 'issues', issues: result.issues } }];
  const outbox: { reply: ReaderReply; transfer?: TransferListItem[] }[] = [];
  const heads = result.files.map(({ file, data: { entries, ...head } }) => ({ file, data: head }));
  outbox.push({ reply: { id, kind: 'files', files: heads } });
  for (const { file, data } of result.files) {
    for (let from = 0; from < data.entries.length; from += ENTRIES_PER_MESSAGE) {
      const entries = packEntries(data.entries.slice(from, from + ENTRIES_PER_MESSAGE));
      outbox.push({ reply: { id, kind: 'entries', file, entries }, transfer: [entries.ends.buffer as ArrayBuffer, entries.counts.buffer as ArrayBuffer] });
    }
  }
  // The main thread builds the same snapshot from the same files; this one is only indexed.
  const progress = () => port!.postMessage({ id, kind: 'progress' } satisfies ReaderReply);
  const index = await buildMatcherData(snapshot(dir, result.files), { progress, ...(embedding !== undefined ? { embedding } : {}) });
  const emptied = { ...index.meaning };
  for (const key of VECTOR_KEYS) {
    const vectors = index.meaning[key];
    outbox.push({ reply: { id, kind: 'vectors', key, vectors }, transfer: [vectors.buffer as ArrayBuffer] });
    emptied[key] = new Float32Array(0);
  }
  const rest = { ...index, meaning: emptied };
  outbox.push({ reply: { id, kind: 'done', index: rest }, transfer: transferablesOf(rest) });
  return outbox;
}

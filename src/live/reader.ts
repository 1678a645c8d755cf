import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SnapshotBuilder, type FileHead } from '../knowledge/load.js';
import { KNOWLEDGE_MESSAGES as M } from '../knowledge/messages.js';
import type { KnowledgeBase, KnowledgeIssue } from '../knowledge/types.js';
import type { EmbeddingOptions } from '../embedding/options.js';
import type { MatcherIndexData } from '../search/matcher.js';
import { unpackEntries, type PackedEntries } from './packed-entries.js';

/** A folder read for a reload: its snapshot and the worker's index of it (buildMatcherData), or the problems. */
export type ReadOutcome =
  | { readonly ok: true; readonly kb: KnowledgeBase; readonly index: MatcherIndexData }
  | { readonly ok: false; readonly issues: readonly KnowledgeIssue[] };

/** What reload-worker.ts is asked (a read, then each next piece of its answer), and what it answers. */
export type ReaderRequest =
  | { readonly id: number; readonly kind: 'read'; readonly dir: string; readonly embedding?: EmbeddingOptions }
  | { readonly id: number; readonly kind: 'next' }
  | { readonly id: number; readonly kind: 'stop' };
export type ReaderReply =
  | { readonly id: number; readonly kind: 'files'; readonly files: readonly FileHead[] }
  | { readonly id: number; readonly kind: 'entries'; readonly file: string; readonly entries: PackedEntries }
  /** One of the FAQ's vector arrays, sent ahead of 'done' (VECTOR_KEYS says why). */
  | { readonly id: number; readonly kind: 'vectors'; readonly key: VectorKey; readonly vectors: Float32Array }
  /** The index, its VECTOR_KEYS arrays left empty (they came before). */
  | { readonly id: number; readonly kind: 'done'; readonly index: MatcherIndexData }
  | { readonly id: number; readonly kind: 'issues'; readonly issues: readonly KnowledgeIssue[] }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  /** Still at work on the read (embedding a big FAQ): its time limit starts again. */
  | { readonly id: number; readonly kind: 'progress' };

/**
 * The meaning arrays, nine tenths of an index's bytes (about 90 MB at 10,000 entries), move in
 * messages of their own, one per turn: arriving all at once, they made V8 collect twice in a
 * row for the new outside memory, which, on top of a question's own work, held it 50-60 ms.
 */
export const VECTOR_KEYS = Object.freeze(['phrasings', 'answers', 'centroids'] as const);
export type VectorKey = (typeof VECTOR_KEYS)[number];

/**
 * The reload worker's nice value (Linux keeps one per thread). Set once, before the worker
 * compiles anything: a thread may lower its own priority but not raise it back, so a second,
 * different value would be refused (EACCES). 10, not 19: a reload learns from the FAQ and embeds
 * its texts (seconds of work on a big one), and at 19 a machine busy with anything else would
 * starve it for minutes.
 */
export const RELOAD_NICE = 10;

/** A read that failed for a reason other than the files: reported like a problem in the folder. */
export function failure(dir: string, why: string): Extract<ReadOutcome, { ok: false }> {
  return { ok: false, issues: [{ file: dir, line: 1, column: 1, message: M.readerFailed(why) }] };
}

interface Job {
  readonly dir: string;
  snapshot?: SnapshotBuilder;
  readonly vectors: Partial<Record<VectorKey, Float32Array>>;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (result: ReadOutcome) => void;
}

/**
 * Reads, checks and indexes a knowledge folder for LiveKnowledge's reloads, in a worker
 * thread (reload-worker), and builds the snapshot here from the pieces it sends, one piece
 * per turn of the event loop. The worker is started at the first read and kept for the
 * next ones while reloads keep coming (it remembers the files it parsed), then ended: a
 * worker costs about 100 MB of memory after indexing 10,000 entries. It never keeps the
 * process alive by itself, except while it is being stopped (STOP_GRACE_MS at most). When
 * it crashes, exits or does not answer in time, the reads waiting on it end with an error
 * (never a hang), and the next read starts a new one.
 */
export class WorkerReader {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private idle: NodeJS.Timeout | null = null;
  /** Workers asked to end that have not ended yet. */
  private readonly stopping = new Set<Promise<void>>();

  /**
   * `entry`: the worker's module (tests give one that fails); `timeoutMs`: how long one read
   * may take before the worker is taken for stuck; `idleMs`: how long the worker is kept
   * without a read.
   */
  constructor(
    private readonly entry: URL = workerEntry(),
    private readonly timeoutMs = 120_000,
    private readonly idleMs = 5 * 60_000,
  ) {}

  read(dir: string, embedding?: EmbeddingOptions): Promise<ReadOutcome> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = this.worker ?? this.start();
      } catch (error) {
        resolve(failure(dir, error instanceof Error ? error.message : String(error)));
        return;
      }
      if (this.idle !== null) clearTimeout(this.idle);
      this.idle = null;
      const id = ++this.nextId;
      const timer = setTimeout(() => this.fail(`no answer in ${Math.round(this.timeoutMs / 1000)} s`), this.timeoutMs);
      timer.unref();
      this.jobs.set(id, { dir, timer, resolve, vectors: {} });
      worker.ref();
      worker.postMessage({ id, kind: 'read', dir, ...(embedding !== undefined ? { embedding } : {}) } satisfies ReaderRequest);
    });
  }

  /**
   * Stops it; a read still running ends with an error. Resolves once the worker thread has
   * ended (a process that exits before would be aborted by a run of its encoder in flight).
   */
  close(): Promise<void> {
    this.fail('closed');
    return Promise.all([...this.stopping]).then(() => undefined);
  }

  private start(): Worker {
    const worker = spawn(this.entry);
    worker.unref();
    worker.on('message', (reply: ReaderReply) => this.receive(reply));
    worker.on('messageerror', (error) => this.fail(error.message, worker));
    worker.on('error', (error) => this.fail(error.message, worker));
    worker.on('exit', (code) => this.fail(`the worker thread exited with code ${code}`, worker));
    this.worker = worker;
    return worker;
  }

  private receive(reply: ReaderReply): void {
    const job = this.jobs.get(reply.id);
    if (job === undefined) return;
    switch (reply.kind) {
      case 'files':
        job.snapshot = new SnapshotBuilder(job.dir, reply.files);
        return this.askNext(reply.id);
      case 'entries':
        job.snapshot!.add(reply.file, unpackEntries(reply.entries));
        return this.askNext(reply.id);
      case 'progress':
        job.timer.refresh();
        return;
      case 'vectors':
        job.vectors[reply.key] = reply.vectors;
        return this.askNext(reply.id);
      case 'done': {
        const index = { ...reply.index, meaning: { ...reply.index.meaning, ...job.vectors } };
        return this.finish(reply.id, { ok: true, kb: job.snapshot!.finish(), index });
      }
      case 'issues':
        return this.finish(reply.id, { ok: false, issues: reply.issues });
      case 'failed':
        return this.finish(reply.id, failure(job.dir, reply.message));
    }
  }

  /** Asks for the next piece once the event loop has had a turn (taking one in takes a few ms). */
  private askNext(id: number): void {
    const worker = this.worker;
    setImmediate(() => {
      if (worker !== null && this.worker === worker && this.jobs.has(id)) worker.postMessage({ id, kind: 'next' } satisfies ReaderRequest);
    });
  }

  private finish(id: number, result: ReadOutcome): void {
    const job = this.jobs.get(id);
    if (job === undefined) return;
    this.jobs.delete(id);
    clearTimeout(job.timer);
    if (this.jobs.size === 0 && this.worker !== null) {
      this.worker.unref();
      this.idle = setTimeout(() => this.fail('idle'), this.idleMs);
      this.idle.unref();
    }
    job.resolve(result);
  }

  /** Ends every waiting read with `why` and drops the worker (only if it is still `worker`). */
  private fail(why: string, worker: Worker | null = this.worker): void {
    if (worker !== this.worker) return;
    this.worker = null;
    if (this.idle !== null) clearTimeout(this.idle);
    this.idle = null;
    if (worker !== null) {
      const ended = stop(worker);
      this.stopping.add(ended);
      void ended.then(() => this.stopping.delete(ended));
    }
    for (const [id, job] of [...this.jobs]) this.finish(id, failure(job.dir, why));
  }
}

/**
 * Asks the worker to end itself once its encoder's run in flight is done (onnxruntime-node
 * aborts the whole process when a thread is terminated during one), and terminates it only
 * if it has not ended within STOP_GRACE_MS (a thread stuck in JavaScript runs no encoder).
 */
function stop(worker: Worker): Promise<void> {
  worker.removeAllListeners();
  worker.on('error', () => undefined);
  // A thread that has exited already (threadId -1) sends no second exit event.
  if (worker.threadId === -1) return Promise.resolve();
  // (kept referenced until it ends: an idle worker is unref'd, and a process with nothing else
  // to do would exit before the exit event, code 13 under a top-level await, close() unsettled)
  worker.ref();
  return new Promise((resolve) => {
    const grace = setTimeout(() => void worker.terminate().then(() => resolve(), () => resolve()), STOP_GRACE_MS);
    grace.unref();
    worker.once('exit', () => {
      clearTimeout(grace);
      resolve();
    });
    try {
      worker.postMessage({ id: 0, kind: 'stop' } satisfies ReaderRequest);
    } catch {
      // (it has ended already: its exit event comes)
    }
  });
}
const STOP_GRACE_MS = 10_000;

/** reload-worker next to this module: .ts when running from the sources, .js when compiled. */
function workerEntry(): URL {
  const own = fileURLToPath(import.meta.url);
  return new URL(`./reload-worker${own.slice(own.lastIndexOf('.'))}`, import.meta.url);
}

/**
 * A worker running `entry`. A TypeScript module is loaded through tsx's API: plain Node
 * does not read TypeScript, and a worker does not inherit the tsx loader's hooks. The thread
 * lowers its priority first (Linux only, where that is per thread), so that compiling the
 * module, which tsx hands to esbuild, is background work too.
 */
function spawn(entry: URL): Worker {
  const options = { name: 'knowledge-reader' };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = [
    `if (process.platform === 'linux') try { require('node:os').setPriority(${RELOAD_NICE}); } catch {}`,
    `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`,
  ].join('\n');
  return new Worker(code, { ...options, eval: true });
}

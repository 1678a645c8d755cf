import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { loadKnowledge } from '../knowledge/load.js';
import { formatIssue, type KnowledgeBase, type KnowledgeIssue } from '../knowledge/types.js';
import type { EmbeddingOptions } from '../embedding/options.js';
import { buildMatcher, Matcher, type BuildOptions, type MatcherIndexData } from '../search/matcher.js';
import { failure, WorkerReader } from './reader.js';

export type ReloadOutcome =
  | { ok: true; entries: number; articles: number; files: number }
  | { ok: false; issues: readonly KnowledgeIssue[] };

export interface LiveKnowledgeOptions {
  /** The worker thread a reload reads, checks and indexes the folder in (tests give a faulty one). */
  reader?: WorkerReader;
  /** The sentence encoder and its vector cache (EMBEDDING_MODEL_DIR, EMBEDDING_CACHE_DIR). */
  embedding?: EmbeddingOptions;
}

/** Quiet time after the last change before reloading: editors save in several steps. */
const SETTLE_MS = 300;
/** Retry interval while the folder itself is missing (replaced or being recreated). */
const REWATCH_MS = 1000;

/**
 * The knowledge currently served. A reload validates the whole folder and swaps in a new
 * matcher only when all of it is good; a broken edit keeps the last good answers and is
 * remembered (`problem`) so moderators can see it.
 *
 * A reload never holds the event loop for long: the files are read, parsed, checked and
 * indexed (the model learned) in a worker thread; here the snapshot is built from what it
 * sends, one piece per turn of the event loop, and the new matcher restored from its index,
 * while the old matcher keeps answering.
 */
export class LiveKnowledge {
  private current: Matcher;
  private lastProblem: readonly KnowledgeIssue[] | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reloading: Promise<ReloadOutcome> | null = null;
  private queued: Promise<ReloadOutcome> | null = null;
  private closed = false;
  /** How this folder's matchers are made (the encoder and its cache). */
  private readonly build: BuildOptions;

  private constructor(
    private readonly dir: string,
    matcher: Matcher,
    private readonly logger: Logger,
    private readonly reader: WorkerReader,
    private readonly embedding: EmbeddingOptions | undefined,
  ) {
    this.current = matcher;
    this.build = embedding !== undefined ? { embedding } : {};
  }

  /**
   * Loads the folder once, at full speed (nothing is being answered yet); fails (with the
   * issues) when it is not valid at start.
   */
  static async open(dir: string, logger: Logger, options: LiveKnowledgeOptions = {}): Promise<LiveKnowledge | { issues: readonly KnowledgeIssue[] }> {
    const result = await loadKnowledge(dir);
    if (!result.ok) return { issues: result.issues };
    const { embedding } = options;
    const matcher = await buildMatcher(result.kb, embedding !== undefined ? { embedding } : {});
    return new LiveKnowledge(dir, matcher, logger, options.reader ?? new WorkerReader(), embedding);
  }

  get matcher(): Matcher {
    return this.current;
  }

  /** The errors of the files on disk when they are broken, else null. */
  get problem(): readonly KnowledgeIssue[] | null {
    return this.lastProblem;
  }

  /**
   * Reloads now. Calls during a load share one more load after it, so every caller gets
   * a result that reflects the files as they were when it asked.
   */
  reload(): Promise<ReloadOutcome> {
    if (this.reloading) {
      this.queued ??= this.reloading.then(() => {
        this.queued = null;
        return this.reload();
      });
      return this.queued;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async load(): Promise<ReloadOutcome> {
    const read = await this.reader.read(this.dir, this.embedding);
    const made = read.ok ? await this.matcherOf(read.kb, read.index) : read;
    if (!made.ok) {
      // After close() the reader is stopped: that is no problem with the files.
      if (this.closed) return { ok: false, issues: made.issues };
      this.lastProblem = made.issues;
      for (const issue of made.issues) this.logger.error({ issue: formatIssue(issue) }, 'knowledge files are broken; still serving the last good set');
      return { ok: false, issues: made.issues };
    }
    // The swap is a single assignment, so a question is answered by the old or the new set, whole.
    const { kb } = made.matcher;
    this.current = made.matcher;
    this.lastProblem = null;
    this.logger.info({ entries: kb.entries.length, articles: kb.articles.length, files: kb.files.length }, 'knowledge reloaded');
    return { ok: true, entries: kb.entries.length, articles: kb.articles.length, files: kb.files.length };
  }

  /** The matcher of what the worker read, or why it does not fit this thread (another model on disk since start, say). */
  private async matcherOf(kb: KnowledgeBase, index: MatcherIndexData): Promise<{ ok: true; matcher: Matcher } | { ok: false; issues: readonly KnowledgeIssue[] }> {
    try {
      return { ok: true, matcher: await Matcher.fromData(kb, index, this.build) };
    } catch (error) {
      return failure(this.dir, error instanceof Error ? error.message : String(error));
    }
  }

  /** Reloads by itself whenever a file in the folder changes. */
  watch(): void {
    if (this.closed || this.watcher) return;
    try {
      this.watcher = watch(this.dir, { persistent: false }, () => this.schedule());
      this.watcher.on('error', () => this.rewatch());
    } catch {
      this.rewatch();
    }
  }

  private rewatch(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.closed) return;
    // The folder was removed or replaced: watch it again once it is back, then reload.
    setTimeout(() => {
      this.watch();
      if (this.watcher) this.schedule();
      else this.rewatch();
    }, REWATCH_MS).unref();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, SETTLE_MS);
    this.timer.unref();
  }

  /** Stops watching and reloading; resolves once the reload worker has ended. */
  close(): Promise<void> {
    this.closed = true;
    const ended = this.reader.close();
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = null;
    return ended;
  }
}

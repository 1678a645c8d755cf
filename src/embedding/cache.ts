import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Text vectors kept on disk between builds, one file per model (`<id>.vectors`), so that a
 * reload embeds only the texts that changed and a restart none. A vector is found by its
 * exact text; another model's vectors are never read (another file). The file is written
 * whole to a temporary name and renamed, so a reader or a crash sees the old file or the
 * new one; a file that cannot be read is ignored (everything is embedded again), and one
 * that cannot be written only costs time on the next start.
 */
export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private added = 0;

  private constructor(
    private readonly file: string | null,
    readonly dimensions: number,
  ) {}

  /** The cache of model `id` in `dir` (null: in memory only). */
  static open(dir: string | null, id: string, dimensions: number): EmbeddingCache {
    const cache = new EmbeddingCache(dir === null ? null : join(dir, `${id}.vectors`), dimensions);
    if (cache.file !== null) cache.read(cache.file);
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): Float32Array | undefined {
    const v = this.vectors.get(text);
    if (v !== undefined) {
      // (most recently used last: what is dropped at the cap is what was used longest ago)
      this.vectors.delete(text);
      this.vectors.set(text, v);
    }
    return v;
  }

  set(text: string, vector: Float32Array): void {
    this.vectors.delete(text);
    this.vectors.set(text, vector);
    this.added++;
    while (this.vectors.size > MAX_VECTORS) this.vectors.delete(this.vectors.keys().next().value!);
  }

  /** Writes the file when vectors were added since it was read or last saved. */
  save(): void {
    if (this.file === null || this.added === 0) return;
    const parts: Buffer[] = [MAGIC];
    for (const [text, vector] of this.vectors) {
      const bytes = Buffer.from(text, 'utf8');
      const head = Buffer.alloc(4);
      head.writeUInt32LE(bytes.length);
      parts.push(head, bytes, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    }
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, Buffer.concat(parts));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.file);
      this.added = 0;
    } catch {
      // A folder that cannot be written (or a full disk): the vectors are made again next time.
      rmSync(temp, { force: true });
    }
  }

  private read(file: string): void {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      return;
    }
    if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) return;
    const size = this.dimensions * 4;
    let at = MAGIC.length;
    while (at + 4 <= data.length) {
      const n = data.readUInt32LE(at);
      if (at + 4 + n + size > data.length) break;
      const text = data.toString('utf8', at + 4, at + 4 + n);
      const vector = new Float32Array(this.dimensions);
      new Uint8Array(vector.buffer).set(data.subarray(at + 4 + n, at + 4 + n + size));
      this.vectors.set(text, vector);
      at += 4 + n + size;
    }
  }
}

/**
 * Vectors kept at most, the least recently used dropped first: about 90 MB on disk and in
 * memory at 384 dimensions (1.5 kB each), room for a 10,000-entry FAQ's 50,000 texts and the
 * wordings of its later edits.
 */
const MAX_VECTORS = 60_000;
const MAGIC = Buffer.from('faq-vectors 1\n', 'utf8');

import type { EntryInput } from '../knowledge/schema.js';

/**
 * Entries as one string and a few numbers, to send from the reload worker: the main thread
 * takes one large string in at once (V8 keeps it apart, in large-object space) and cuts the
 * fields out of it (V8 makes a cut of 13 characters or more a small reference into the large
 * string). Sent as objects, every field would be a string of its own in the young generation,
 * which each garbage collection during a reload would have to copy.
 */
export interface PackedEntries {
  /** Every entry's strings end to end: id, question, alternates, answer, sources, tags, review_by. */
  readonly text: string;
  /** Where each of those strings ends in `text`. */
  readonly ends: Uint32Array;
  /** For each entry: how many alternates, sources and tags it has, and 1 when it has a review_by. */
  readonly counts: Uint32Array;
}

/** Numbers per entry in `counts`. */
const FIELDS = 4;

export function packEntries(entries: readonly EntryInput[]): PackedEntries {
  const parts: string[] = [];
  const ends: number[] = [];
  const counts = new Uint32Array(entries.length * FIELDS);
  let at = 0;
  const add = (s: string) => {
    parts.push(s);
    ends.push((at += s.length));
  };
  entries.forEach((e, i) => {
    add(e.id);
    add(e.question);
    for (const a of e.alternates) add(a);
    add(e.answer);
    for (const s of e.sources) add(s);
    for (const t of e.tags) add(t);
    if (e.review_by !== undefined) add(e.review_by);
    counts[FIELDS * i] = e.alternates.length;
    counts[FIELDS * i + 1] = e.sources.length;
    counts[FIELDS * i + 2] = e.tags.length;
    counts[FIELDS * i + 3] = e.review_by === undefined ? 0 : 1;
  });
  return { text: parts.join(''), ends: Uint32Array.from(ends), counts };
}

/** The entries of one piece, cut out as they are iterated. */
export function* unpackEntries({ text, ends, counts }: PackedEntries): Generator<EntryInput> {
  let next = 0;
  let start = 0;
  const cut = (): string => {
    const end = ends[next++]!;
    const s = text.slice(start, end);
    start = end;
    return s;
  };
  const list = (n: number): string[] => {
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(cut());
    return out;
  };
  for (let i = 0; i < counts.length; i += FIELDS) {
    const id = cut();
    const question = cut();
    const alternates = list(counts[i]!);
    const answer = cut();
    const sources = list(counts[i + 1]!);
    const tags = list(counts[i + 2]!);
    // The keys in the order the schema gives them, as a load on the main thread has them
    // (an absent review_by is no key at all there either).
    if (counts[i + 3] === 1) yield { id, question, alternates, answer, sources, tags, review_by: cut() };
    else yield { id, question, alternates, answer, sources, tags };
  }
}

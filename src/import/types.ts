/** What a reader makes of a source, before ids, limits and the file: plain data, no Discord. */

/** Where a source credits its answers: a page, a file, a spreadsheet row's link. */
export interface FoundSource {
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
}

/** One question and answer as the source has it. */
export interface FoundEntry {
  /** The source's own name for it (a tag's name), when it has one. */
  readonly name?: string;
  readonly question: string;
  /** The question was made from a name or a heading, not written as a question. */
  readonly madeUp: boolean;
  readonly alternates: readonly string[];
  /** Discord Markdown. */
  readonly answer: string;
  readonly tags: readonly string[];
  /** The section's anchor on the page (without #), when it has one. */
  readonly anchor?: string;
  /** Sources the entry names itself (a row's link, an exported FAQ's credits). */
  readonly sources?: readonly FoundSource[];
  /** file:line, or the position on a page, for the report. */
  readonly place: string;
}

export interface Skipped {
  readonly place: string;
  readonly why: string;
}

/** A source read: what it is, what it holds, and what could not be taken. */
export interface ReadSource {
  readonly source: FoundSource;
  readonly entries: readonly FoundEntry[];
  readonly skipped: readonly Skipped[];
  /** The entries bring their own sources and the document itself is not one (an exported FAQ). */
  readonly selfCredited?: boolean;
}

export type ReadResult = { readonly ok: true; readonly read: ReadSource } | { readonly ok: false; readonly problem: string };

/** A reader's refusal: one line that names the place. Thrown inside a reader, caught where it is called. */
export class BadSource extends Error {}

/** The knowledge a snapshot holds, with every source reference resolved. */

export interface Source {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
  readonly date?: string;
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly source: Source;
  readonly summary: string;
  readonly file: string;
}

export interface Entry {
  readonly id: string;
  readonly question: string;
  readonly alternates: readonly string[];
  readonly answer: string;
  readonly sources: readonly Source[];
  readonly tags: readonly string[];
  /** When the answer is due for a moderator's review, YYYY-MM-DD. */
  readonly review_by?: string;
  readonly file: string;
}

/** An immutable, fully validated set of knowledge files. */
export interface KnowledgeBase {
  readonly dir: string;
  readonly files: readonly string[];
  readonly entries: readonly Entry[];
  readonly articles: readonly Article[];
  readonly sources: ReadonlyMap<string, Source>;
  /** Synonym groups from every file; the first word of a group is the canonical one. */
  readonly synonyms: readonly (readonly string[])[];
  readonly entryById: ReadonlyMap<string, Entry>;
  readonly articleById: ReadonlyMap<string, Article>;
  readonly loadedAt: Date;
}

/** One problem in a knowledge file, placed where a moderator can find it. */
export interface KnowledgeIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase }
  | { readonly ok: false; readonly issues: readonly KnowledgeIssue[] };

export function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

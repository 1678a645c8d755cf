/** How much the importer reads, and how long it waits: enough for any FAQ, not for a stray dump. */
export const IMPORT_LIMITS = Object.freeze({
  /** A source file or page; a FAQ this big would be thousands of entries. */
  sourceBytes: 10 * 1024 * 1024,
  /** Markdown files read from a tag folder. */
  folderFiles: 5000,
  fetchTimeoutMs: 15_000,
  redirects: 5,
  /** Ids from a question: its first words, up to this many characters. */
  idWords: 40,
});

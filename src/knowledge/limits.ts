/**
 * Lengths a knowledge file may use. They are derived from Discord's message limits so
 * that anything a moderator writes can always be shown whole: an entry's question is an
 * embed title (256), an answer or a summary is an embed description (4,096, less room for
 * the "for @member" line and the source credit).
 */
export const KNOWLEDGE_LIMITS = Object.freeze({
  idLength: 60,
  questionLength: 256,
  alternateLength: 200,
  alternatesPerEntry: 50,
  answerLength: 3800,
  summaryLength: 3800,
  titleLength: 200,
  publisherLength: 100,
  urlLength: 512,
  tagLength: 40,
  tagsPerEntry: 20,
  sourcesPerEntry: 10,
  synonymsPerGroup: 20,
  /** Bigger than any sane FAQ file; stops a stray dump or a runaway generator. */
  fileBytes: 2 * 1024 * 1024,
  /** Alias expansion cap, against "billion laughs" files. */
  aliasCount: 100,
});

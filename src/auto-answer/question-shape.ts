/**
 * Does a member's message read as a question the FAQ could answer? Only the text is judged
 * here (who sent it, and where, is the Discord shell's business). Mentions, links, code,
 * emoji and markdown are taken out first: what is left must be a few words of plain text,
 * shaped like a question (a question mark, or a question's opening words).
 */
export type NotAQuestion = 'too-long' | 'no-words' | 'too-few-words' | 'not-question-shaped';

export type QuestionReading = { ok: true; text: string } | { ok: false; reason: NotAQuestion };

export const QUESTION_LIMITS = Object.freeze({
  /** Words a question needs once cleaned ("how do refunds work" has four). */
  minWords: 3,
  /** Longer posts are stories, logs or pastes: a human reads them better. */
  maxWords: 80,
  /** Characters of the raw message looked at (Discord allows 4,000 with Nitro). */
  maxChars: 1200,
});

const STRIP: readonly RegExp[] = [
  /```[\s\S]*?```/g, // code blocks
  /`[^`\n]*`/g, // inline code
  /<a?:\w+:\d+>/g, // custom emoji
  /<(?:@[!&]?|#)\d+>/g, // user, role and channel mentions
  /<\/[\w -]+:\d+>/g, // command mentions
  /<t:\d+(?::\w)?>/g, // timestamps
  /@(?:everyone|here)\b/gi,
  /\bhttps?:\/\/\S+/gi, // links
  /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu, // emoji
  /:[a-z0-9_+-]+:/gi, // emoji shortcodes
  /^\s*>.*$/gm, // quoted lines are someone else's words
];

// Openings of a question in English chat; a question mark anywhere also counts.
const OPENINGS =
  /^(?:how|what|whats|what's|why|when|where|who|whom|whose|which|is|are|am|was|were|do|does|did|can|could|should|would|will|shall|may|might|has|have|had|any(?:one|body)?|is there|are there|wondering|help)\b/i;

/** The message's own words: mentions, links, code, emoji and markdown removed. */
export function plainWords(raw: string): string {
  let s = raw.slice(0, QUESTION_LIMITS.maxChars + 1);
  for (const pattern of STRIP) s = s.replace(pattern, ' ');
  return s.replace(/[*_~|#>\\]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * A help-channel message: a question only when shaped like one. A forum post's title and
 * first message (`shaped: false`) are a question by where they were posted, so only the
 * word counts apply.
 */
export function readAsQuestion(raw: string, shaped = true): QuestionReading {
  if (raw.length > QUESTION_LIMITS.maxChars) return { ok: false, reason: 'too-long' };
  const text = plainWords(raw);
  const n = words(text).length;
  if (n === 0) return { ok: false, reason: 'no-words' };
  if (n < QUESTION_LIMITS.minWords) return { ok: false, reason: 'too-few-words' };
  if (n > QUESTION_LIMITS.maxWords) return { ok: false, reason: 'too-long' };
  if (shaped && !text.includes('?') && !OPENINGS.test(text)) return { ok: false, reason: 'not-question-shaped' };
  return { ok: true, text };
}

/** A forum post reads as its title and its first message together. */
export function forumPostText(title: string, body: string): string {
  const t = title.trim();
  const b = body.trim();
  return b === '' ? t : t === '' ? b : `${t}. ${b}`;
}

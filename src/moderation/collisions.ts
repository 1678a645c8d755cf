import type { Matcher } from '../search/matcher.js';

/**
 * A phrasing of one entry (its question or an alternate) that the matcher answers with
 * another entry: members who ask it that way get the wrong answer.
 */
export interface Collision {
  /** The entry the phrasing belongs to. */
  readonly entryId: string;
  readonly file: string;
  /** Whose phrasing it is: the entry's own question, or its alternate number `alternate`. */
  readonly phrasing: { readonly kind: 'question' } | { readonly kind: 'alternate'; readonly index: number };
  readonly text: string;
  /** The entry that answers it instead. */
  readonly answeredBy: string;
  readonly answeredByFile: string;
  readonly confidence: number;
}

/**
 * Asks every entry's question and alternates exactly as a member would (matcher.ask) and
 * keeps those another entry answers, in file order. A phrasing nobody answers is not a
 * collision (the bot declines; the unanswered report shows that side).
 */
export async function findCollisions(matcher: Matcher): Promise<Collision[]> {
  const found: Collision[] = [];
  for (const entry of matcher.kb.entries) {
    const phrasings = [
      { kind: 'question' as const, text: entry.question },
      ...entry.alternates.map((text, index) => ({ kind: 'alternate' as const, index, text })),
    ];
    for (const { text, ...phrasing } of phrasings) {
      const { match } = await matcher.ask(text);
      if (match === null || match.entry.id === entry.id) continue;
      found.push({
        entryId: entry.id,
        file: entry.file,
        phrasing,
        text,
        answeredBy: match.entry.id,
        answeredByFile: match.entry.file,
        confidence: match.confidence,
      });
    }
  }
  return found;
}

import type { Article, Entry, Source } from '../knowledge/types.js';
import type { Answer } from '../search/types.js';
import { REPLY_MESSAGES as M } from './messages.js';

/**
 * A reply in no platform's shape: the terminal prints it, the Discord renderer turns it
 * into an embed with buttons. Both show exactly the same answer.
 */
export interface Reply {
  readonly kind: 'answer' | 'no-answer' | 'article' | 'notice';
  readonly title: string;
  readonly body: string;
  readonly sources: readonly Source[];
  readonly footer: string;
  /** The entry answered, when there is one (feedback buttons refer to it). */
  readonly entryId?: string;
  /** Entries to offer next: "did you mean" or related questions. */
  readonly suggestions: readonly { id: string; question: string }[];
  /** Should only the asker see it? */
  readonly private: boolean;
}

export function replyForAnswer(answer: Answer): Reply {
  if (answer.match !== null) return replyForEntry(answer.match.entry, answer.match.confidence, answer.suggestions.map((c) => c.entry));
  const suggestions = answer.suggestions.map((c) => ({ id: c.entry.id, question: c.entry.question }));
  return {
    kind: 'no-answer',
    title: M.noAnswerTitle,
    body:
      answer.reason === 'empty'
        ? M.empty
        : suggestions.length === 0
          ? M.noAnswer
          : answer.missing !== undefined
            ? M.missingFact[answer.missing]
            : M.noAnswerWithSuggestions,
    sources: [],
    footer: M.footer,
    suggestions,
    private: true,
  };
}

export function replyForEntry(entry: Entry, confidence = 1, related: readonly Entry[] = []): Reply {
  return {
    kind: 'answer',
    title: entry.question,
    body: entry.answer,
    sources: entry.sources,
    footer: confidence < 1 ? M.footerConfidence(Math.round(confidence * 100)) : M.footer,
    entryId: entry.id,
    suggestions: related.filter((e) => e.id !== entry.id).map((e) => ({ id: e.id, question: e.question })),
    private: false,
  };
}

export function replyForArticle(article: Article): Reply {
  return {
    kind: 'article',
    title: article.title,
    body: article.summary,
    sources: [article.source],
    footer: M.footer,
    suggestions: [],
    private: false,
  };
}

/** An auto-answer: the entry and its sources, footed with the confidence; no related questions. */
export function replyForAutoAnswer(entry: Entry, confidence: number): Reply {
  return { ...replyForEntry(entry, confidence), footer: M.autoAnswer.footer(Math.round(confidence * 100)), suggestions: [] };
}

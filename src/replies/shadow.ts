import { precisionOf, PRECISION_TARGET } from '../auto-answer/precision.js';
import type { ShadowItem } from '../auto-answer/shadow.js';
import type { AutoAnswerSetting } from '../store/types.js';
import { REPLY_MESSAGES as M } from './messages.js';

/**
 * The shadow-mode summary as plain text lines, for /faq-admin shadow and npm run
 * faq:report alike: the precision so far, the threshold that would keep it at 95%, and
 * the latest would-be answers.
 */
export interface ShadowSummary {
  readonly precision: string;
  readonly threshold: string;
  /** The latest records shown, numbered from 1, with the text for each. */
  readonly lines: readonly { row: ShadowItem; text: string }[];
}

export function shadowSummary(all: readonly ShadowItem[], latest: number): ShadowSummary {
  const A = M.autoAnswerAdmin;
  const p = precisionOf(all);
  return {
    precision: A.precision(p.graded, p.right),
    threshold: p.suggested ? A.suggested(p.suggested.threshold, p.suggested.kept, PRECISION_TARGET) : A.noSuggestion(PRECISION_TARGET),
    lines: all.slice(0, latest).map((row, i) => ({
      row,
      text: A.shadowLine(i + 1, Math.round(row.confidence * 100), row.entryId, row.question, row.wouldAnswer, row.right),
    })),
  };
}

/** One line per channel setting; `channel` renders a channel id (a mention on Discord). */
export function settingsLines(settings: readonly AutoAnswerSetting[], defaultThreshold: number, channel: (id: string) => string, role: (id: string) => string): string[] {
  return settings.map((s) => M.autoAnswerAdmin.settingLine(channel(s.channelId), s.mode, s.minConfidence ?? defaultThreshold, s.helperRoleId ? role(s.helperRoleId) : null));
}

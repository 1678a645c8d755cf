import type { AutoAnswerSetting, ShadowRow, Store } from '../store/types.js';
import { AUTO_ANSWER_DEFAULTS } from './decide.js';
import type { GradedAnswer } from './precision.js';

/** A shadow answer with where it was seen and whether today's threshold there lets it through. */
export interface ShadowItem extends GradedAnswer {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly question: string;
  readonly entryId: string;
  readonly askedAt: string;
}

/** Shadow answers read per channel to measure precision (the store keeps at most 1,000 a channel). */
export const SHADOW_PER_CHANNEL = 1000;

/**
 * The shadow answers of these channels, newest first. "Would answer" is judged against each
 * channel's threshold now, so moderators see what the setting they have would have done.
 */
export async function shadowItems(store: Store, settings: readonly AutoAnswerSetting[], perChannel = SHADOW_PER_CHANNEL): Promise<ShadowItem[]> {
  const lists = await Promise.all(
    settings.map(async (s) => {
      const threshold = s.minConfidence ?? AUTO_ANSWER_DEFAULTS.minConfidence;
      const rows = await store.latestShadow(s.guildId, s.channelId, perChannel);
      return rows.map((r: ShadowRow) => ({
        id: r.id, guildId: s.guildId, channelId: s.channelId, question: r.question, entryId: r.entryId, askedAt: r.askedAt,
        confidence: Number(r.confidence), wouldAnswer: Number(r.confidence) >= threshold, right: r.grade === null ? null : r.grade === 'right',
      }));
    }),
  );
  return lists.flat().sort((a, b) => b.askedAt.localeCompare(a.askedAt) || a.id.localeCompare(b.id));
}

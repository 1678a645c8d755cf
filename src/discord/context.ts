import type { Logger } from 'pino';
import type { ChannelSettings } from '../auto-answer/settings.js';
import type { LiveKnowledge } from '../live/live-knowledge.js';
import type { Store } from '../store/types.js';
import type { RecentAnswers } from './recent-answers.js';

/**
 * What every command and button handler may use. One object, handed to each handler,
 * instead of globals or properties hung on the client.
 */
export interface BotContext {
  readonly knowledge: LiveKnowledge;
  readonly store: Store;
  readonly logger: Logger;
  readonly startedAt: Date;
  /** Auto-answer settings per channel (shared through the store). */
  readonly settings: ChannelSettings;
  /**
   * The FAQ folder moderators edit from Discord, whether edits are committed (FAQ_GIT), and
   * how many members must resolve a question for it to be proposed as an alternate (ALTERNATE_MIN_MEMBERS).
   */
  readonly faq: { readonly dir: string; readonly git: boolean; readonly minMembers: number };
  /** The words behind recent answers, for a 👎 followed by a click on a related question. */
  readonly recent: RecentAnswers;
  /** Whether this process reads messages (AUTO_ANSWER=true on the gateway). */
  readonly readsMessages: boolean;
}

import type { Proposal } from '../moderation/alternates.js';
import { decideId } from './custom-ids.js';
import type { DiscordPayload } from './discord.js';
import { escapeForDiscord } from './escape.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { REPLY_MESSAGES } from './messages.js';
import { truncate } from '../text/truncate.js';

const M = REPLY_MESSAGES.suggestions;

/**
 * One proposed alternate for moderators (private): the entry, the wording, how many members,
 * another example, a collision warning, and Accept / Reject. Member wordings are escaped;
 * null when the buttons' ids would not fit (an entry id too long for them).
 */
export function proposalPayload(p: Proposal, n: number): DiscordPayload | null {
  const accept = decideId(true, p.entryId, p.key);
  const reject = decideId(false, p.entryId, p.key);
  if (accept === null || reject === null) return null;
  const lines = [M.entry(p.entryId, escapeForDiscord(p.entryQuestion)), M.members(p.members)];
  if (p.example !== null) lines.push(M.example(truncate(escapeForDiscord(p.example), 300)));
  if (p.collision !== null) lines.push(M.collision(p.collision.entryId));
  return {
    embeds: [{
      title: truncate(M.viewTitle(n, escapeForDiscord(p.text)), L.embedTitle),
      description: truncate(lines.join('\n'), L.embedDescription),
      color: 0x99aab5,
    }],
    components: [{
      type: 1,
      components: [
        { type: 2, style: 3, label: M.accept, custom_id: accept },
        { type: 2, style: 4, label: M.reject, custom_id: reject },
      ],
    }],
    allowedMentions: { parse: [], users: [], roles: [], repliedUser: false },
    ephemeral: true,
  };
}

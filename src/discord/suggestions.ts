import { MessageFlags, PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { addAlternate } from '../knowledge/edit.js';
import { proposalsFromStore } from '../moderation/alternates.js';
import type { ButtonAction } from '../replies/custom-ids.js';
import { noticePayload } from '../replies/discord.js';
import { escapeForDiscord } from '../replies/escape.js';
import { REPLY_MESSAGES } from '../replies/messages.js';
import { proposalPayload } from '../replies/suggestions.js';
import type { BotContext } from './context.js';
import { DISCORD_MESSAGES as DM } from './messages.js';
import { send } from './respond.js';

const M = REPLY_MESSAGES.suggestions;
const T = REPLY_MESSAGES.teach;
/** Proposals shown with buttons per /faq-admin suggestions (one private message each). */
const SHOWN = 5;

/** /faq-admin suggestions (deferred already, moderators only): one private message per proposal. */
export async function showSuggestions(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const proposals = await proposalsFromStore(ctx.store, ctx.knowledge.matcher, { minMembers: ctx.faq.minMembers });
  if (proposals.length === 0) {
    await send(interaction, noticePayload(M.none(ctx.faq.minMembers)));
    return;
  }
  let n = 0;
  for (const p of proposals) {
    if (n === SHOWN) break;
    const payload = proposalPayload(p, n + 1);
    if (payload === null) continue;
    await send(interaction, payload);
    n++;
  }
  if (proposals.length > n) await send(interaction, noticePayload(M.more(n, proposals.length)));
}

/**
 * Accept or Reject under a proposal. Moderators only, checked on every press. The decision is
 * claimed in the store first, so a second press (or another moderator's) is told it was done;
 * Accept then writes through the FAQ editor, and a refused write takes the decision back.
 */
export async function handleDecision(interaction: ButtonInteraction, ctx: BotContext, action: Extract<ButtonAction, { kind: 'decide' }>): Promise<void> {
  if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await send(interaction, noticePayload(M.notModerator));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const decided = (await ctx.store.alternateDecisions(5000)).find((d) => d.entryId === action.entryId && d.key === action.key);
  if (decided !== undefined) {
    await send(interaction, noticePayload(M.already(decided.decision)));
    return;
  }
  const proposal = (await proposalsFromStore(ctx.store, ctx.knowledge.matcher, { minMembers: ctx.faq.minMembers }))
    .find((p) => p.entryId === action.entryId && p.key === action.key);
  if (proposal === undefined) {
    await send(interaction, noticePayload(M.stale));
    return;
  }
  const decision = action.accept ? 'accepted' : 'rejected';
  const claimed = await ctx.store.decideAlternate({ entryId: proposal.entryId, key: proposal.key, sample: proposal.text, decision });
  if (claimed !== 'saved') {
    await send(interaction, noticePayload(claimed === 'already' ? M.already(decision) : M.unavailable));
    return;
  }
  const wording = escapeForDiscord(proposal.text);
  if (!action.accept) {
    await send(interaction, noticePayload(M.rejected(wording, proposal.entryId)));
    return;
  }
  const result = await addAlternate(ctx.faq.dir, proposal.entryId, proposal.text, { git: ctx.faq.git });
  if (!result.ok) {
    await ctx.store.withdrawDecision(proposal.entryId, proposal.key);
    ctx.logger.info({ guildId: interaction.guildId, reason: result.reason }, DM.faqChangeRefused);
    await send(interaction, noticePayload(T.refused(result.reason)));
    return;
  }
  ctx.logger.info({ guildId: interaction.guildId, entryId: result.entryId, file: result.file, git: result.git }, DM.faqChanged);
  const git = result.git === 'off' ? null : result.git === 'committed' ? T.committed : result.git === 'no-repository' ? T.noRepository : result.git.failed;
  const done = T.alternateAdded(wording, result.entryId, result.file);
  await send(interaction, noticePayload(git === null ? done : `${done}\n${git}`));
}

import { ChannelType, MessageFlags, PermissionFlagsBits, type ButtonInteraction, type Channel } from 'discord.js';
import { forumPostText, plainWords } from '../auto-answer/question-shape.js';
import type { ButtonAction } from '../replies/custom-ids.js';
import { helperPayload, noticePayload } from '../replies/discord.js';
import { REPLY_MESSAGES as M } from '../replies/messages.js';
import type { BotContext } from './context.js';
import { DISCORD_MESSAGES as DM } from './messages.js';
import { send, toMessageOptions } from './respond.js';
import { shadowView } from './shadow-view.js';

const AA = M.autoAnswer;
const SOLVED_TAG = /^\s*(solved|answered)\s*$/i;

/**
 * Solved / Not what I asked under an auto-answer. Only the poster (named in the button's
 * id) may use them. Each counts once per answer: the verdict is the poster's vote on it,
 * and the store refuses a second vote (across restarts and processes), so the helper role
 * is pinged at most once.
 */
export async function handleAutoAnswerButton(interaction: ButtonInteraction, ctx: BotContext, action: Extract<ButtonAction, { kind: 'auto' }>): Promise<void> {
  if (interaction.user.id !== action.posterId) {
    await send(interaction, noticePayload(AA.onlyPoster));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const solved = action.verdict === 'solved';
  const outcome = await ctx.store.recordVote({ entryId: action.entryId, answerId: interaction.message.id, voterId: interaction.user.id, helpful: solved });
  if (outcome !== 'recorded') {
    await send(interaction, noticePayload(outcome === 'duplicate' ? AA.alreadyMarked : AA.unavailable));
    return;
  }
  const channel = await interaction.client.channels.fetch(interaction.channelId).catch(() => null);
  const where = { guildId: interaction.guildId, channelId: interaction.channelId, messageId: interaction.message.id };
  const question = await askedText(interaction, channel);
  if (solved) {
    // The poster said these words mean that entry: a resolution, like a click on a suggestion.
    if (question !== '') void ctx.store.recordResolution({ entryId: action.entryId, memberId: interaction.user.id, question: { text: question } });
    const tagged = await tagSolved(channel, ctx, where);
    await send(interaction, noticePayload(tagged === false ? AA.solvedNoTag : AA.solvedThanks));
    return;
  }
  if (question !== '') void ctx.store.recordAsk({ question, askerId: interaction.user.id, bestEntryId: action.entryId, confidence: null, kind: 'unanswered' });
  await askForHuman(interaction, channel, ctx, where);
  await send(interaction, noticePayload(AA.notItThanks));
}

/** Applies the forum's "Solved" (or "Answered") tag: null when there is none to apply, false when it failed. */
async function tagSolved(channel: Channel | null, ctx: BotContext, where: Record<string, unknown>): Promise<boolean | null> {
  if (!channel?.isThread() || (channel.parent?.type !== ChannelType.GuildForum && channel.parent?.type !== ChannelType.GuildMedia)) return null;
  const tag = channel.parent.availableTags.find((t) => SOLVED_TAG.test(t.name));
  if (tag === undefined) return null;
  if (channel.appliedTags.includes(tag.id)) return true;
  try {
    // A post carries at most five tags.
    await channel.setAppliedTags([...channel.appliedTags.slice(0, 4), tag.id]);
    return true;
  } catch (err) {
    ctx.logger.warn({ err, ...where }, DM.tagNotApplied);
    return false;
  }
}

/** The question the answer was for: the post's title and first message, or the message replied to. */
async function askedText(interaction: ButtonInteraction, channel: Channel | null): Promise<string> {
  if (channel?.isThread()) {
    const starter = await channel.fetchStarterMessage().catch(() => null);
    return plainWords(forumPostText(channel.name, starter?.content ?? ''));
  }
  const ref = interaction.message.reference?.messageId;
  if (!ref || !channel?.isTextBased()) return '';
  const asked = await channel.messages.fetch(ref).catch(() => null);
  return plainWords(asked?.content ?? '');
}

/** Pings the channel's helper role (that role only), or says a human will look. */
async function askForHuman(interaction: ButtonInteraction, channel: Channel | null, ctx: BotContext, where: Record<string, unknown>): Promise<void> {
  if (!channel?.isSendable() || interaction.guildId === null) return;
  const settingsChannel = channel.isThread() ? channel.parentId : channel.id;
  const setting = settingsChannel ? await ctx.settings.get(interaction.guildId, settingsChannel) : null;
  try {
    await channel.send(toMessageOptions(helperPayload(setting?.helperRoleId ?? null)));
  } catch (err) {
    ctx.logger.warn({ err, ...where }, DM.helperNotPinged);
  }
}

/** Right / Wrong on a shadow record: moderators only; the view is redrawn with the new precision. */
export async function handleGradeButton(interaction: ButtonInteraction, ctx: BotContext, action: Extract<ButtonAction, { kind: 'grade' }>): Promise<void> {
  if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await send(interaction, noticePayload(M.notModerator));
    return;
  }
  const graded = await ctx.store.gradeShadow(interaction.guildId, action.recordId, action.right ? 'right' : 'wrong');
  if (graded !== 'graded') {
    await send(interaction, noticePayload(graded === 'not-found' ? M.autoAnswerAdmin.gradeMissing : M.autoAnswerAdmin.notSaved));
    return;
  }
  await interaction.update(toMessageOptions(await shadowView(ctx, interaction.guildId, action.channelId)));
}

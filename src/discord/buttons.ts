import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { parseButtonId, parseTeachId } from '../replies/custom-ids.js';
import { noticePayload, toDiscordPayload } from '../replies/discord.js';
import { REPLY_MESSAGES as M } from '../replies/messages.js';
import { replyForEntry } from '../replies/reply.js';
import { handleAutoAnswerButton, handleGradeButton } from './auto-answer-buttons.js';
import type { BotContext } from './context.js';
import { handleTeach } from './teach.js';
import { handleDecision } from './suggestions.js';
import { send } from './respond.js';

/** Buttons on answers: votes, "show this entry", auto-answer verdicts, shadow grades, and the moderators' teaching and Accept / Reject buttons. Anything else is ignored politely. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const teach = parseTeachId(interaction.customId);
  if (teach !== null) return handleTeach(interaction, ctx, teach);
  const action = parseButtonId(interaction.customId);
  if (action?.kind === 'auto') return handleAutoAnswerButton(interaction, ctx, action);
  if (action?.kind === 'grade') return handleGradeButton(interaction, ctx, action);
  if (action?.kind === 'decide') return handleDecision(interaction, ctx, action);
  const entry = action ? ctx.knowledge.matcher.entry(action.entryId) : undefined;
  if (!action || !entry) {
    await send(interaction, noticePayload(action ? M.unknownEntry : M.staleButton));
    return;
  }
  if (action.kind === 'show') {
    await send(interaction, toDiscordPayload(replyForEntry(entry), { ephemeral: true }));
    void ctx.store.recordServed(entry.id);
    // Only the member who asked resolves their question by clicking; anyone else's click shows the entry, no more.
    const asked = interaction.message.interactionMetadata;
    if (asked?.user.id !== interaction.user.id) return;
    if (action.askKey !== null) {
      void ctx.store.recordResolution({ entryId: entry.id, memberId: interaction.user.id, question: { askKey: action.askKey } });
      return;
    }
    // A related question under an answer counts once the asker has said the answer was wrong.
    const rejected = ctx.recent.takeRejected(asked.id, interaction.user.id);
    if (rejected !== undefined) void ctx.store.recordResolution({ entryId: entry.id, memberId: interaction.user.id, question: { text: rejected } });
    return;
  }
  // The vote is acknowledged only once it is stored for good, which a busy shared database
  // can make slower than Discord's three seconds: say "thinking" first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await ctx.store.recordVote({
    entryId: entry.id,
    answerId: interaction.message.id,
    voterId: interaction.user.id,
    helpful: action.helpful,
  });
  const answered = interaction.message.interactionMetadata;
  if (outcome === 'recorded' && !action.helpful && answered) ctx.recent.dislike(answered.id, interaction.user.id);
  const text = outcome === 'recorded' ? M.voteThanks : outcome === 'duplicate' ? M.voteAlready : M.voteUnavailable;
  await send(interaction, noticePayload(text));
}

import {
  MessageFlags,
  PermissionFlagsBits,
  type ButtonInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { shadowItems, type ShadowItem } from '../auto-answer/shadow.js';
import { addAlternate, addEntry, type EditResult } from '../knowledge/edit.js';
import { findShadow, parseTeachRef, resolveWording, shadowTarget } from '../moderation/teach.js';
import type { TeachAction } from '../replies/custom-ids.js';
import { DRAFT_FIELDS, draftModal, noticePayload, teachPayload } from '../replies/discord.js';
import { escapeForDiscord } from '../replies/escape.js';
import { REPLY_MESSAGES as M } from '../replies/messages.js';
import type { BotContext } from './context.js';
import { DISCORD_MESSAGES as DM } from './messages.js';
import { send } from './respond.js';

const T = M.teach;
type TeachInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/**
 * Add as alternate, the menu of other entries, Draft a new entry and its modal, and Teach #n
 * under a shadow answer. Moderators only, checked on every use from the interaction's own
 * member permissions (a role can be taken away after the view was shown). The reference in
 * the id is resolved from the store now, so a view from before a restart still works and a
 * view whose question or entry is gone says so. The FAQ editor does the writing; its refusal
 * reason goes back to the moderator as is.
 */
export async function handleTeach(interaction: TeachInteraction, ctx: BotContext, action: TeachAction): Promise<void> {
  if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await send(interaction, noticePayload(T.notModerator));
    return;
  }
  const guildId = interaction.guildId;
  const shadow = async (): Promise<readonly ShadowItem[]> => shadowItems(ctx.store, await ctx.settings.all(guildId));

  if (action.kind === 'submit') {
    if (!interaction.isModalSubmit()) return;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const field = (id: string) => interaction.fields.getTextInputValue(id);
    const result = await addEntry(ctx.faq.dir, undefined, {
      question: field(DRAFT_FIELDS.question),
      answer: field(DRAFT_FIELDS.answer),
      sourceUrl: field(DRAFT_FIELDS.sourceUrl),
      publisher: field(DRAFT_FIELDS.publisher),
      title: field(DRAFT_FIELDS.title),
    }, { git: ctx.faq.git });
    logEdit(ctx, interaction, result);
    await send(interaction, noticePayload(resultText(result, (r) => T.entryAdded(r.entryId, r.file))));
    return;
  }

  const stale = parseTeachRef(action.ref)?.kind === 'shadow' ? T.staleShadow : T.staleGroup;
  if (action.kind === 'open') {
    const item = findShadow(await shadow(), action.ref);
    const target = item === null ? null : await shadowTarget(item, ctx.knowledge.matcher);
    await send(interaction, target === null ? noticePayload(stale) : teachPayload(target, null));
    return;
  }
  if (action.kind === 'draft') {
    // A modal must be the first answer to the click: no "thinking" first.
    const wording = await resolveWording(ctx.store, action.ref, shadow);
    if (wording === null || !interaction.isButton()) {
      await send(interaction, noticePayload(stale));
      return;
    }
    await interaction.showModal({ toJSON: () => draftModal(wording) });
    return;
  }

  const entryId = action.kind === 'alternate' ? action.entryId : interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (entryId === undefined) return;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const wording = await resolveWording(ctx.store, action.ref, shadow);
  if (wording === null) {
    await send(interaction, noticePayload(stale));
    return;
  }
  if (ctx.knowledge.matcher.entry(entryId) === undefined) {
    await send(interaction, noticePayload(T.staleEntry(entryId)));
    return;
  }
  const result = await addAlternate(ctx.faq.dir, entryId, wording, { git: ctx.faq.git });
  logEdit(ctx, interaction, result);
  await send(interaction, noticePayload(resultText(result, (r) => T.alternateAdded(escapeForDiscord(wording), r.entryId, r.file))));
}

/** What was done (and whether it was committed), or why nothing was. */
function resultText(result: EditResult, done: (r: Extract<EditResult, { ok: true }>) => string): string {
  if (!result.ok) return T.refused(result.reason);
  const git = result.git === 'off' ? null : result.git === 'committed' ? T.committed : result.git === 'no-repository' ? T.noRepository : result.git.failed;
  return git === null ? done(result) : `${done(result)}\n${git}`;
}

/** Operators see every change made from Discord, with the server but never the member. */
function logEdit(ctx: BotContext, interaction: TeachInteraction, result: EditResult): void {
  if (result.ok) ctx.logger.info({ guildId: interaction.guildId, entryId: result.entryId, file: result.file, git: result.git }, DM.faqChanged);
  else ctx.logger.info({ guildId: interaction.guildId, reason: result.reason }, DM.faqChangeRefused);
}

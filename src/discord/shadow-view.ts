import { shadowItems } from '../auto-answer/shadow.js';
import type { BotContext } from './context.js';
import { shadowPayload, type DiscordPayload } from '../replies/discord.js';
import { REPLY_MESSAGES as M } from '../replies/messages.js';
import { shadowSummary } from '../replies/shadow.js';

/** How many of the latest are shown with grading buttons (one row each). */
const SHOWN = 5;

/** /faq-admin shadow's view, for a server or one of its channels; the grading buttons re-render it. */
export async function shadowView(ctx: BotContext, guildId: string, channelId: string | null): Promise<DiscordPayload> {
  const settings = (await ctx.settings.all(guildId)).filter((s) => channelId === null || s.channelId === channelId);
  const rows = await shadowItems(ctx.store, settings);
  const title = M.autoAnswerAdmin.shadowTitle(channelId ? `<#${channelId}>` : null);
  return shadowPayload(title, shadowSummary(rows, SHOWN), channelId, M.autoAnswerAdmin.shadowEmpty);
}

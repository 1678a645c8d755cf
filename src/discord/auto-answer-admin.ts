import { ChannelType, type ChatInputCommandInteraction } from 'discord.js';
import { AUTO_ANSWER_DEFAULTS } from '../auto-answer/decide.js';
import { noticePayload, type DiscordPayload } from '../replies/discord.js';
import { REPLY_MESSAGES as M } from '../replies/messages.js';
import { settingsLines } from '../replies/shadow.js';
import type { AutoAnswerMode } from '../store/types.js';
import type { BotContext } from './context.js';

const A = M.autoAnswerAdmin;
const ANSWERABLE: readonly ChannelType[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum, ChannelType.GuildMedia];

/** /faq-admin auto-answer: saves a channel's mode, threshold and helper role, and says what it now does. */
export async function autoAnswerSetting(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<DiscordPayload> {
  const channel = interaction.options.getChannel('channel', true);
  if (!ANSWERABLE.includes(channel.type)) return noticePayload(A.wrongChannelType);
  const mode = interaction.options.getString('mode', true) as AutoAnswerMode;
  const minConfidence = interaction.options.getNumber('min-confidence');
  const helper = interaction.options.getRole('helper-role');
  const saved = await ctx.settings.set({
    guildId: interaction.guildId, channelId: channel.id, mode, minConfidence, helperRoleId: helper?.id ?? null,
  });
  if (saved !== 'saved') return noticePayload(saved === 'too-many' ? A.tooMany : A.notSaved);
  const text = A.saved(`<#${channel.id}>`, mode, minConfidence ?? AUTO_ANSWER_DEFAULTS.minConfidence, helper ? `<@&${helper.id}>` : null);
  return noticePayload(ctx.readsMessages || mode === 'off' ? text : `${text}\n${A.notReading}`);
}

/** The settings of a server, one line per channel, for /faq-admin stats. */
export async function autoAnswerSettingsText(ctx: BotContext, guildId: string): Promise<string[]> {
  return settingsLines(await ctx.settings.all(guildId), AUTO_ANSWER_DEFAULTS.minConfidence, (id) => `<#${id}>`, (id) => `<@&${id}>`);
}

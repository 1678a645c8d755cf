import { ApplicationIntegrationType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { AUTO_ANSWER_DEFAULTS } from '../src/auto-answer/decide.js';
import { autoAnswerSetting, autoAnswerSettingsText } from '../src/discord/auto-answer-admin.js';
import { importChannel } from '../src/discord/import-channel.js';
import { shadowView } from '../src/discord/shadow-view.js';
import { showSuggestions } from '../src/discord/suggestions.js';
import type { SlashCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { buildReport } from '../src/moderation/report.js';
import { reloadReply, statusReply } from '../src/replies/admin.js';
import { noticePayload, teachPayload, toDiscordPayload } from '../src/replies/discord.js';
import { groupTarget, TEACH_DEFAULTS } from '../src/moderation/teach.js';
import { REPLY_MESSAGES as M } from '../src/replies/messages.js';
import { renderReportForDiscord } from '../src/replies/report.js';

/** /faq-admin: moderators reload the FAQ, see what went unanswered, and check the bot's health. */
export default {
  data: new SlashCommandBuilder()
    .setName('faq-admin')
    .setDescription('FAQ moderation tools')
    // Moderation stays in servers that installed the bot, never in DMs or a member's own install.
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) => s.setName('reload').setDescription('Reload the FAQ files now'))
    .addSubcommand((s) => s.setName('unanswered').setDescription('What members asked that had no answer'))
    .addSubcommand((s) => s.setName('stats').setDescription('Knowledge, recording and usage at a glance'))
    .addSubcommand((s) =>
      s
        .setName('auto-answer')
        .setDescription('Answer new questions in a help channel or forum, or record what the bot would say')
        // No channel_types filter: the API's list of them lacks media channels, which work here;
        // any other kind of channel is refused with a clear reason when picked.
        .addChannelOption((o) => o.setName('channel').setDescription('A text, forum or media channel').setRequired(true))
        .addStringOption((o) =>
          o.setName('mode').setDescription('off, shadow (record only, say nothing) or on').setRequired(true)
            .addChoices({ name: 'off', value: 'off' }, { name: 'shadow', value: 'shadow' }, { name: 'on', value: 'on' }))
        .addNumberOption((o) =>
          o.setName('min-confidence').setDescription(`Answer only when at least this sure (default ${AUTO_ANSWER_DEFAULTS.minConfidence})`)
            .setMinValue(AUTO_ANSWER_DEFAULTS.lowestMinConfidence).setMaxValue(AUTO_ANSWER_DEFAULTS.highestMinConfidence))
        .addRoleOption((o) => o.setName('helper-role').setDescription('Pinged when the poster says "Not what I asked"')))
    .addSubcommand((s) =>
      s
        .setName('shadow')
        .setDescription("What the bot would have answered, to grade, and the precision so far")
        .addChannelOption((o) => o.setName('channel').setDescription('Only this channel')))
    .addSubcommand((s) => s.setName('suggestions').setDescription('Alternates proposed from what members resolved themselves, to accept or reject'))
    // /faq-admin import: a #faq channel's messages as a draft FAQ file.
    .addSubcommand((s) =>
      s
        .setName('import')
        .setDescription("Import a channel's pinned messages (or its last 100) as a draft FAQ file")
        .addChannelOption((o) => o.setName('channel').setDescription('The channel to read, e.g. #faq').setRequired(true))),

  async execute(interaction, ctx) {
    // Server admins can override who sees the command; the permission is checked again here.
    if (!interaction.inGuild()) {
      await send(interaction, noticePayload(M.guildOnly));
      return;
    }
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      await send(interaction, noticePayload(M.notModerator));
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const sub = interaction.options.getSubcommand();
    if (sub === 'reload') {
      await send(interaction, toDiscordPayload(reloadReply(await ctx.knowledge.reload()), { ephemeral: true }));
    } else if (sub === 'unanswered') {
      const matcher = ctx.knowledge.matcher;
      const report = await buildReport(ctx.store, matcher, { limit: 10 });
      await send(interaction, toDiscordPayload(renderReportForDiscord(report), { ephemeral: true }));
      // Then one private message per group to teach from (a message has room for one group's controls).
      const targets = await Promise.all(report.groups.slice(0, TEACH_DEFAULTS.groups).map((g) => groupTarget(g, matcher)));
      for (const [i, target] of targets.entries()) if (target !== null) await send(interaction, teachPayload(target, i + 1));
      if (report.groups.length > TEACH_DEFAULTS.groups) await send(interaction, noticePayload(M.teach.more(TEACH_DEFAULTS.groups, report.groups.length)));
    } else if (sub === 'auto-answer') {
      await send(interaction, await autoAnswerSetting(interaction, ctx));
    } else if (sub === 'suggestions') {
      await showSuggestions(interaction, ctx);
    } else if (sub === 'import') {
      await send(interaction, await importChannel(interaction, ctx));
    } else if (sub === 'shadow') {
      await send(interaction, await shadowView(ctx, interaction.guildId, interaction.options.getChannel('channel')?.id ?? null));
    } else {
      const status = statusReply({
        kb: ctx.knowledge.matcher.kb,
        problem: ctx.knowledge.problem,
        store: ctx.store.status(),
        served: await ctx.store.servedCounts(),
        startedAt: ctx.startedAt,
        now: new Date(),
        autoAnswer: await autoAnswerSettingsText(ctx, interaction.guildId),
      });
      await send(interaction, toDiscordPayload(status, { ephemeral: true }));
    }
  },
} satisfies SlashCommand;

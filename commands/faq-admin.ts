import { ApplicationIntegrationType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { buildReport } from '../src/moderation/report.js';
import { reloadReply, statusReply } from '../src/replies/admin.js';
import { noticePayload, toDiscordPayload } from '../src/replies/discord.js';
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
    .addSubcommand((s) => s.setName('stats').setDescription('Knowledge, recording and usage at a glance')),

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
      const report = await buildReport(ctx.store, ctx.knowledge.matcher, { limit: 10 });
      await send(interaction, toDiscordPayload(renderReportForDiscord(report), { ephemeral: true }));
    } else {
      const status = statusReply({
        kb: ctx.knowledge.matcher.kb,
        problem: ctx.knowledge.problem,
        store: ctx.store.status(),
        served: await ctx.store.servedCounts(),
        startedAt: ctx.startedAt,
        now: new Date(),
      });
      await send(interaction, toDiscordPayload(status, { ephemeral: true }));
    }
  },
} satisfies SlashCommand;

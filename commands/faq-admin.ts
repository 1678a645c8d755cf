import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { buildReport } from '../src/moderation/report.js';
import { adminReply, issuesText } from '../src/replies/admin.js';
import { noticePayload, toDiscordPayload } from '../src/replies/discord.js';
import { REPLY_MESSAGES as M } from '../src/replies/messages.js';
import { renderReportForDiscord } from '../src/replies/report.js';

/** /faq-admin: moderators reload the FAQ, see what went unanswered, and check the bot's health. */
export default {
  data: new SlashCommandBuilder()
    .setName('faq-admin')
    .setDescription('FAQ moderation tools')
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
      const outcome = await ctx.knowledge.reload();
      const reply = outcome.ok
        ? adminReply('FAQ reloaded', `${outcome.entries} entries, ${outcome.articles} articles from ${outcome.files} file(s).`)
        : adminReply('FAQ not reloaded: the files have errors', `Still serving the last good version.\n${issuesText(outcome.issues)}`);
      await send(interaction, toDiscordPayload(reply, { ephemeral: true }));
      return;
    }
    if (sub === 'unanswered') {
      const report = await buildReport(ctx.store, ctx.knowledge.matcher, { limit: 10 });
      await send(interaction, toDiscordPayload(renderReportForDiscord(report), { ephemeral: true }));
      return;
    }
    const { kb } = ctx.knowledge.matcher;
    const store = ctx.store.status();
    const served = await ctx.store.servedCounts();
    const top = served.slice(0, 5).map((s) => `\`${s.entryId}\` ${s.count}`).join(', ') || 'none yet';
    const problem = ctx.knowledge.problem;
    const lines = [
      `**Knowledge:** ${kb.entries.length} entries, ${kb.articles.length} articles, ${kb.files.length} file(s), loaded ${kb.loadedAt.toISOString()}`,
      problem ? `**The files on disk are broken** (serving the last good version):\n${issuesText(problem, 5)}` : '**Files on disk:** valid',
      `**Recording:** ${store.recording ? `yes (${store.engine})${store.problem ? `; note: ${store.problem}` : ''}` : `NO: ${store.problem ?? 'unavailable'}`}`,
      `**Most served:** ${top}`,
      `**Up since:** ${ctx.startedAt.toISOString()}`,
    ];
    await send(interaction, toDiscordPayload(adminReply('FAQ bot status', lines.join('\n')), { ephemeral: true }));
  },
} satisfies SlashCommand;

import { SlashCommandBuilder } from 'discord.js';
import { MEMBER_REACH, type SlashCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { toDiscordPayload } from '../src/replies/discord.js';
import { adminReply } from '../src/replies/admin.js';
import { HELP_TEXT } from '../src/replies/help.js';

/** /help: how to use the bot, on one screen. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to use the FAQ bot')
    .setIntegrationTypes(MEMBER_REACH.integrationTypes)
    .setContexts(MEMBER_REACH.contexts),
  async execute(interaction, ctx) {
    const kb = ctx.knowledge.matcher.kb;
    await send(interaction, toDiscordPayload(adminReply('FAQ bot', HELP_TEXT(kb.entries.length, kb.articles.length)), { ephemeral: true }));
  },
} satisfies SlashCommand;

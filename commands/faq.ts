import { SlashCommandBuilder } from 'discord.js';
import { MEMBER_REACH, type SlashCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { noticePayload, toChoices, toDiscordPayload } from '../src/replies/discord.js';
import { replyForEntryList, topics } from '../src/replies/lists.js';
import { REPLY_MESSAGES as M } from '../src/replies/messages.js';
import { replyForEntry } from '../src/replies/reply.js';

/** /faq list: browse the entries by topic, a page at a time. /faq show: one entry by id. */
export default {
  data: new SlashCommandBuilder()
    .setName('faq')
    .setDescription('Browse the FAQ')
    .setIntegrationTypes(MEMBER_REACH.integrationTypes)
    .setContexts(MEMBER_REACH.contexts)
    .addSubcommand((s) =>
      s
        .setName('list')
        .setDescription('List the FAQ questions, by topic')
        .addStringOption((o) => o.setName('topic').setDescription('Only this topic').setAutocomplete(true))
        .addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1)),
    )
    .addSubcommand((s) =>
      s
        .setName('show')
        .setDescription('Show one FAQ entry')
        .addStringOption((o) => o.setName('entry').setDescription('The entry').setRequired(true).setAutocomplete(true)),
    ),

  async execute(interaction, ctx) {
    const { kb } = ctx.knowledge.matcher;
    if (interaction.options.getSubcommand() === 'list') {
      const reply = replyForEntryList(kb, interaction.options.getString('topic'), interaction.options.getInteger('page') ?? 1);
      await send(interaction, toDiscordPayload(reply, { ephemeral: true }));
      return;
    }
    const entry = ctx.knowledge.matcher.entry(interaction.options.getString('entry', true).trim());
    await send(interaction, entry ? toDiscordPayload(replyForEntry(entry)) : noticePayload(M.unknownEntry));
    if (entry) void ctx.store.recordServed(entry.id);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const matcher = ctx.knowledge.matcher;
    if (focused.name === 'topic') {
      const typed = focused.value.toLowerCase();
      const choices = topics(matcher.kb).filter((t) => t.topic.includes(typed));
      await interaction.respond(toChoices(choices.map((t) => ({ name: `${t.topic} (${t.count})`, value: t.topic }))));
      return;
    }
    const suggestions = matcher.autocomplete(focused.value);
    await interaction.respond(toChoices(suggestions.map((s) => ({ name: s.question, value: s.id }))));
  },
} satisfies SlashCommand;

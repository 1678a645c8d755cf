import { SlashCommandBuilder } from 'discord.js';
import { answerQuestion } from '../src/discord/answer.js';
import { MEMBER_REACH, type SlashCommand } from '../src/discord/command.js';
import { toChoices } from '../src/replies/discord.js';

/** /ask: a member's question answered from the FAQ, with its source. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask the FAQ a question')
    .setIntegrationTypes(MEMBER_REACH.integrationTypes)
    .setContexts(MEMBER_REACH.contexts)
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, in your own words').setRequired(true).setAutocomplete(true),
    )
    .addUserOption((o) => o.setName('for').setDescription('Address the answer to this member'))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer')),

  async execute(interaction, ctx) {
    const target = interaction.options.getUser('for');
    await answerQuestion(interaction, ctx, {
      question: interaction.options.getString('question', true),
      ...(target && !target.bot ? { forUserId: target.id } : {}),
      ephemeral: interaction.options.getBoolean('private') ?? false,
    });
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    const suggestions = ctx.knowledge.matcher.autocomplete(typed);
    await interaction.respond(toChoices(suggestions.map((s) => ({ name: s.question, value: s.id }))));
  },
} satisfies SlashCommand;

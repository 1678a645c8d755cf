import { SlashCommandBuilder } from 'discord.js';
import { MEMBER_REACH, type SlashCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { noticePayload, toChoices, toDiscordPayload } from '../src/replies/discord.js';
import { REPLY_MESSAGES as M } from '../src/replies/messages.js';
import { replyForArticle } from '../src/replies/reply.js';
import { normalize } from '../src/search/normalize.js';

/** /article: the summary of a source article, with its link. */
export default {
  data: new SlashCommandBuilder()
    .setName('article')
    .setDescription('Read the summary of a source article')
    .setIntegrationTypes(MEMBER_REACH.integrationTypes)
    .setContexts(MEMBER_REACH.contexts)
    .addStringOption((o) => o.setName('name').setDescription('The article').setRequired(true).setAutocomplete(true)),

  async execute(interaction, ctx) {
    const { kb } = ctx.knowledge.matcher;
    const typed = interaction.options.getString('name', true).trim();
    const article = kb.articleById.get(typed) ?? kb.articles.find((a) => normalize(a.title) === normalize(typed));
    await send(interaction, article ? toDiscordPayload(replyForArticle(article)) : noticePayload(M.unknownArticle));
  },

  async autocomplete(interaction, ctx) {
    const typed = normalize(interaction.options.getFocused());
    const words = typed === '' ? [] : typed.split(' ');
    const articles = ctx.knowledge.matcher.kb.articles.filter((a) => {
      const haystack = normalize(`${a.title} ${a.source.publisher}`);
      return words.every((w) => haystack.includes(w));
    });
    await interaction.respond(toChoices(articles.map((a) => ({ name: `${a.title} (${a.source.publisher})`, value: a.id }))));
  },
} satisfies SlashCommand;

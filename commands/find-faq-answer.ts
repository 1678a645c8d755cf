import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { answerQuestion } from '../src/discord/answer.js';
import { MEMBER_REACH, type MessageCommand } from '../src/discord/command.js';
import { send } from '../src/discord/respond.js';
import { noticePayload } from '../src/replies/discord.js';
import { REPLY_MESSAGES as M } from '../src/replies/messages.js';

/** Apps → "Find FAQ answer" on a message: a helper answers someone else's question in two clicks. */
export default {
  data: new ContextMenuCommandBuilder()
    .setName('Find FAQ answer')
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(MEMBER_REACH.integrationTypes)
    .setContexts(MEMBER_REACH.contexts),

  async execute(interaction, ctx) {
    const message = interaction.targetMessage;
    const text = message.content.trim();
    if (text === '') {
      await send(interaction, noticePayload(M.nothingToLookUp));
      return;
    }
    const author = message.author;
    await answerQuestion(interaction, ctx, {
      question: text,
      ...(author && !author.bot && author.id !== interaction.user.id ? { forUserId: author.id } : {}),
    });
  },
} satisfies MessageCommand;

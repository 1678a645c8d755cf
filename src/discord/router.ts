import type { Interaction } from 'discord.js';
import { noticePayload } from '../replies/discord.js';
import { REPLY_MESSAGES as M } from '../replies/messages.js';
import { parseTeachId } from '../replies/custom-ids.js';
import { handleButton } from './buttons.js';
import { handleTeach } from './teach.js';
import type { CommandModule } from './command.js';
import type { BotContext } from './context.js';
import { send, toOptions } from './respond.js';

/**
 * The one place interactions enter. One try/catch: a failing handler gets the member
 * exactly one short private error, the log gets the ids, and the process goes on.
 */
export function createRouter(commands: ReadonlyMap<string, CommandModule>, ctx: BotContext) {
  return async function route(interaction: Interaction): Promise<void> {
    const where = {
      interactionId: interaction.id,
      type: interaction.type,
      command: 'commandName' in interaction ? interaction.commandName : undefined,
      customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId.slice(0, 100) : undefined,
      guildId: interaction.guildId,
      userId: interaction.user.id,
    };
    try {
      if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        try {
          await command?.autocomplete?.(interaction, ctx);
        } finally {
          // Whatever happened, the member's menu gets an answer: an empty one at worst.
          if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
        }
      } else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw new Error(`no handler for command ${interaction.commandName}`);
        await command.execute(interaction, ctx);
      } else if (interaction.isButton()) {
        await handleButton(interaction, ctx);
      } else if (interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
        // The only menus and modals the bot shows are the moderators' teaching ones.
        const action = parseTeachId(interaction.customId);
        if (action === null) await send(interaction, noticePayload(M.staleButton));
        else await handleTeach(interaction, ctx, action);
      }
    } catch (error) {
      ctx.logger.error({ err: error, ...where }, 'interaction handler failed');
      if (!interaction.isRepliable()) return;
      try {
        if (interaction.deferred && !interaction.replied) {
          // The deferred message may be public: drop it, and tell the member privately.
          await interaction.followUp(toOptions(noticePayload(M.genericError)));
          await interaction.deleteReply().catch(() => undefined);
        } else {
          await send(interaction, noticePayload(M.genericError));
        }
      } catch (sendError) {
        ctx.logger.warn({ err: sendError, ...where }, 'could not tell the member about the failure');
      }
    }
  };
}

import {
  ApplicationIntegrationType,
  InteractionContextType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './context.js';

/**
 * One command: its definition (`data`, read by both deploy and the router, so the two
 * never disagree), what it does, and its autocomplete if it has one.
 */
export interface CommandModule<I = ChatInputCommandInteraction | MessageContextMenuCommandInteraction> {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  execute(interaction: I, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export type SlashCommand = CommandModule<ChatInputCommandInteraction>;
export type MessageCommand = CommandModule<MessageContextMenuCommandInteraction>;

/**
 * Where members can look things up: with the bot added to a server, or to their own account
 * (a user install), and in servers, in the bot's DMs and in private channels (DMs and group
 * DMs the bot is not part of). Moderation commands stay in servers.
 */
export const MEMBER_REACH = Object.freeze({
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
});

import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
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

import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions, type MessageCreateOptions, type RepliableInteraction } from 'discord.js';
import type { DiscordPayload } from '../replies/discord.js';

/** discord.js options for a payload; allowedMentions always travels with it, edits included. */
export function toOptions(payload: DiscordPayload): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components as InteractionReplyOptions['components'],
    allowedMentions: payload.allowedMentions,
    ...(payload.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** For a message in a channel, or an update of one: neither can be private, so no flags. */
export function toMessageOptions(payload: DiscordPayload): MessageCreateOptions & InteractionUpdateOptions {
  const { flags: _private, ...options } = toOptions(payload);
  return { ...options, components: payload.components as MessageCreateOptions['components'] & InteractionUpdateOptions['components'] };
}

/**
 * Sends a payload as the interaction's answer: a reply, or an edit of the deferred one.
 * (An edit without allowed_mentions would be parsed with Discord's defaults: never that.)
 */
export async function send(interaction: RepliableInteraction, payload: DiscordPayload): Promise<void> {
  const options = toOptions(payload);
  if (interaction.deferred && !interaction.replied) {
    const { flags: _ignored, ...edit } = options;
    await interaction.editReply(edit);
  } else if (interaction.replied) {
    await interaction.followUp(options);
  } else {
    await interaction.reply(options);
  }
}

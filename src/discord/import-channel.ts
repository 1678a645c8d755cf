import { DiscordAPIError, type ChatInputCommandInteraction, type Message } from 'discord.js';
import { idFrom } from '../import/ids.js';
import { importIntoFolder } from '../import/into-folder.js';
import { readChannelMessages } from '../import/read-messages.js';
import { noticePayload, type DiscordPayload } from '../replies/discord.js';
import { escapeForDiscord } from '../replies/escape.js';
import type { BotContext } from './context.js';
import { CHANNEL_IMPORT_MESSAGES as M, DISCORD_MESSAGES as DM } from './messages.js';

/** Discord's most messages a request returns: the last 100 when nothing is pinned. */
const RECENT = 100;
/** Missing Access, Missing Permissions: the bot cannot read that channel's history. */
const NO_ACCESS = new Set([50001, 50013]);

/**
 * /faq-admin import channel: a #faq channel's pinned messages (or its last 100) written as a
 * draft file, `channel-<name>.yaml`, through the FAQ editor's safe path; a second import of
 * the same channel changes that file's entries from it in place. The moderator gets a
 * summary and the file's name.
 */
export async function importChannel(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<DiscordPayload> {
  const picked = interaction.options.getChannel('channel', true);
  let messages: Message[];
  let name: string;
  try {
    const channel = await interaction.client.channels.fetch(picked.id);
    if (channel === null || !channel.isTextBased() || channel.isDMBased() || !('name' in channel)) return noticePayload(M.notText);
    name = channel.name;
    const pins = await channel.messages.fetchPins();
    messages = pins.items.map((p) => p.message);
    if (messages.length === 0) messages = [...(await channel.messages.fetch({ limit: RECENT })).values()];
  } catch (error) {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && NO_ACCESS.has(error.code)) return noticePayload(M.noAccess);
    throw error;
  }
  const read = readChannelMessages(
    messages.filter((m) => !m.author.bot).map((m) => ({ content: m.content, url: m.url })),
    { name, url: `https://discord.com/channels/${interaction.guildId}/${picked.id}`, server: interaction.guild?.name ?? M.server },
  );
  if (read.entries.length === 0) return noticePayload(M.nothing(escapeForDiscord(name), read.skipped.length));
  const file = `channel-${idFrom(name, 'name') || picked.id}.yaml`;
  const result = await importIntoFolder(ctx.faq.dir, file, read, `#${name}`, { git: ctx.faq.git });
  if (!result.ok) {
    ctx.logger.info({ guildId: interaction.guildId, reason: result.reason }, DM.faqChangeRefused);
    return noticePayload(M.refused(result.reason));
  }
  ctx.logger.info({ guildId: interaction.guildId, file: result.file, git: result.git }, DM.faqChanged);
  const { added, changed, removed } = result.outcome;
  const review = result.plan.entries.filter((e) => e.review.length > 0).length;
  const git = result.git === 'off' ? null : result.git === 'committed' ? M.committed : result.git === 'no-repository' ? M.noRepository : result.git.failed;
  return noticePayload(
    [M.done(escapeForDiscord(name), result.file, added.length, changed.length, removed.length), M.skipped(read.skipped.length), M.review(review), git]
      .filter((line): line is string => line !== null)
      .join('\n'),
  );
}

import {
  ChannelType,
  DiscordAPIError,
  Events,
  PermissionFlagsBits,
  type AnyThreadChannel,
  type Client,
  type Message,
} from 'discord.js';
import { ChannelCooldown } from '../auto-answer/cooldown.js';
import { AUTO_ANSWER_DEFAULTS, decide } from '../auto-answer/decide.js';
import { forumPostText, readAsQuestion } from '../auto-answer/question-shape.js';
import { RecentIds } from '../auto-answer/seen.js';
import { autoAnswerPayload, type DiscordPayload } from '../replies/discord.js';
import { replyForAutoAnswer } from '../replies/reply.js';
import type { AutoAnswerSetting } from '../store/types.js';
import type { BotContext } from './context.js';
import { DISCORD_MESSAGES as DM } from './messages.js';
import { toMessageOptions } from './respond.js';

/** A question asked in a help channel (a message) or a forum or media channel (a new post). */
interface Asked {
  kind: 'text' | 'post';
  guildId: string;
  /** The channel whose setting applies: the help channel, or the forum a post is in. */
  channelId: string;
  /** The message, or the post (its starter message has the same id). */
  messageId: string;
  posterId: string;
  text: string;
  send: (payload: DiscordPayload) => Promise<unknown>;
}

const FORUMS: readonly ChannelType[] = [ChannelType.GuildForum, ChannelType.GuildMedia];

/**
 * Reads new messages and forum posts in channels set to shadow or on, and answers those
 * the FAQ answers confidently (or records what it would have said). Each message and each
 * post is considered once: a resumed gateway's replays and the two events of a forum post
 * (THREAD_CREATE, and MESSAGE_CREATE of its starter message) meet in one bounded in-memory
 * set of ids (see RecentIds for why memory is enough). A per-channel cooldown keeps a
 * busy channel from being flooded. Every failure is logged and dropped: nothing here can
 * take the bot down.
 */
export function listenForQuestions(client: Client, ctx: BotContext, track: (start: () => Promise<void>) => void): void {
  const seen = new RecentIds();
  const cooldown = new ChannelCooldown();
  const log = ctx.logger.child({ component: 'auto-answer' });

  const guarded = (what: Record<string, unknown>, work: () => Promise<void>) =>
    track(async () => {
      try {
        await work();
      } catch (err) {
        log.error({ err, ...what }, DM.autoAnswerFailed);
      }
    });

  client.on(Events.MessageCreate, (message) => {
    if (!message.inGuild() || message.author.bot || message.webhookId !== null || message.system) return;
    const channel = message.channel;
    if (channel.isThread()) {
      // A forum post's starter message has the post's id; other thread messages are conversation.
      if (message.id !== channel.id || !FORUMS.includes(channel.parent?.type as ChannelType)) return;
      if (!seen.claim(`post:${channel.id}`)) return;
      guarded({ channelId: channel.id }, () => considerPost(channel, message));
      return;
    }
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) return;
    // A reply to someone else is conversation, not a new question.
    if (message.reference !== null && message.mentions.repliedUser?.id !== client.user?.id) return;
    // Moderators answer questions; they are not asking.
    if (message.member?.permissionsIn(channel).has(PermissionFlagsBits.ManageMessages)) return;
    const reading = readAsQuestion(message.content);
    if (!reading.ok || !seen.claim(`message:${message.id}`)) return;
    guarded({ channelId: channel.id, messageId: message.id }, () =>
      consider({
        kind: 'text', guildId: message.guildId, channelId: channel.id, messageId: message.id, posterId: message.author.id, text: reading.text,
        send: (payload) => channel.send({ ...toMessageOptions(payload), reply: { messageReference: message.id, failIfNotExists: true } }),
      }),
    );
  });

  client.on(Events.ThreadCreate, (thread, newlyCreated) => {
    if (!newlyCreated || !FORUMS.includes(thread.parent?.type as ChannelType)) return;
    guarded({ channelId: thread.id }, async () => {
      // The starter message may not be fetchable yet; its MESSAGE_CREATE then brings it.
      const starter = await thread.fetchStarterMessage().catch(() => null);
      if (starter === null || !seen.claim(`post:${thread.id}`)) return;
      await considerPost(thread, starter);
    });
  });

  async function considerPost(thread: AnyThreadChannel, starter: Message): Promise<void> {
    if (starter.author.bot || thread.parentId === null || thread.guildId === null) return;
    const reading = readAsQuestion(forumPostText(thread.name, starter.content), false);
    if (!reading.ok) return;
    await consider({
      kind: 'post', guildId: thread.guildId, channelId: thread.parentId, messageId: thread.id, posterId: thread.ownerId ?? starter.author.id, text: reading.text,
      send: (payload) => thread.send(toMessageOptions(payload)),
    });
  }

  async function consider(asked: Asked): Promise<void> {
    const setting = await ctx.settings.get(asked.guildId, asked.channelId);
    if (setting === null || setting.mode === 'off') return;
    const threshold = setting.minConfidence ?? AUTO_ANSWER_DEFAULTS.minConfidence;
    const decision = decide(await ctx.knowledge.matcher.ask(asked.text), threshold);
    const where = { guildId: asked.guildId, channelId: asked.channelId, messageId: asked.messageId, mode: setting.mode };
    if (setting.mode === 'shadow') return shadow(asked, setting, decision.candidate, decision.answer);
    if (!decision.answer) {
      log.debug({ ...where, confidence: decision.candidate?.confidence ?? null }, DM.autoAnswerDeclined);
      return;
    }
    if (!cooldown.take(asked.channelId)) {
      log.info(where, DM.autoAnswerCooldown);
      return;
    }
    const { entry, confidence } = decision.candidate;
    try {
      await asked.send(autoAnswerPayload(replyForAutoAnswer(entry, confidence), asked.posterId));
    } catch (err) {
      log.warn({ ...where, code: err instanceof DiscordAPIError ? err.code : undefined, err }, DM.autoAnswerNotSent);
      return;
    }
    log.info({ ...where, entry: entry.id, confidence }, DM.autoAnswered);
    void ctx.store.recordServed(entry.id);
  }

  async function shadow(asked: Asked, setting: AutoAnswerSetting, candidate: { entry: { id: string }; confidence: number } | null, wouldAnswer: boolean): Promise<void> {
    // Below the lowest threshold a moderator may set, a guess is not worth grading.
    if (candidate === null || candidate.confidence < AUTO_ANSWER_DEFAULTS.lowestMinConfidence) return;
    await ctx.store.recordShadow({
      guildId: asked.guildId, channelId: asked.channelId, question: asked.text, entryId: candidate.entry.id, confidence: candidate.confidence,
    });
    log.debug({ guildId: asked.guildId, channelId: setting.channelId, entry: candidate.entry.id, confidence: candidate.confidence, wouldAnswer }, DM.shadowRecorded);
  }
}

import {
  ChannelType,
  DiscordAPIError,
  Events,
  PermissionFlagsBits,
  type AnyThreadChannel,
  type Client,
  type Message,
} from 'discord.js';
import type { Logger } from 'pino';
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
  const listener = new QuestionListener(client, ctx, track);
  client.on(Events.MessageCreate, (message) => listener.message(message));
  client.on(Events.ThreadCreate, (thread, newlyCreated) => {
    if (newlyCreated) listener.thread(thread);
  });
}

class QuestionListener {
  private readonly seen = new RecentIds();
  private readonly cooldown = new ChannelCooldown();
  private readonly log: Logger;

  constructor(
    private readonly client: Client,
    private readonly ctx: BotContext,
    private readonly track: (start: () => Promise<void>) => void,
  ) {
    this.log = ctx.logger.child({ component: 'auto-answer' });
  }

  /** A message in a help channel, or the starter message of a forum post. */
  message(message: Message): void {
    if (!message.inGuild() || message.author.bot || message.webhookId !== null || message.system) return;
    const channel = message.channel;
    if (channel.isThread()) {
      // A forum post's starter message has the post's id; other thread messages are conversation.
      if (message.id !== channel.id || !FORUMS.includes(channel.parent?.type as ChannelType)) return;
      if (!this.seen.claim(`post:${channel.id}`)) return;
      this.guarded({ channelId: channel.id }, () => this.post(channel, message));
      return;
    }
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) return;
    // A reply to someone else is conversation, not a new question.
    if (message.reference !== null && message.mentions.repliedUser?.id !== this.client.user?.id) return;
    // Moderators answer questions; they are not asking.
    if (message.member?.permissionsIn(channel).has(PermissionFlagsBits.ManageMessages)) return;
    const reading = readAsQuestion(message.content);
    if (!reading.ok || !this.seen.claim(`message:${message.id}`)) return;
    this.guarded({ channelId: channel.id, messageId: message.id }, () =>
      this.consider({
        kind: 'text', guildId: message.guildId, channelId: channel.id, messageId: message.id, posterId: message.author.id, text: reading.text,
        send: (payload) => channel.send({ ...toMessageOptions(payload), reply: { messageReference: message.id, failIfNotExists: true } }),
      }),
    );
  }

  /** A new thread: a forum post, whose starter message may come before or after it. */
  thread(thread: AnyThreadChannel): void {
    if (!FORUMS.includes(thread.parent?.type as ChannelType)) return;
    this.guarded({ channelId: thread.id }, async () => {
      // The starter message may not be fetchable yet; its MESSAGE_CREATE then brings it.
      const starter = await thread.fetchStarterMessage().catch(() => null);
      if (starter === null || !this.seen.claim(`post:${thread.id}`)) return;
      await this.post(thread, starter);
    });
  }

  private guarded(what: Record<string, unknown>, work: () => Promise<void>): void {
    this.track(async () => {
      try {
        await work();
      } catch (err) {
        this.log.error({ err, ...what }, DM.autoAnswerFailed);
      }
    });
  }

  private async post(thread: AnyThreadChannel, starter: Message): Promise<void> {
    if (starter.author.bot || thread.parentId === null || thread.guildId === null) return;
    const reading = readAsQuestion(forumPostText(thread.name, starter.content), false);
    if (!reading.ok) return;
    await this.consider({
      kind: 'post', guildId: thread.guildId, channelId: thread.parentId, messageId: thread.id, posterId: thread.ownerId ?? starter.author.id, text: reading.text,
      send: (payload) => thread.send(toMessageOptions(payload)),
    });
  }

  private async consider(asked: Asked): Promise<void> {
    const { ctx, log } = this;
    const setting = await ctx.settings.get(asked.guildId, asked.channelId);
    if (setting === null || setting.mode === 'off') return;
    const threshold = setting.minConfidence ?? AUTO_ANSWER_DEFAULTS.minConfidence;
    const decision = decide(await ctx.knowledge.matcher.ask(asked.text), threshold);
    const where = { guildId: asked.guildId, channelId: asked.channelId, messageId: asked.messageId, mode: setting.mode };
    if (setting.mode === 'shadow') return this.shadow(asked, setting, decision.candidate, decision.answer);
    if (!decision.answer) {
      log.debug({ ...where, confidence: decision.candidate?.confidence ?? null }, DM.autoAnswerDeclined);
      return;
    }
    if (!this.cooldown.take(asked.channelId)) {
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

  private async shadow(asked: Asked, setting: AutoAnswerSetting, candidate: { entry: { id: string }; confidence: number } | null, wouldAnswer: boolean): Promise<void> {
    // Below the lowest threshold a moderator may set, a guess is not worth grading.
    if (candidate === null || candidate.confidence < AUTO_ANSWER_DEFAULTS.lowestMinConfidence) return;
    await this.ctx.store.recordShadow({
      guildId: asked.guildId, channelId: asked.channelId, question: asked.text, entryId: candidate.entry.id, confidence: candidate.confidence,
    });
    this.log.debug({ guildId: asked.guildId, channelId: setting.channelId, entry: candidate.entry.id, confidence: candidate.confidence, wouldAnswer }, DM.shadowRecorded);
  }
}

import type { RepliableInteraction } from 'discord.js';
import { toDiscordPayload } from '../replies/discord.js';
import { replyForAnswer } from '../replies/reply.js';
import { STORE_LIMITS } from '../store/limits.js';
import { askKeyOf } from '../store/privacy.js';
import type { BotContext } from './context.js';
import { send } from './respond.js';

/** Answers below this confidence are recorded for moderators as "low confidence". */
const LOW_CONFIDENCE = 0.65;

export interface AnswerRequest {
  readonly question: string;
  /** The member the answer is addressed to (mentioned), if not the asker. */
  readonly forUserId?: string;
  readonly ephemeral?: boolean;
}

/**
 * The path every question takes on Discord: match, reply, then record what moderators
 * need. The reply goes first; recording never delays or breaks it.
 */
export async function answerQuestion(interaction: RepliableInteraction, ctx: BotContext, request: AnswerRequest): Promise<void> {
  const answer = await ctx.knowledge.matcher.ask(request.question);
  const reply = replyForAnswer(answer);
  const answered = answer.match !== null;
  // A declined question is recorded: its suggestions say which one it is, for the asker's click.
  const askKey = answered || answer.reason === 'empty' ? null : askKeyOf(answer.question, STORE_LIMITS);
  const payload = toDiscordPayload(reply, {
    ...(askKey !== null ? { askKey } : {}),
    ...(answered && request.forUserId ? { forUserId: request.forUserId } : {}),
    ...(answered ? {} : { echo: request.question }),
    ephemeral: answered ? request.ephemeral === true : true,
  });
  await send(interaction, payload);

  if (answer.match !== null) {
    void ctx.store.recordServed(answer.match.entry.id);
    // Held in memory only (recent-answers.ts): a 👎 then a click on a related question makes it a resolution.
    if (answer.reason !== 'picked' && reply.suggestions.length > 0 && ctx.store.status().recording) ctx.recent.remember(interaction.id, interaction.user.id, answer.question);
    if (answer.reason !== 'picked' && answer.match.confidence < LOW_CONFIDENCE) void ctx.store.recordAsk(askRecord(interaction, answer.question, answer.match.entry.id, answer.match.confidence, 'low-confidence'));
  } else if (answer.reason !== 'empty') {
    void ctx.store.recordAsk(askRecord(interaction, answer.question, answer.best?.entry.id ?? null, answer.best?.confidence ?? null, 'unanswered'));
  }
}

function askRecord(interaction: RepliableInteraction, question: string, bestEntryId: string | null, confidence: number | null, kind: 'unanswered' | 'low-confidence') {
  return { question, askerId: interaction.user.id, bestEntryId, confidence, kind };
}

import { clip, truncate } from '../text/truncate.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { REPLY_MESSAGES as M } from './messages.js';
import type { Reply } from './reply.js';
import { autoAnswerId, DRAFT_MODAL_ID, gradeId, showId, teachId, voteId } from './custom-ids.js';
import type { TeachTarget } from '../moderation/teach.js';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits.js';
import type { ShadowSummary } from './shadow.js';
import { escapeForDiscord } from './escape.js';

/**
 * Discord message payloads, as plain API JSON (no discord.js here). Every limit and the
 * mention policy live in this file: nothing the bot sends can ping anyone but the one
 * member it is addressed to.
 */
export interface DiscordPayload {
  content?: string;
  embeds: Embed[];
  components: ActionRow[];
  allowedMentions: { parse: []; users: string[]; roles: string[]; repliedUser: false };
  ephemeral: boolean;
}

interface Embed {
  title?: string;
  description: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}
type Button =
  | { type: 2; style: 1 | 2 | 3 | 4; label: string; custom_id: string; emoji?: { name: string } }
  | { type: 2; style: 5; label: string; url: string };
interface SelectMenu {
  type: 3;
  custom_id: string;
  placeholder?: string;
  options: { label: string; value: string; description?: string }[];
}
interface ActionRow {
  type: 1;
  components: Button[] | [SelectMenu];
}
/** A text input with its label above it (a Label component holding a Text Input). */
interface LabelledInput {
  type: 18;
  label: string;
  description?: string;
  component: { type: 4; custom_id: string; style: 1 | 2; required: boolean; max_length: number; value?: string };
}
export interface Modal {
  custom_id: string;
  title: string;
  components: LabelledInput[];
}

export interface PayloadOptions {
  /** Address the reply to this member: mention them, and nobody else. */
  forUserId?: string;
  /** Show the member's question back to them (escaped). */
  echo?: string;
  /** Force a private reply. */
  ephemeral?: boolean;
  /** Offer Helpful / Not helpful buttons on answers. */
  feedback?: boolean;
  /** The recorded question's key, carried by the suggestions' buttons (the asker's click resolves it). */
  askKey?: string;
}

const COLORS = { answer: 0x2b7bb9, 'no-answer': 0x99aab5, article: 0x3ba55d, notice: 0x99aab5 } as const;
const MAX_SOURCE_BUTTONS = 3;
const MAX_SUGGESTION_BUTTONS = 5;

export function toDiscordPayload(reply: Reply, options: PayloadOptions = {}): DiscordPayload {
  const users = options.forUserId ? [options.forUserId] : [];
  const content = options.forUserId ? clip(M.askedBy(`<@${options.forUserId}>`), L.content) : undefined;
  const embed: Embed = { description: '', color: COLORS[reply.kind] };
  let budget = L.embedTotal;
  const spend = (text: string, max: number) => {
    const cut = truncate(text, Math.min(max, budget));
    budget -= cut.length;
    return cut;
  };
  if (reply.title) embed.title = spend(reply.title, L.embedTitle);
  if (reply.footer) embed.footer = { text: spend(reply.footer, L.embedFooter) };
  const fields: NonNullable<Embed['fields']> = [];
  if (options.echo !== undefined && options.echo.trim() !== '') {
    const name = M.youAsked;
    budget -= name.length;
    fields.push({ name, value: spend(escapeForDiscord(options.echo), L.embedFieldValue) });
  }
  if (reply.sources.length > 0) {
    const name = M.sourcesLabel;
    budget -= name.length;
    // Whole lines only: a source cut in half would be a broken link.
    const lines: string[] = [];
    let used = 0;
    for (const s of reply.sources) {
      const line = `[${escapeLinkText(`${s.publisher}: ${s.title}`)}](${s.url})`;
      if (used + line.length + 1 > Math.min(L.embedFieldValue, budget - 200)) break;
      lines.push(line);
      used += line.length + 1;
    }
    if (lines.length > 0) {
      fields.push({ name, value: lines.join('\n') });
      budget -= used;
    }
  }
  embed.description = spend(reply.body, L.embedDescription) || '\u200b';
  if (fields.length > 0) embed.fields = fields.slice(0, L.embedFields);

  return {
    ...(content !== undefined ? { content } : {}),
    embeds: [embed],
    components: buttons(reply, options),
    allowedMentions: { parse: [], users, roles: [], repliedUser: false },
    ephemeral: options.ephemeral ?? reply.private,
  };
}

function buttons(reply: Reply, options: PayloadOptions): ActionRow[] {
  const rows: ActionRow[] = [];
  const first: Button[] = [];
  if (reply.kind === 'answer' && reply.entryId && options.feedback !== false) {
    first.push({ type: 2, style: 2, label: M.helpful, emoji: { name: '👍' }, custom_id: voteId(reply.entryId, true) });
    first.push({ type: 2, style: 2, label: M.notHelpful, emoji: { name: '👎' }, custom_id: voteId(reply.entryId, false) });
  }
  for (const s of reply.sources.slice(0, MAX_SOURCE_BUTTONS)) {
    first.push({ type: 2, style: 5, label: clip(s.publisher, L.buttonLabel), url: s.url });
  }
  if (first.length > 0) rows.push({ type: 1, components: first.slice(0, L.buttonsPerRow) });
  const seen = new Set<string>();
  const suggestions = reply.suggestions.filter((s) => !seen.has(s.id) && seen.add(s.id)).slice(0, MAX_SUGGESTION_BUTTONS);
  if (suggestions.length > 0) {
    rows.push({
      type: 1,
      components: suggestions.map((s): Button => ({ type: 2, style: 1, label: clip(s.question, L.buttonLabel), custom_id: showId(s.id, options.askKey) })),
    });
  }
  return rows.slice(0, L.actionRows);
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

/**
 * An auto-answer posted in a help channel or forum post: the answer and its sources, with
 * Solved / Not what I asked for the poster. It pings nobody and never shows the member's
 * words back (they are right above it).
 */
export function autoAnswerPayload(reply: Reply, posterId: string): DiscordPayload {
  const base = toDiscordPayload(reply, { feedback: false });
  const AA = M.autoAnswer;
  const entryId = reply.entryId ?? '';
  const verdicts: Button[] = [
    { type: 2, style: 3, label: AA.solved, emoji: { name: '✅' }, custom_id: autoAnswerId('solved', posterId, entryId) },
    { type: 2, style: 2, label: AA.notIt, custom_id: autoAnswerId('not-it', posterId, entryId) },
  ];
  const links = (base.components[0]?.components as Button[] | undefined)?.filter((b) => b.style === 5) ?? [];
  return {
    embeds: base.embeds,
    components: [{ type: 1, components: [...verdicts, ...links].slice(0, L.buttonsPerRow) }],
    allowedMentions: { parse: [], users: [], roles: [], repliedUser: false },
    ephemeral: false,
  };
}

/** Asking for a human after "Not what I asked": pings the helper role set for the channel, and nobody else. */
export function helperPayload(helperRoleId: string | null): DiscordPayload {
  const AA = M.autoAnswer;
  return {
    content: truncate(helperRoleId ? AA.helperPing(`<@&${helperRoleId}>`) : AA.humanWillLook, L.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [], users: [], roles: helperRoleId ? [helperRoleId] : [], repliedUser: false },
    ephemeral: false,
  };
}

/** Shadow mode for moderators: precision, the threshold to use, the latest records with Right / Wrong buttons. */
export function shadowPayload(title: string, summary: ShadowSummary, channelId: string | null, empty: string): DiscordPayload {
  const A = M.autoAnswerAdmin;
  const head = `${summary.precision}\n${summary.threshold}`;
  const shown = summary.lines.slice(0, L.actionRows);
  let body = head;
  for (const l of shown) {
    const next = `${body}\n\n${escapeRecord(l.text)}`;
    if (next.length > L.embedDescription) break;
    body = next;
  }
  if (shown.length === 0) body = `${head}\n\n${empty}`;
  return {
    embeds: [{ title: truncate(title, L.embedTitle), description: body, color: COLORS.notice }],
    components: shown.map((l, i) => {
      const teach = teachId({ kind: 'open', ref: `s${l.row.id}` });
      const row: Button[] = [
        { type: 2, style: 3, label: A.right(i + 1), custom_id: gradeId(l.row.id, true, channelId) },
        { type: 2, style: 4, label: A.wrong(i + 1), custom_id: gradeId(l.row.id, false, channelId) },
      ];
      if (teach !== null) row.push({ type: 2, style: 2, label: M.teach.openRow(i + 1), custom_id: teach });
      return { type: 1 as const, components: row };
    }),
    allowedMentions: { parse: [], users: [], roles: [], repliedUser: false },
    ephemeral: true,
  };
}

// A recorded question is member text: it may not ping or restyle the view. Cut to a line.
function escapeRecord(text: string): string {
  const [head, ...rest] = text.split('\n');
  return [head, ...rest.map((r) => truncate(escapeForDiscord(r), 300))].join('\n');
}

/**
 * One thing to teach the bot, for moderators (private): the wording, where it most likely
 * belongs, and Add as alternate / Draft a new entry, with a menu of the next closest entries.
 * Member wordings are escaped; controls whose id would not fit are left out.
 */
export function teachPayload(target: TeachTarget, n: number | null): DiscordPayload {
  const T = M.teach;
  const lines: string[] = [];
  if (target.asks !== null) lines.push(T.asked(target.asks.count, target.asks.askers));
  if (target.otherWordings.length > 0) lines.push(T.alsoAsked, ...target.otherWordings.map((w) => `• ${truncate(escapeForDiscord(w), 300)}`));
  lines.push(
    target.closest === null
      ? T.noClosest
      : T.closest(target.closest.entryId, escapeForDiscord(target.closest.question), Math.round(target.closest.confidence * 100)),
  );
  lines.push('', T.howTo);
  const first: Button[] = [];
  const add = target.closest === null ? null : teachId({ kind: 'alternate', ref: target.ref, entryId: target.closest.entryId });
  if (add !== null) first.push({ type: 2, style: 1, label: T.addAlternate, custom_id: add });
  const draft = teachId({ kind: 'draft', ref: target.ref });
  if (draft !== null) first.push({ type: 2, style: 2, label: T.draftEntry, custom_id: draft });
  const rows: ActionRow[] = first.length > 0 ? [{ type: 1, components: first }] : [];
  const pick = teachId({ kind: 'pick', ref: target.ref });
  const options = target.others
    .filter((e) => e.entryId.length <= L.selectValue)
    .slice(0, L.selectOptions)
    .map((e) => ({
      label: clip(e.question, L.selectLabel),
      value: e.entryId,
      description: clip(T.pickDescription(e.entryId, Math.round(e.confidence * 100)), L.selectDescription),
    }));
  if (pick !== null && options.length > 0) {
    rows.push({ type: 1, components: [{ type: 3, custom_id: pick, placeholder: clip(T.pickPlaceholder, L.selectPlaceholder), options }] });
  }
  return {
    embeds: [{ title: truncate(T.viewTitle(n, escapeForDiscord(target.wording)), L.embedTitle), description: truncate(lines.join('\n'), L.embedDescription), color: COLORS.notice }],
    components: rows,
    allowedMentions: { parse: [], users: [], roles: [], repliedUser: false },
    ephemeral: true,
  };
}

/** The fields of the Draft a new entry modal, by custom id. */
export const DRAFT_FIELDS = Object.freeze({ question: 'question', answer: 'answer', sourceUrl: 'source-url', publisher: 'publisher', title: 'title' });

/**
 * The Draft a new entry modal (API JSON): five labelled text inputs, the most Discord
 * allows, each as long as the FAQ file accepts; the question starts as the members' wording.
 */
export function draftModal(wording: string): Modal {
  const T = M.teach;
  const K = KNOWLEDGE_LIMITS;
  const input = (customId: string, label: string, hint: string | null, style: 1 | 2, max: number, value?: string): LabelledInput => ({
    type: 18,
    label: clip(label, L.modalLabel),
    ...(hint === null ? {} : { description: clip(hint, L.modalDescription) }),
    component: {
      type: 4,
      custom_id: customId,
      style,
      required: true,
      max_length: Math.min(max, L.textInputValue),
      ...(value === undefined || value === '' ? {} : { value: value.slice(0, Math.min(max, L.textInputValue)) }),
    },
  });
  const F = DRAFT_FIELDS;
  const components = [
    input(F.question, T.question, T.questionHint, 1, K.questionLength, wording),
    input(F.answer, T.answer, T.answerHint, 2, K.answerLength),
    input(F.sourceUrl, T.sourceUrl, T.sourceUrlHint, 1, K.urlLength),
    input(F.publisher, T.publisher, T.publisherHint, 1, K.publisherLength),
    input(F.title, T.title, null, 1, K.titleLength),
  ];
  return { custom_id: DRAFT_MODAL_ID, title: clip(T.modalTitle, L.modalTitle), components: components.slice(0, L.modalComponents) };
}

/** A short private text reply (errors, confirmations). */
export function noticePayload(text: string): DiscordPayload {
  return {
    content: truncate(text, L.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [], users: [], roles: [], repliedUser: false },
    ephemeral: true,
  };
}

/** Autocomplete choices: at most 25, names and values 1 to 100 characters. */
export function toChoices(items: readonly { name: string; value: string }[]): { name: string; value: string }[] {
  return items
    .filter((c) => c.value.length >= 1 && c.value.length <= L.choiceValue && c.name.trim() !== '')
    .slice(0, L.choices)
    .map((c) => ({ name: clip(c.name, L.choiceName), value: c.value }));
}

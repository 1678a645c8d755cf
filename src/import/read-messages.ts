import { IMPORT_MESSAGES as M } from './messages.js';
import { oneLine, tidy } from './text.js';
import type { FoundEntry, ReadSource, Skipped } from './types.js';

/** A channel message as the importer needs it: no Discord types, only what it says and where. */
export interface ChannelMessage {
  readonly content: string;
  readonly url: string;
}

export interface ChannelInfo {
  readonly name: string;
  readonly url: string;
  readonly server: string;
}

const BOLD_LINE = /^\s*\*\*(.+?)\*\*\s*:?\s*$/;

/**
 * A #faq channel's messages, one entry a message: its first line that is bold all through
 * is the question (else its first line), and the lines after it the answer. The channel is
 * the source: its name, the server's, and its link.
 */
export function readChannelMessages(messages: readonly ChannelMessage[], channel: ChannelInfo): ReadSource {
  const entries: FoundEntry[] = [];
  const skipped: Skipped[] = [];
  for (const message of messages) {
    const lines = message.content.replace(/\r\n?/g, '\n').split('\n');
    let at = lines.findIndex((l) => BOLD_LINE.test(l));
    if (at < 0) at = lines.findIndex((l) => l.trim() !== '');
    const question = at < 0 ? '' : oneLine((BOLD_LINE.exec(lines[at]!)?.[1] ?? lines[at]!).replace(/^#+\s*/, ''));
    const answer = at < 0 ? '' : tidy(lines.slice(at + 1).join('\n'));
    if (question === '') skipped.push({ place: message.url, why: M.noQuestion });
    else if (answer === '') skipped.push({ place: message.url, why: M.noAnswer });
    else entries.push({ question, madeUp: false, alternates: [], answer, tags: [channel.name], place: message.url });
  }
  return { source: { title: `#${channel.name}`, publisher: channel.server, url: channel.url }, entries, skipped };
}

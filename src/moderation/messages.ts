/** Every text of the moderation tools (report and suggestions), in one place. */

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const pct = (confidence: number) => `${Math.round(confidence * 100)}%`;

export const REPORT_MESSAGES = {
  notRecording: (problem: string) => `Not recording right now: ${problem}`,
  note: (problem: string) => `Note: ${problem}`,
  unansweredTitle: 'Most asked questions without a good answer',
  noUnanswered: 'No unanswered questions recorded yet.',
  group: (rank: number, text: string, count: number, askers: number, lastSeen: string) =>
    `${rank}. "${text}": ${times(count, 'ask', 'asks')} by ${times(askers, 'member', 'members')}, last ${lastSeen.slice(0, 10)}`,
  rewording: (text: string, count: number) => `   also: "${text}" (${count})`,
  nowAnswered: (entryId: string) => ` [now answered by ${entryId}]`,
  addAlternate: (entryId: string, file: string, confidence: number) =>
    `   → add an alternate to ${entryId} in ${file} (closest, ${pct(confidence)})`,
  newEntry: (closest: { entryId: string; confidence: number } | null) =>
    `   → a new entry is due${closest === null ? '' : ` (closest: ${closest.entryId}, ${pct(closest.confidence)})`}`,
  notHelpfulTitle: 'Entries marked "not helpful" most',
  noNotHelpful: 'No "not helpful" votes recorded yet.',
  notHelpful: (entryId: string, question: string | null, notHelpful: number, helpful: number) =>
    `- ${entryId}: ${notHelpful} not helpful, ${helpful} helpful${question === null ? ' (no longer in the FAQ)' : ` — ${question}`}`,
  shadowTitle: 'Auto-answers and shadow mode',
  noSettings: 'No channel is set up for auto-answers (/faq-admin auto-answer).',
  setting: (guildId: string, channelId: string, mode: string, threshold: number, helper: string | null) =>
    `- server ${guildId}, channel ${channelId}: ${mode}${mode === 'off' ? '' : ` at ${pct(threshold)}`}${helper === null ? '' : `, helper role ${helper}`}`,
  precision: (graded: number, right: number) =>
    graded === 0 ? 'No would-be answer graded yet (/faq-admin shadow).' : `Of ${graded} graded, ${right} right (${pct(right / graded)}).`,
  suggested: (threshold: number, kept: number) => `To keep precision at 95%: min-confidence ${threshold.toFixed(2)} (keeps ${kept} of the graded).`,
  noSuggestion: 'No threshold keeps 95% of the graded answers right yet.',
  shadowLine: (at: string, channelId: string, confidence: number, entryId: string, question: string, would: boolean, right: boolean | null) =>
    `- ${at.slice(0, 16).replace('T', ' ')} channel ${channelId}: "${question}" → ${entryId} (${pct(confidence)}${would ? '' : ', below threshold'})${right === null ? '' : right ? ' right' : ' WRONG'}`,
} as const;

export const CLI_MESSAGES = {
  nothingRecorded: (path: string) => `Nothing recorded yet (${path} does not exist; the bot creates it on its first start).\n`,
  cannotRead: (problem: string) => `Cannot read what the bot recorded: ${problem}\n`,
  configuration: (error: string) => `configuration: ${error}\n`,
  badLimit: 'usage: --limit N (a whole number from 1 to 100)\n',
} as const;

export const SUGGEST_MESSAGES = {
  header: (groups: number) => `# Suggestions for the ${times(groups, 'most asked unanswered group', 'most asked unanswered groups')}.\n# Paste each where its comment says, edit, then run npm run faq:check.`,
  addTo: (entryId: string, file: string) => `add to entry ${entryId} in ${file}, under its "alternates:"`,
  newEntryIn: (file: string) => `a new entry: paste under "entries:" in ${file} (or another file), then write the answer and credit a source`,
  asked: (count: number, askers: number) => `asked ${times(count, 'time', 'times')} by ${times(askers, 'member', 'members')}`,
  alreadyAnswered: (n: number) => `# ${times(n, 'group is', 'groups are')} answered by the current FAQ already: nothing to add.`,
  nothing: '# Nothing to suggest: no unanswered questions recorded yet.',
} as const;

/** The skeleton's blanks. The loader rejects the unknown source, so it cannot go live unedited. */
export const FILL_IN = {
  answer: 'FILL IN: the answer, in our own words, from the sources below',
  source: 'fill-in-a-source-id',
} as const;

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
  staleTitle: 'Entries past their review date',
  noStale: 'None: every review_by date is still ahead (or none is set).',
  stale: (entryId: string, file: string, reviewBy: string) => `- ${entryId} in ${file}: due for review on ${reviewBy}`,
  proposalsTitle: 'Alternates proposed from use (/faq-admin suggestions to accept or reject)',
  noProposals: 'None yet: no question was resolved to the same entry by enough members.',
  proposal: (rank: number, entryId: string, text: string, members: number) => `${rank}. "${text}" → ${entryId} (${times(members, 'member', 'members')})`,
  proposalExample: (text: string) => `   also: "${text}"`,
  proposalCollision: (entryId: string) => `   ⚠ collides with ${entryId}: that entry asks the same already`,
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
  reportUsage: 'usage: npm run faq:report [-- [--limit N] [--json] [--html FILE]]\n',
  suggestUsage: 'usage: npm run faq:suggest [-- [--limit N]]\n',
  wroteHtml: (file: string) => `wrote ${file}\n`,
} as const;

export const SUGGEST_MESSAGES = {
  header: (groups: number) => `# Suggestions for the ${times(groups, 'most asked unanswered group', 'most asked unanswered groups')}.\n# Paste each where its comment says, edit, then run npm run faq:check.`,
  addTo: (entryId: string, file: string) => `add to entry ${entryId} in ${file}, under its "alternates:"`,
  newEntryIn: (file: string) => `a new entry: paste under "entries:" in ${file} (or another file), then write the answer and credit a source`,
  asked: (count: number, askers: number) => `asked ${times(count, 'time', 'times')} by ${times(askers, 'member', 'members')}`,
  alreadyAnswered: (n: number) => `# ${times(n, 'group is', 'groups are')} answered by the current FAQ already: nothing to add.`,
  nothing: '# Nothing to suggest: no unanswered questions recorded yet.',
  proposed: (entryId: string, file: string, members: number) =>
    `proposed from use: ${times(members, 'member', 'members')} resolved it to this entry; add to entry ${entryId} in ${file}, under its "alternates:"`,
  proposedCollision: (entryId: string) => `it collides with entry ${entryId}, which asks the same already: reword one of the two first`,
} as const;

/** The skeleton's blanks. The loader rejects the unknown source, so it cannot go live unedited. */
export const FILL_IN = {
  answer: 'FILL IN: the answer, in our own words, from the sources below',
  source: 'fill-in-a-source-id',
} as const;

/** npm run faq:check's warnings about a folder that loads: answers due for review, phrasings another entry answers. */
export const CHECK_MESSAGES = {
  stale: (entryId: string, reviewBy: string) => `entry "${entryId}" was due for review on ${reviewBy}; read it again and move review_by on`,
  collision: (c: { entryId: string; file: string; phrasing: { kind: 'question' } | { kind: 'alternate'; index: number }; text: string; answeredBy: string; answeredByFile: string; confidence: number }) =>
    `${c.phrasing.kind === 'question' ? 'the question' : `alternate ${c.phrasing.index + 1}`} of entry "${c.entryId}", "${c.text}", is answered by entry "${c.answeredBy}"${c.answeredByFile === c.file ? '' : ` of ${c.answeredByFile}`} (${pct(c.confidence)}); reword one of them`,
  madeUp: (entryId: string) => `the question of entry "${entryId}" was made up from a name by faq:import; reword it as members ask, then delete its comment`,
  placeholder: (sourceId: string) => `source "${sourceId}" has no real address yet (faq:import found none); put where members can read it`,
  warning: (where: string, message: string) => `${where}: warning: ${message}`,
  error: (where: string, message: string) => `${where}: ${message}`,
  warnings: (n: number) => `${times(n, 'warning', 'warnings')} (npm run faq:check -- --strict makes them errors).`,
  usage: 'usage: npm run faq:check [-- [FOLDER] [--strict]]\n',
} as const;

/** The words of the HTML report (npm run faq:report -- --html FILE). Plain text: the renderer escapes them. */
export const HTML_MESSAGES = {
  title: 'FAQ health',
  generated: (at: string, entries: number, files: number, dir: string) =>
    `Made ${at.slice(0, 16).replace('T', ' ')} UTC from ${times(entries, 'entry', 'entries')} in ${times(files, 'file', 'files')} (${dir}).`,
  notRecording: (problem: string) => `The bot's database could not be read: ${problem}`,
  note: (problem: string) => `Note: ${problem}`,
  summary: {
    groups: 'groups of unanswered questions',
    stale: 'entries due for review',
    collisions: 'phrasings answered by another entry',
    neverServed: 'entries never served',
    votes: 'entries voted on',
  },
  overTimeTitle: 'Unanswered questions over time',
  overTimeCaption: (wordings: number, asks: number) =>
    `${times(wordings, 'distinct wording', 'distinct wordings')} without a good answer, asked ${times(asks, 'time', 'times')} in all. A bar is a day: the asks of the wordings first asked that day (the database keeps a wording's first and last ask, not the day of every ask).`,
  overTimeBar: (day: string, wordings: number, asks: number) => `${day}: ${times(wordings, 'new wording', 'new wordings')}, asked ${times(asks, 'time', 'times')} so far`,
  overTimeEmpty: 'No unanswered questions recorded yet.',
  peak: (n: number) => `tallest: ${times(n, 'ask', 'asks')}`,
  proposalsTitle: 'Alternates proposed from use',
  proposalsCaption: 'Questions different members resolved to the same entry themselves (a suggestion clicked, an answer marked solved). Accept or reject each with /faq-admin suggestions.',
  proposalsEmpty: 'None yet: no question was resolved to the same entry by enough members.',
  proposalMembers: (members: number) => times(members, 'member', 'members'),
  proposalCollision: 'collides with',
  groupsTitle: 'Groups of rewordings, with their closest entries',
  groupsCaption: 'Most asked first, counting each member once. Act on the arrow: add the wording as an alternate to the closest entry, or write a new entry.',
  groupsEmpty: 'No unanswered questions recorded yet.',
  groupMeta: (count: number, askers: number, firstSeen: string, lastSeen: string, lowConfidence: boolean) =>
    `${times(count, 'ask', 'asks')} by ${times(askers, 'member', 'members')}, first ${firstSeen.slice(0, 10)}, last ${lastSeen.slice(0, 10)}${lowConfidence ? ', answered with low confidence' : ''}`,
  nowAnswered: 'now answered by',
  addAlternate: 'Add an alternate to',
  newEntry: 'Write a new entry',
  closest: (confidence: number) => `closest, ${pct(confidence)}`,
  noClosest: 'no entry comes close',
  votesTitle: 'Votes per entry',
  votesCaption: 'Helpful and not helpful, the most voted entries first.',
  votesEmpty: 'No votes recorded yet.',
  votesBar: (helpful: number, notHelpful: number) => `${helpful} helpful, ${notHelpful} not helpful`,
  helpful: 'helpful',
  notHelpful: 'not helpful',
  goneEntry: 'no longer in the FAQ',
  neverServedTitle: 'Entries never served',
  neverServedCaption: 'Since the database was started, no member got these answers: maybe members ask in words the entry lacks, or nobody needs it.',
  neverServedEmpty: 'Every entry has been served at least once.',
  staleTitle: 'Entries past their review date',
  staleEmpty: 'None: every review_by date is still ahead (or none is set).',
  dueOn: (day: string) => `due for review on ${day}`,
  collisionsTitle: 'Phrasings another entry answers',
  collisionsCaption: 'A member asking in these words gets the other entry. Reword one of the two, or move the phrasing where it belongs.',
  collisionsEmpty: 'None: every question and alternate is answered by its own entry.',
  phrasing: (c: { phrasing: { kind: 'question' } | { kind: 'alternate'; index: number } }) =>
    c.phrasing.kind === 'question' ? 'the question of' : `alternate ${c.phrasing.index + 1} of`,
  answeredBy: 'is answered by',
  sure: (confidence: number) => `(${pct(confidence)})`,
} as const;

/** Every text the bot says to a member, in one place. */
export const REPLY_MESSAGES = Object.freeze({
  footer: 'From the FAQ',
  footerConfidence: (percent: number) => `From the FAQ · match ${percent}%`,
  noAnswerTitle: "I don't have an answer to that",
  noAnswer: "I couldn't find that in the FAQ. A moderator will see the question, so it may be answered later.",
  noAnswerWithSuggestions: "I couldn't find that in the FAQ. Did you mean one of these?",
  /** The closest entries are on the topic but do not say what was asked: a number, a date, a name... */
  missingFact: Object.freeze({
    number: 'The FAQ covers this topic but gives no such number.',
    duration: 'The FAQ covers this topic but does not say how long.',
    time: 'The FAQ covers this topic but gives no date or time for that.',
    year: 'The FAQ covers this topic but says nothing about that year.',
    name: 'The FAQ covers this topic but does not give that name.',
  }),
  empty: 'Ask a question in words, for example: who represented the US in the talks?',
  sourcesLabel: 'Sources',
  askedBy: (who: string) => `Answer for ${who}`,
  nothingToLookUp: 'That message has no text to look up.',
  unknownEntry: 'That FAQ entry no longer exists; it may have been renamed or removed.',
  unknownArticle: 'There is no article with that name.',
  genericError: 'Something went wrong while answering. Please try again in a moment.',
  staleButton: 'That button is no longer valid.',
  voteThanks: 'Thanks for the feedback!',
  voteAlready: 'You already voted on this answer; thanks!',
  voteUnavailable: "Thanks! Feedback can't be saved right now, though; please try again later.",
  notModerator: 'Only moderators can use this command.',
  guildOnly: 'This command only works in a server.',
  youAsked: 'You asked',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  related: 'Related:',
  closest: 'Closest questions:',
  listTitle: (topic: string | null) => (topic ? `FAQ: ${topic}` : 'FAQ'),
  listEmpty: 'The FAQ is empty.',
  listNoTopic: (topic: string, known: string) => `No entries under "${topic}". Topics: ${known}`,
  listFooter: (page: number, pages: number, entries: number) => `Page ${page} of ${pages} · ${entries} entries · /faq show for one entry`,
  reloaded: (entries: number, articles: number, files: number) => `${entries} entries, ${articles} articles from ${files} file(s).`,
  reloadedTitle: 'FAQ reloaded',
  reloadFailedTitle: 'FAQ not reloaded: the files have errors',
  reloadFailed: 'Still serving the last good version.',
  statusTitle: 'FAQ bot status',
  reportTitle: 'Unanswered questions and unhelpful answers',
  /** Auto-answers in help channels and forum posts. */
  autoAnswer: Object.freeze({
    footer: (percent: number) => `Automatic answer from the FAQ · match ${percent}% · only the person who asked can use the buttons`,
    solved: 'Solved',
    notIt: 'Not what I asked',
    onlyPoster: 'Only the person who asked can use these buttons.',
    solvedThanks: 'Glad it helped! Marked as solved.',
    solvedNoTag: "Glad it helped! (I couldn't tag the post as solved: I need the Manage Threads permission there.)",
    alreadyMarked: 'You already told me about this answer; thanks!',
    notItThanks: "Thanks for saying so; moderators will see that the FAQ missed this.",
    helperPing: (role: string) => `${role}: the automatic answer above did not help; could someone take a look?`,
    humanWillLook: 'The automatic answer above did not help. A human will take a look.',
    unavailable: "Thanks! That can't be saved right now, though; please try again later.",
  }),
  /** /faq-admin auto-answer, shadow and stats. */
  autoAnswerAdmin: Object.freeze({
    wrongChannelType: 'Auto-answers work in text, forum and media channels only; pick one of those.',
    saved: (channel: string, mode: string, threshold: number, helper: string | null) =>
      `${channel}: ${mode === 'off' ? 'auto-answers off' : mode === 'shadow' ? 'shadow mode: the bot records what it would answer and says nothing' : 'the bot answers new questions'}` +
      (mode === 'off' ? '.' : ` when at least ${Math.round(threshold * 100)}% sure.`) +
      (helper ? ` "Not what I asked" pings ${helper}.` : ''),
    tooMany: 'This server has the most channels set up that the bot keeps; set one of them to off first.',
    notSaved: "The setting could not be saved: the bot's database is not recording right now (see /faq-admin stats).",
    notReading:
      'Note: this bot process does not read messages (AUTO_ANSWER is not set here). A gateway process with AUTO_ANSWER=true must run for this to take effect.',
    settingsTitle: 'Auto-answers',
    noSettings: 'No channel is set up (use /faq-admin auto-answer).',
    settingLine: (channel: string, mode: string, threshold: number, helper: string | null) =>
      `${channel}: **${mode}**${mode === 'off' ? '' : `, at ${Math.round(threshold * 100)}%`}${helper ? `, helpers ${helper}` : ''}`,
    shadowTitle: (where: string | null) => (where ? `Shadow mode in ${where}` : 'Shadow mode'),
    shadowEmpty: 'Nothing recorded yet: shadow mode records the questions the bot would have answered in channels set to shadow.',
    shadowLine: (n: number, percent: number, entry: string, question: string, would: boolean, grade: boolean | null) =>
      `**${n}.** ${percent}% → \`${entry}\`${would ? '' : ' (below threshold)'} ${grade === null ? '' : grade ? '✅' : '❌'}\n“${question}”`,
    precision: (graded: number, right: number) =>
      graded === 0 ? 'No would-be answer graded yet: press Right or Wrong below.' : `Of ${graded} graded, ${right} right (${Math.round((right / graded) * 100)}%).`,
    suggested: (threshold: number, kept: number, target: number) =>
      `To keep precision at ${Math.round(target * 100)}%: min-confidence ${threshold.toFixed(2)} (keeps ${kept} of the graded).`,
    noSuggestion: (target: number) => `No threshold keeps ${Math.round(target * 100)}% of the graded answers right yet.`,
    right: (n: number) => `Right #${n}`,
    wrong: (n: number) => `Wrong #${n}`,
    gradeMissing: 'That record is gone (it may have expired).',
  }),
});

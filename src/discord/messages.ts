/** What the Discord shell writes to operators (log lines and start-up errors), in one place. */
export const DISCORD_MESSAGES = Object.freeze({
  /** Discord closed the gateway with 4014: a privileged intent is asked for but not enabled. */
  disallowedIntents:
    'Discord refused the Message Content intent that AUTO_ANSWER needs: enable it in the Developer Portal (your application → Bot → Privileged Gateway Intents → Message Content Intent), or unset AUTO_ANSWER',
  autoAnswered: 'auto-answered',
  autoAnswerDeclined: 'auto-answer: no answer confident enough',
  autoAnswerCooldown: 'auto-answer: channel cooling down, not answered',
  autoAnswerNotSent: 'auto-answer: could not post the answer (message or post gone, thread locked, missing permission or rate limit)',
  autoAnswerFailed: 'auto-answer failed',
  shadowRecorded: 'auto-answer: shadow record',
  tagNotApplied: 'auto-answer: could not tag the post as solved',
  helperNotPinged: 'auto-answer: could not ask for a human in the channel',
  faqChanged: 'FAQ changed from Discord',
  faqChangeRefused: 'FAQ change from Discord refused',
});

const times = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What /faq-admin import says to the moderator. */
export const CHANNEL_IMPORT_MESSAGES = Object.freeze({
  notText: 'That is not a channel with messages to import; pick a text channel such as #faq.',
  noAccess: 'I cannot read that channel: give me View Channel and Read Message History there, then try again.',
  server: 'Discord server',
  nothing: (channel: string, skipped: number) =>
    `Nothing to import from #${channel}: no message has a question line with an answer under it${skipped > 0 ? ` (${times(skipped, 'message')} looked at)` : ''}.`,
  refused: (reason: string) => `Nothing was imported: ${reason}`,
  done: (channel: string, file: string, added: number, changed: number, removed: number) =>
    `Imported #${channel} into \`${file}\`: ${times(added, 'entry', 'entries')} added, ${changed} changed, ${removed} removed.`,
  skipped: (n: number) => (n === 0 ? null : `Skipped ${times(n, 'message')} without a question and an answer.`),
  review: (n: number) => (n === 0 ? null : `${times(n, 'entry', 'entries')} to review: run npm run faq:check -- --strict.`),
  committed: 'Committed to git.',
  noRepository: 'FAQ_GIT is on, but the FAQ folder is not in a git work tree: not committed.',
});

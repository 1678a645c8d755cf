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

/** What the Discord shell writes to operators (log lines and start-up errors), in one place. */
export const DISCORD_MESSAGES = Object.freeze({
  /** Discord closed the gateway with 4014: a privileged intent is asked for but not enabled. */
  disallowedIntents:
    'Discord refused the Message Content intent that AUTO_ANSWER needs: enable it in the Developer Portal (your application → Bot → Privileged Gateway Intents → Message Content Intent), or unset AUTO_ANSWER',
});

/**
 * Makes text a member typed safe to echo in a message: markdown cannot restyle the reply,
 * mentions cannot ping (allowed_mentions stops pings; this also stops them from rendering
 * as mentions), and a zero-width space keeps "@everyone" from being the real thing.
 */
export function escapeForDiscord(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>')
    .replace(/[\\`*_~|>#\-[\]()]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

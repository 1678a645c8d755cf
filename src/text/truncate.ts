const ELLIPSIS = '…';
const MARKDOWN_LINK = /\[[^\]\n]*\]\([^)\s]*\)|<?https?:\/\/[^\s>)]+>?/g;

/**
 * Cuts text to at most `max` UTF-16 units: on a word boundary when one is near, with an
 * ellipsis, never inside a link (a cut link is a broken link) and never between the two
 * halves of a surrogate pair (a cut emoji is garbage).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    const start = m.index;
    if (start < end && start + m[0].length > end) end = start;
  }
  const space = text.lastIndexOf(' ', end);
  if (space > end * 0.7) end = space;
  end = safeEnd(text, end);
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/** Like truncate, for labels and choice names where a plain cut is fine but must be valid. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, safeEnd(text, max - 1)) + ELLIPSIS;
}

function safeEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

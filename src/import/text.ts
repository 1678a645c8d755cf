/** Small text helpers the readers share. */

/** One line: runs of white space and control characters made single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/** Line breaks made \n, trailing spaces and runs of blank lines gone, trimmed. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A heading or summary reads as a question when it ends with a question mark. */
export function isQuestion(text: string): boolean {
  return /[?？]\s*$/.test(text);
}

/** A name as a question a moderator will reword: "no-content" → "No content". */
export function questionFromName(name: string): string {
  const words = oneLine(name.replace(/[-_]+/g, ' '));
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces made hyphens. */
export function slugAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The line (1-based) that `offset` is on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

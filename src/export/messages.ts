/** Every text of faq:export, in one place. */
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const EXPORT_MESSAGES = Object.freeze({
  usage: 'usage: npm run faq:export -- [--format markdown|html] [--out FILE]\n',
  title: 'Frequently asked questions',
  other: 'Other questions',
  sources: 'Sources:',
  wrote: (file: string, entries: number) => `wrote ${file} (${n(entries, 'entry', 'entries')})\n`,
  writeFailed: (file: string, why: string) => `${file}: cannot be written (${why})\n`,
});

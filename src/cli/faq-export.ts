/**
 * `npm run faq:export -- [--format markdown|html] [--out FILE]`: the FAQ as a page people
 * read, grouped by topic with each answer's sources linked; on stdout unless --out names a file.
 */
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../knowledge/atomic-write.js';
import { loadKnowledge } from '../knowledge/load.js';
import { formatIssue } from '../knowledge/types.js';
import { exportHtml } from '../export/html.js';
import { exportMarkdown } from '../export/markdown.js';
import { EXPORT_MESSAGES as M } from '../export/messages.js';
import { argsOrUsage } from './args.js';
import { faqDirFromConfig } from './load-or-exit.js';
import { mkdir } from 'node:fs/promises';

const { values: args } = argsOrUsage({ options: { format: { type: 'string', default: 'markdown' }, out: { type: 'string' } } }, M.usage);
if ((args.format !== 'markdown' && args.format !== 'html') || args.out === '') {
  process.stderr.write(M.usage);
  process.exit(2);
}
const dir = await faqDirFromConfig();
const loaded = await loadKnowledge(dir);
if (!loaded.ok) {
  for (const issue of loaded.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.exit(1);
}
const page = args.format === 'html' ? exportHtml(loaded.kb) : exportMarkdown(loaded.kb);
if (args.out === undefined) process.stdout.write(page);
else {
  await mkdir(dirname(resolve(args.out)), { recursive: true });
  const written = await writeFileAtomic(args.out, page);
  if (!written.ok) {
    process.stderr.write(M.writeFailed(args.out, written.reason));
    process.exit(1);
  }
  process.stdout.write(M.wrote(args.out, loaded.kb.entries.length));
}

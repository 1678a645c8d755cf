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
import { faqDirFromConfig } from './load-or-exit.js';
import { mkdir } from 'node:fs/promises';

function parseArgs(argv: readonly string[]): { format: 'markdown' | 'html'; out?: string } | undefined {
  let format: 'markdown' | 'html' = 'markdown';
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s, 2) : [argv[i]!, undefined];
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i++;
    if (flag === '--format' && (value === 'markdown' || value === 'html')) format = value;
    else if (flag === '--out' && value !== undefined && value !== '') out = value;
    else return undefined;
  }
  return { format, ...(out === undefined ? {} : { out }) };
}

const args = parseArgs(process.argv.slice(2));
if (args === undefined) {
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

/**
 * `npm run faq:import -- SOURCE... [--out FILE] [--publisher NAME] [--url URL] [--update] [--dry-run]`:
 * turns a community's FAQ (tag files, Markdown, HTML pages, spreadsheets) into a knowledge
 * file faq:check accepts, and prints what it wrote, what it skipped and what to review.
 * Any bad source is one line and exit 1, with nothing written.
 */
import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../knowledge/atomic-write.js';
import { readKnowledge, type CheckedFile } from '../knowledge/load.js';
import { KNOWLEDGE_MESSAGES } from '../knowledge/messages.js';
import { formatIssue } from '../knowledge/types.js';
import { applyPlan, fileData, newFileText, type Outcome } from '../import/apply.js';
import { IMPORT_MESSAGES as M } from '../import/messages.js';
import { existingFor, planImport, type ImportOptions, type Plan } from '../import/plan.js';
import { readSource } from '../import/read-source.js';
import { reviewLines } from '../import/review.js';
import { argsOrUsage } from './args.js';
import { faqDirFromConfig } from './load-or-exit.js';

function fail(text: string, code = 1): never {
  process.stderr.write(text);
  process.exit(code);
}

const { values, positionals: sources } = argsOrUsage(
  {
    allowPositionals: true,
    options: { out: { type: 'string' }, publisher: { type: 'string' }, url: { type: 'string' }, update: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
  },
  M.usage,
);
if (sources.length === 0 || [values.out, values.publisher, values.url].includes('')) fail(M.usage, 2);
const url = values.url;
if (url !== undefined && sources.length > 1) fail(M.urlWithMany, 2);
if (url !== undefined && !/^https:\/\/[^\s/$.?#][^\s]*$/.test(url)) fail(M.badUrlFlag(url), 2);
const publisher = values.publisher;
const options: ImportOptions = { ...(url === undefined ? {} : { url }), ...(publisher === undefined ? {} : { publisher }) };
const update = values.update;
const dryRun = values['dry-run'];
const out = values.out ?? join(await faqDirFromConfig(), 'imported.yaml');
if (!/^[A-Za-z0-9][A-Za-z0-9_-]*\.ya?ml$/.test(basename(out))) fail(M.failed(`${out}: the file must be named like imported.yaml`));
const dir = dirname(out);
const name = basename(out);

const before = await existingText(out);
if (before !== undefined && !update) fail(M.exists(out));
const others = await otherFiles(dir, name);

const reads = [];
for (const source of sources) {
  const result = await readSource(source);
  if (!result.ok) fail(M.failed(result.problem));
  if (result.read.entries.length === 0) fail(M.failed(M.nothingFound(source)));
  reads.push({ label: source, read: result.read });
}

let text = before;
const outcomes: Outcome[] = [];
const plans: Plan[] = [];
for (const { label, read } of reads) {
  const data = text === undefined ? {} : fileData(text);
  const plan = planImport(read, label, options, existingFor(read, label, options, others, data));
  plans.push(plan);
  if (text === undefined) {
    text = newFileText(M.fileNote(sources.map((s) => basename(s.replace(/\/+$/, ''))).join(', ')), plan);
    outcomes.push({ added: plan.entries.map((e) => e.id), changed: [], removed: [], unchanged: [] });
    continue;
  }
  const applied = applyPlan(text, plan, data);
  if (!applied.ok) fail(M.layout(out));
  text = applied.text;
  outcomes.push(applied.outcome);
}
if (text === undefined) fail(M.usage, 2);

const problems = await check(dir, name, text);
if (problems !== undefined) fail(M.wouldBreak(out, problems));
if (!dryRun) {
  await mkdir(dir, { recursive: true });
  const written = await writeFileAtomic(out, text);
  if (!written.ok) fail(M.failed(`${out}: ${written.reason}`));
}

const lines = [M.wrote(out, dryRun)];
const total = (k: keyof Outcome) => outcomes.reduce((n, o) => n + o[k].length, 0);
lines.push(M.counts(total('added'), total('changed'), total('removed'), total('unchanged')));
for (const o of outcomes) {
  if (update) for (const id of o.added) lines.push(M.entryLine('added', id));
  for (const id of o.changed) lines.push(M.entryLine('changed', id));
  for (const id of o.removed) lines.push(M.entryLine('removed', id));
}
const skipped = plans.flatMap((p) => p.skipped);
if (skipped.length > 0) lines.push(M.skippedTitle(skipped.length), ...skipped.map((s) => M.skipped(s.place, s.why)));
const review = reviewLines(text, plans, out);
if (review.length > 0) lines.push(M.reviewTitle(review.length), ...review);
process.stdout.write(`${lines.join('\n')}\n`);

async function existingText(path: string): Promise<string | undefined> {
  try {
    await access(path);
  } catch {
    return undefined;
  }
  return readFile(path, 'utf8');
}

/** The folder's other knowledge files, checked; a broken folder stops the import. */
async function otherFiles(folder: string, own: string): Promise<readonly CheckedFile[]> {
  try {
    await access(folder);
  } catch {
    return [];
  }
  const read = await readKnowledge(folder);
  if (read.ok) return read.files.filter((f) => f.name !== own);
  if (read.issues.length === 1 && read.issues[0]!.message === KNOWLEDGE_MESSAGES.noFiles) return [];
  return fail(M.wouldBreak(out, read.issues.map(formatIssue).join('\n')));
}

/** The loader's verdict on the folder with `text` as `file`; a folder not made yet is checked as an empty one. */
async function check(folder: string, file: string, content: string): Promise<string | undefined> {
  let where = folder;
  let scratch: string | undefined;
  try {
    await access(folder);
  } catch {
    scratch = await mkdtemp(join(tmpdir(), 'faq-import-'));
    where = scratch;
  }
  try {
    const result = await readKnowledge(where, undefined, { name: file, text: content });
    return result.ok ? undefined : result.issues.map(formatIssue).join('\n');
  } finally {
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  }
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkWritable, writeFileAtomic } from './atomic-write.js';
import { withFolderLock, type LockTiming, FOLDER_LOCK } from './folder-lock.js';
import { commitFile } from './git-commit.js';
import { KNOWLEDGE_LIMITS as L } from './limits.js';
import { questionKey, readKnowledge, type CheckedFile } from './load.js';
import { EDIT_MESSAGES as M } from './messages.js';
import { formatIssue, type KnowledgeIssue } from './types.js';
import { appendAlternate, appendEntry, newKnowledgeFile, type Edited, type NewSource } from './yaml-edit.js';

/**
 * The FAQ editor: adds an alternate to an entry, or a new entry, to the files in a FAQ
 * folder, the way a careful person would. Every change is made under the folder's lock,
 * checked with the loader against the whole folder, written to a temporary file and
 * renamed over the old one, and optionally committed to git. A change that cannot be made
 * safely is refused with a reason and nothing is written.
 */

export interface EditOptions {
  /** Commit the changed file when the folder is in a git work tree (the bot's FAQ_GIT). */
  readonly git?: boolean;
  readonly lock?: LockTiming;
}

export type EditResult =
  | {
      readonly ok: true;
      /** The file changed, by its name in the folder. */
      readonly file: string;
      readonly entryId: string;
      /** The source a new entry credits: an existing one with its url, or one defined for it. */
      readonly sourceId?: string;
      readonly git: 'off' | 'committed' | 'no-repository' | { readonly failed: string };
    }
  | { readonly ok: false; readonly reason: string };

export interface DraftEntry {
  readonly question: string;
  readonly answer: string;
  readonly sourceUrl: string;
  readonly publisher: string;
  readonly title: string;
}

/** Where drafted entries go unless told otherwise. */
export const DRAFTS_FILE = 'drafts.yaml';
/** The tag drafted entries carry, so moderators find them with /faq list. */
const DRAFT_TAG = 'draft';
/** A knowledge file in the folder itself: no path, not hidden, *.yaml or *.yml. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.ya?ml$/;
/** Issues listed in a refusal; a Discord reply has room for a few. */
const ISSUES_SHOWN = 5;

type Refused = Extract<EditResult, { ok: false }>;
const refuse = (reason: string): Refused => ({ ok: false, reason });

/** Adds `wording` to the alternates of entry `entryId`, in whichever file holds it. */
export async function addAlternate(faqDir: string, entryId: string, wording: string, options: EditOptions = {}): Promise<EditResult> {
  const alternate = oneLine(wording);
  const bad = checkText('wording', alternate, L.alternateLength);
  if (bad !== undefined) return refuse(bad);
  return locked(faqDir, options, async (files) => {
    const home = files.find((f) => f.data.entries.some((e) => e.id === entryId));
    if (home === undefined) return refuse(M.unknownEntry(entryId));
    const clash = whoAsks(files, alternate);
    if (clash !== undefined) return refuse(clash === entryId ? M.alreadyAlternate(entryId) : M.askedByOther(clash));
    const text = await readText(join(faqDir, home.name));
    const edited = appendAlternate(text, entryId, alternate);
    return save(faqDir, home.name, edited, entryId, M.alternateAdded(entryId), undefined, options);
  });
}

/**
 * Adds a new entry to `file` (drafts.yaml unless named; created when missing) with an id
 * made from its question, crediting the source with `sourceUrl`: an existing source with
 * that url when there is one, else a new one defined in the same file.
 */
export async function addEntry(
  faqDir: string,
  file: string | undefined,
  draft: DraftEntry,
  options: EditOptions = {},
): Promise<EditResult> {
  const name = file ?? DRAFTS_FILE;
  if (!FILE_NAME.test(name)) return refuse(M.badFileName(name));
  const question = oneLine(draft.question);
  const answer = paragraphs(draft.answer);
  const url = oneLine(draft.sourceUrl);
  const publisher = oneLine(draft.publisher);
  const title = oneLine(draft.title);
  const bad =
    checkText('question', question, L.questionLength) ??
    checkText('answer', answer, L.answerLength) ??
    checkText('source url', url, L.urlLength) ??
    checkText('publisher', publisher, L.publisherLength) ??
    checkText('title', title, L.titleLength);
  if (bad !== undefined) return refuse(bad);

  return locked(faqDir, options, async (files) => {
    const clash = whoAsks(files, question);
    if (clash !== undefined) return refuse(M.askedByOther(clash));
    const entryIds = new Set(files.flatMap((f) => f.data.entries.map((e) => e.id)));
    const sourceIds = new Set(files.flatMap((f) => Object.keys(f.data.sources)));
    const known = files.flatMap((f) => Object.entries(f.data.sources)).find(([, s]) => s.url === url)?.[0];
    const source: NewSource | undefined =
      known === undefined ? { id: freshId(`${publisher} ${title}`, sourceIds, 'source'), publisher, title, url } : undefined;
    const sourceId = known ?? source!.id;
    const entry = { id: freshId(question, entryIds, 'entry'), question, answer, sources: [sourceId], tags: [DRAFT_TAG] };

    const existing = await readIfThere(join(faqDir, name));
    const edited: Edited =
      existing === undefined ? { ok: true, text: newKnowledgeFile(M.draftsHeader, entry, source) } : appendEntry(existing, entry, source);
    return save(faqDir, name, edited, entry.id, M.entryAdded(entry.id, name), sourceId, options);
  });
}

/**
 * Takes the folder's lock, reads and checks the whole folder, and runs `edit` on what it
 * holds. A folder that cannot be written, or that is already broken, is refused first.
 */
async function locked<T extends { readonly ok: boolean }>(
  dir: string,
  options: EditOptions,
  edit: (files: readonly CheckedFile[]) => Promise<T | Refused>,
): Promise<T | Refused> {
  const writable = await checkWritable(dir, join(dir, FOLDER_LOCK.name));
  if (!writable.ok) return refuse(writable.reason);
  let outcome;
  try {
    outcome = await withFolderLock(
      dir,
      async () => {
        const before = await readKnowledge(dir);
        if (!before.ok) return refuse(M.alreadyBroken(listIssues(before.issues)));
        return edit(before.files);
      },
      options.lock,
    );
  } catch (error) {
    // The lock file itself could not be made: the folder refused a write.
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return refuse(['EACCES', 'EPERM', 'EROFS'].includes(code) ? M.readOnly(`the FAQ folder ${dir}`, code) : M.writeFailed(code));
  }
  if (!outcome.ok) return refuse(M.busy(Math.round((options.lock?.waitMs ?? FOLDER_LOCK.waitMs) / 1000)));
  return outcome.value;
}

/** Checks the folder as it would be with `edited` in place of `name`, then writes and commits. */
async function save(
  dir: string,
  name: string,
  edited: Edited,
  entryId: string,
  what: string,
  sourceId: string | undefined,
  options: EditOptions,
): Promise<EditResult> {
  if (!edited.ok) return refuse(edited.why === 'no-entry' ? M.unknownEntry(entryId) : M.unusualLayout(name));
  const saved = await saveText(dir, name, edited.text, what, options);
  if (!saved.ok) return saved;
  return { ok: true, file: name, entryId, ...(sourceId === undefined ? {} : { sourceId }), git: saved.git };
}

type Git = Extract<EditResult, { ok: true }>['git'];

async function saveText(dir: string, name: string, text: string, what: string, options: EditOptions): Promise<{ ok: true; git: Git } | Refused> {
  const path = join(dir, name);
  const writable = await checkWritable(dir, path);
  if (!writable.ok) return refuse(writable.reason);
  const after = await readKnowledge(dir, undefined, { name, text });
  if (!after.ok) return refuse(M.wouldBreak(listIssues(after.issues)));
  const written = await writeFileAtomic(path, text);
  if (!written.ok) return refuse(written.reason);

  let git: Git = 'off';
  if (options.git === true) {
    const commit = await commitFile(path, M.commitMessage(what));
    git = commit.status === 'failed' ? { failed: M.gitFailed(commit.why) } : commit.status;
  }
  return { ok: true, git };
}

export type RewriteResult = { readonly ok: true; readonly file: string; readonly git: Git } | Refused;

/**
 * File `name` (created when missing) made what `make` returns from its current text and the
 * folder's other files: for changes of many entries at once (an import), under the same
 * lock, whole-folder check, atomic write and commit as the edits above.
 */
export async function rewriteFile(
  faqDir: string,
  name: string,
  make: (current: string | undefined, files: readonly CheckedFile[]) => Edited,
  what: string,
  options: EditOptions = {},
): Promise<RewriteResult> {
  if (!FILE_NAME.test(name)) return refuse(M.badFileName(name));
  return locked(faqDir, options, async (files) => {
    const edited = make(await readIfThere(join(faqDir, name)), files);
    if (!edited.ok) return refuse(M.unusualLayout(name));
    const saved = await saveText(faqDir, name, edited.text, what, options);
    return saved.ok ? { ok: true as const, file: name, git: saved.git } : saved;
  });
}

/** The entry whose question or an alternate is already `wording` (same letters and digits). */
function whoAsks(files: readonly CheckedFile[], wording: string): string | undefined {
  const key = questionKey(wording);
  for (const f of files) {
    for (const e of f.data.entries) {
      if (questionKey(e.question) === key || e.alternates.some((a) => questionKey(a) === key)) return e.id;
    }
  }
  return undefined;
}

/** An id from `text`: its first words, lower case, joined by hyphens; numbered when taken. */
function freshId(text: string, taken: ReadonlySet<string>, fallback: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !['a', 'an', 'the'].includes(w));
  let base = '';
  for (const word of words) {
    if (base.length + word.length + 1 > 40) break;
    base = base === '' ? word : `${base}-${word}`;
  }
  if (base === '') base = fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function checkText(what: string, text: string, max: number): string | undefined {
  if (text === '') return M.empty(what);
  if (text.length > max) return M.tooLong(what, text.length, max);
  return undefined;
}

/** One line of text: control characters and runs of spaces (a modal allows newlines) made single spaces. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/** Paragraphs kept, each line's stray spaces and control characters gone, at most one blank line in a row. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\p{Cc}\s]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function listIssues(issues: readonly KnowledgeIssue[]): string {
  const shown = issues.slice(0, ISSUES_SHOWN).map(formatIssue);
  if (issues.length > ISSUES_SHOWN) shown.push(M.moreIssues(issues.length - ISSUES_SHOWN));
  return shown.join('\n');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function readText(path: string): Promise<string> {
  return utf8.decode(await readFile(path));
}

/** The file's text, or undefined when there is no such file yet. */
async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

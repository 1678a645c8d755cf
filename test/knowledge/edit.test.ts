import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAlternate, addEntry, type EditResult } from '../../src/knowledge/edit.js';
import { FOLDER_LOCK } from '../../src/knowledge/folder-lock.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const SHIPPED = 'iran-us-pakistan.yaml';
const CHILD = resolve('test/knowledge/edit-child.ts');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** As root the read-only case runs the editor as nobody, who must be able to read the code to run it. */
const nobodyCanRunIt = (() => {
  if (!isRoot) return true;
  try {
    execFileSync(process.execPath, ['-e', 'for (const p of process.argv.slice(1)) require("fs").accessSync(p, require("fs").constants.R_OK)', CHILD, resolve('node_modules/tsx/package.json')], {
      uid: NOBODY,
      gid: NOBODY,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
})();

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped faq/ folder (knowledge file and schema), readable by any user. */
function copyOfFaq(): string {
  const root = mkdtempSync(join(tmpdir(), 'faq-edit-'));
  folders.push(root);
  chmodSync(root, 0o755);
  const dir = join(root, 'faq');
  cpSync('faq', dir, { recursive: true });
  return dir;
}

function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'faq-edit-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

const read = (dir: string, name = SHIPPED) => readFileSync(join(dir, name), 'utf8');

/** The lines `after` adds to `before`, when it only adds lines; null when it changes or drops one. */
function addedLines(before: string, after: string): string[] | null {
  const a = before.split('\n');
  const b = after.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else added.push(line);
  }
  return i === a.length ? added : null;
}

/** Anything the editor leaves in the folder besides the knowledge files: temporary files, locks. */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

async function entry(dir: string, id: string) {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
  return loaded.kb.entryById.get(id);
}

function refused(result: EditResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result.reason;
}

describe('addAlternate on a copy of the shipped FAQ', () => {
  it('given a new wording, then the file gains exactly that one line and the FAQ still loads with it', async () => {
    const dir = copyOfFaq();
    const before = read(dir);
    const result = await addAlternate(dir, 'khamenei-warning', 'did khamenei threaten the whole region');
    expect(result).toEqual({ ok: true, file: SHIPPED, entryId: 'khamenei-warning', git: 'off' });
    expect(addedLines(before, read(dir))).toEqual(['      - did khamenei threaten the whole region']);
    expect(read(dir).split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
    expect((await entry(dir, 'khamenei-warning'))?.alternates.at(-1)).toBe('did khamenei threaten the whole region');
    expect(leftovers(dir)).toEqual([]);
  });

  it('given wording YAML would misread (a colon, a leading dash, a hash), then it is quoted and reads back as typed', async () => {
    const dir = copyOfFaq();
    const before = read(dir);
    const wording = '- what: did #khamenei say [about] war?';
    expect((await addAlternate(dir, 'khamenei-warning', wording)).ok).toBe(true);
    expect(addedLines(before, read(dir))).toHaveLength(1);
    expect((await entry(dir, 'khamenei-warning'))?.alternates.at(-1)).toBe(wording);
  });

  it('given wording with newlines and runs of spaces (a modal allows them), then one clean line is added', async () => {
    const dir = copyOfFaq();
    expect((await addAlternate(dir, 'us-envoy', '  who went\n for the   americans \t')).ok).toBe(true);
    expect((await entry(dir, 'us-envoy'))?.alternates.at(-1)).toBe('who went for the americans');
  });

  it('given a change the FAQ cannot take, then it is refused with the reason and the file is untouched', async () => {
    const dir = copyOfFaq();
    const before = read(dir);
    expect(refused(await addAlternate(dir, 'no-such-entry', 'anything at all'))).toMatch(/no entry "no-such-entry"/);
    expect(refused(await addAlternate(dir, 'us-envoy', '   '))).toMatch(/empty/);
    expect(refused(await addAlternate(dir, 'us-envoy', 'why '.repeat(60)))).toMatch(/over the limit of 200/);
    expect(refused(await addAlternate(dir, 'us-envoy', 'Who was the American envoy?'))).toMatch(/"us-envoy" already has this wording/);
    expect(refused(await addAlternate(dir, 'us-envoy', 'what does save face mean'))).toMatch(/already asks entry "saving-face"/);
    expect(read(dir)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('given an entry with no alternates yet, then the list is made right after its question', async () => {
    const dir = copyOfFaq();
    const text = 'sources:\n  s:\n    publisher: P\n    title: T\n    url: https://example.com/x\nentries:\n  - id: lone\n    # the question as asked\n    question: A lone question?\n    answer: >-\n      Its answer.\n    sources: [s]\n';
    writeFileSync(join(dir, 'extra.yaml'), text);
    expect((await addAlternate(dir, 'lone', 'only one way to ask')).ok).toBe(true);
    expect(addedLines(text, read(dir, 'extra.yaml'))).toEqual(['    alternates:', '      - only one way to ask']);
    expect((await entry(dir, 'lone'))?.alternates).toEqual(['only one way to ask']);
  });

  it('given alternates written as a flow list, then the wording joins that list, quoted where a comma needs it', async () => {
    const dir = copyOfFaq();
    writeFileSync(
      join(dir, 'extra.yaml'),
      'entries:\n  - id: flow\n    question: A flow question?\n    alternates: [one, two]\n    answer: Yes.\n    sources: [ndtv-istanbul-invitation]\n',
    );
    expect((await addAlternate(dir, 'flow', 'three, four')).ok).toBe(true);
    expect(read(dir, 'extra.yaml')).toContain('    alternates: [one, two, "three, four"]\n');
  });
});

describe('addEntry', () => {
  const draft = {
    question: 'Where can I read the full Istanbul report?',
    answer: 'Pakistan Today has it.\n\n\nIt is dated 3 February 2026.',
    sourceUrl: 'https://example.org/istanbul-report',
    publisher: 'Example News',
    title: 'The Istanbul report: all of it',
  };

  it('given no drafts.yaml, then it is created with the schema line, a fresh id and a source for the url', async () => {
    const dir = copyOfFaq();
    const before = read(dir);
    const result = await addEntry(dir, undefined, draft);
    expect(result).toEqual({
      ok: true,
      file: 'drafts.yaml',
      entryId: 'where-can-i-read-full-istanbul-report',
      sourceId: 'example-news-istanbul-report-all-of-it',
      git: 'off',
    });
    const drafts = read(dir, 'drafts.yaml');
    expect(drafts.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
    expect(read(dir)).toBe(before);
    const added = await entry(dir, 'where-can-i-read-full-istanbul-report');
    expect(added?.question).toBe(draft.question);
    // Paragraphs kept, the extra blank line gone.
    expect(added?.answer).toBe('Pakistan Today has it.\n\nIt is dated 3 February 2026.');
    expect(added?.sources.map((s) => [s.publisher, s.title, s.url])).toEqual([[draft.publisher, draft.title, draft.sourceUrl]]);
    expect(added?.tags).toEqual(['draft']);
  });

  it('given a second draft with the same url and a question that makes the same id, then the source is reused and the id numbered', async () => {
    const dir = copyOfFaq();
    expect((await addEntry(dir, undefined, draft)).ok).toBe(true);
    const before = read(dir, 'drafts.yaml');
    const second = await addEntry(dir, undefined, { ...draft, question: 'Where can I read the full Istanbul report, please?', title: 'Another title' });
    expect(second).toMatchObject({ ok: true, entryId: 'where-can-i-read-full-istanbul-report-2', sourceId: 'example-news-istanbul-report-all-of-it' });
    const added = addedLines(before, read(dir, 'drafts.yaml'));
    expect(added).not.toBeNull();
    expect(added!.filter((l) => l.includes('url:'))).toEqual([]);
    // After a blank line, as the entries already there are spaced.
    expect(read(dir, 'drafts.yaml')).toContain('tags: [draft]\n\n  - id: where-can-i-read-full-istanbul-report-2\n');
  });

  it('given the url of a source the FAQ has, then that source is credited and none is defined', async () => {
    const dir = copyOfFaq();
    const result = await addEntry(dir, 'drafts.yaml', { ...draft, sourceUrl: 'https://time.news/pakistan-mediates-new-round-of-us-iran-talks/' });
    expect(result).toMatchObject({ ok: true, sourceId: 'timenews-shuttle-diplomacy' });
    expect(read(dir, 'drafts.yaml')).not.toContain('sources:\n');
    expect((await entry(dir, (result as { entryId: string }).entryId))?.sources[0]?.publisher).toBe('time.news');
  });

  it('given an existing file, then the entry and its source are added there and nothing already in it changes', async () => {
    const dir = copyOfFaq();
    const before = read(dir);
    expect((await addEntry(dir, SHIPPED, draft)).ok).toBe(true);
    const added = addedLines(before, read(dir));
    expect(added).not.toBeNull();
    expect(added).toContain('  example-news-istanbul-report-all-of-it:');
    expect(added).toContain('  - id: where-can-i-read-full-istanbul-report');
  });

  it('given a draft the loader would reject, then the reason names the problem and no file is made', async () => {
    const dir = copyOfFaq();
    expect(refused(await addEntry(dir, undefined, { ...draft, sourceUrl: 'http://example.org/plain' }))).toMatch(
      /would leave the FAQ invalid[\s\S]*drafts\.yaml:\d+:\d+: .*https/,
    );
    expect(refused(await addEntry(dir, undefined, { ...draft, question: 'What came of the Iran-US talks in Islamabad?' }))).toMatch(
      /already asks entry "talks-outcome"/,
    );
    expect(refused(await addEntry(dir, undefined, { ...draft, answer: '' }))).toMatch(/answer is empty/);
    expect(refused(await addEntry(dir, '../outside.yaml', draft))).toMatch(/not a knowledge file name/);
    expect(existsSync(join(dir, 'drafts.yaml'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('given a folder that is already broken, then nothing is added and the moderator is told what to fix', async () => {
    const dir = copyOfFaq();
    writeFileSync(join(dir, 'broken.yaml'), 'entries:\n  - id: Bad Id\n');
    expect(refused(await addEntry(dir, undefined, draft))).toMatch(/errors already[\s\S]*broken\.yaml:2:/);
    expect(existsSync(join(dir, 'drafts.yaml'))).toBe(false);
  });
});

describe('writing safely', () => {
  it('given several adds at the same moment in one process, then every one lands', async () => {
    const dir = copyOfFaq();
    const wordings = Array.from({ length: 8 }, (_, i) => `same moment wording ${i}`);
    const results = await Promise.all(wordings.map((w) => addAlternate(dir, 'june-war', w)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await entry(dir, 'june-war'))?.alternates).toEqual(expect.arrayContaining(wordings));
  });

  it('given two processes adding to the same folder at the same moment, then no update is lost', async () => {
    const dir = copyOfFaq();
    const startAt = String(Date.now() + 2_500);
    const run = (prefix: string) =>
      new Promise<string>((done, fail) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, 'june-war', '10', prefix, startAt], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', fail);
        child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`child exited ${code}`))));
      });
    const outputs = await Promise.all([run('first process'), run('second process')]);
    const results = outputs.flatMap((o) => o.trim().split('\n').map((l) => JSON.parse(l) as EditResult));
    expect(results).toHaveLength(20);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const alternates = (await entry(dir, 'june-war'))!.alternates;
    for (const prefix of ['first process', 'second process']) {
      for (let i = 0; i < 10; i++) expect(alternates).toContain(`${prefix} wording number ${i}`);
    }
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);

  it('given a lock left by a process that is gone, then it is broken and the add goes ahead', async () => {
    const dir = copyOfFaq();
    writeFileSync(join(dir, FOLDER_LOCK.name), JSON.stringify({ token: 'dead', host: hostname(), pid: 2 ** 22 + 1 }));
    expect((await addAlternate(dir, 'june-war', 'after a crash')).ok).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('given a lock held by a live editor, then the add waits and is refused as busy, and once the lock is old it is broken', async () => {
    const dir = copyOfFaq();
    const lock = join(dir, FOLDER_LOCK.name);
    writeFileSync(lock, JSON.stringify({ token: 'other', host: 'another-replica', pid: 1 }));
    expect(refused(await addAlternate(dir, 'june-war', 'while busy', { lock: { waitMs: 300 } }))).toMatch(/in progress/);
    expect(read(dir)).not.toContain('while busy');
    const old = (Date.now() - FOLDER_LOCK.staleMs - 5_000) / 1000;
    utimesSync(lock, old, old);
    expect((await addAlternate(dir, 'june-war', 'after it went stale')).ok).toBe(true);
  });

  it('given a path that is a file, not a folder, then the add is refused and nothing is made', async () => {
    const root = folderWith({ 'not-a-folder': 'just a file\n' });
    const path = join(root, 'not-a-folder');
    expect(refused(await addAlternate(path, 'june-war', 'anything'))).toMatch(/does not exist or is not a folder/);
    expect(refused(await addEntry(join(root, 'missing'), undefined, { question: 'q?', answer: 'a', sourceUrl: 'https://x.org', publisher: 'p', title: 't' }))).toMatch(
      /not a folder/,
    );
    expect(readFileSync(path, 'utf8')).toBe('just a file\n');
  });

  it('given a drafts.yaml that is a folder, then the write fails cleanly with nothing left behind', async () => {
    const dir = copyOfFaq();
    mkdirSync(join(dir, 'drafts.yaml'));
    const reason = refused(await addEntry(dir, undefined, { question: 'A new one?', answer: 'Yes.', sourceUrl: 'https://x.org/a', publisher: 'P', title: 'T' }));
    expect(reason).toMatch(/could not be written \(EISDIR\)/);
    expect(leftovers(dir)).toEqual([]);
  });

  it('given a file with its own mode (and owner, when run as root), then the rewritten file keeps them', async () => {
    const dir = copyOfFaq();
    const file = join(dir, SHIPPED);
    chmodSync(file, 0o640);
    if (isRoot) chownSync(file, NOBODY, NOBODY);
    expect((await addAlternate(dir, 'june-war', 'keeps its mode')).ok).toBe(true);
    const info = statSync(file);
    expect(info.mode & 0o777).toBe(0o640);
    if (isRoot) expect([info.uid, info.gid]).toEqual([NOBODY, NOBODY]);
  });

  // Root writes through any permission bits, so as root the editor is run as "nobody" to meet
  // them; as another user the bits stop that user. Read-only mounts (EROFS) take the same
  // refusal path in writeFileAtomic but are not exercised here.
  it.skipIf(!nobodyCanRunIt)('given a folder or file its user may not write, then a clear refusal and the file as it was', () => {
    const dir = copyOfFaq();
    const file = join(dir, SHIPPED);
    const before = read(dir);
    const attempt = () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, dir, 'june-war', '1', 'read only'], {
        encoding: 'utf8',
        ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      return JSON.parse(out.trim()) as EditResult;
    };
    chmodSync(dir, 0o555);
    try {
      expect(refused(attempt())).toMatch(/the FAQ folder .* cannot be written \(EACCES\)/);
      chmodSync(dir, 0o777);
      chmodSync(file, 0o444);
      expect(refused(attempt())).toMatch(new RegExp(`${SHIPPED} cannot be written \\(EACCES\\)`));
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(file, 0o644);
    }
    expect(read(dir)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  }, 30_000);
});

describe('committing to git', () => {
  const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

  it('given git on and the folder in a repository, then the change is committed alone, naming the entry and "added from Discord"', async () => {
    const dir = copyOfFaq();
    git(dir, 'init', '--quiet');
    git(dir, 'config', 'user.name', 'FAQ bot');
    git(dir, 'config', 'user.email', 'faq-bot@example.invalid');
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'the FAQ');
    // Something a moderator has staged must not ride along.
    writeFileSync(join(dir, 'notes.txt'), 'staged, not for this commit\n');
    git(dir, 'add', 'notes.txt');

    expect(await addAlternate(dir, 'june-war', 'what was the june war about', { git: true })).toMatchObject({ ok: true, git: 'committed' });
    expect(git(dir, 'log', '-1', '--format=%B')).toBe('FAQ: alternate added to "june-war" (added from Discord)');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe(SHIPPED);
    expect(git(dir, 'status', '--porcelain')).toBe('A  notes.txt');

    const drafted = await addEntry(dir, undefined, { question: 'A drafted one?', answer: 'Yes.', sourceUrl: 'https://x.org/a', publisher: 'P', title: 'T' }, { git: true });
    expect(drafted).toMatchObject({ ok: true, git: 'committed' });
    expect(git(dir, 'log', '-1', '--format=%B')).toBe('FAQ: new entry "drafted-one" in drafts.yaml (added from Discord)');
  });

  it('given git on and a folder outside any repository, then the change is written and says it was not committed', async () => {
    const dir = copyOfFaq();
    expect(await addAlternate(dir, 'june-war', 'no repo here', { git: true })).toMatchObject({ ok: true, git: 'no-repository' });
    expect(read(dir)).toContain('      - no repo here\n');
  });
});

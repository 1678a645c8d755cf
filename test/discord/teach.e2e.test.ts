import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../fake-discord/index.js';
import { startHarness, str, sub, type Harness } from './harness.js';

/**
 * Teaching the bot from Discord, end to end: the real bot and discord.js client against the
 * fake Discord, on a copy of the shipped FAQ folder in a git repository (FAQ_GIT=true).
 */
const SHIPPED = 'iran-us-pakistan.yaml';
const MODERATOR = { permissions: String(1n << 5n), userId: '300000000000000201' };
const MEMBER = { userId: '300000000000000202' };
const run = promisify(execFile);
type Obj = Record<string, any>;

let root: string;
let faqDir: string;
let h: Harness;
const git = (...args: string[]) => execFileSync('git', ['-C', faqDir, ...args], { encoding: 'utf8' }).trim();
/** The database lives beside the FAQ copy, so that a restarted bot finds what the first one recorded. */
const botEnv = () => ({ FAQ_GIT: 'true', AUTO_ANSWER: 'true', DATABASE_PATH: join(root, 'bot.sqlite') });
const shipped = () => readFile(join(faqDir, SHIPPED), 'utf8');

/** Members ask; the bot has no good answer, so each question is recorded for moderators. */
async function recordUnanswered(question: string, userId: string): Promise<void> {
  const reply = JSON.stringify(await h.fake.slash('ask', [str('question', question)], { userId }).response());
  expect(reply).toMatch(/I don't have an answer|couldn't find/);
}

/** /faq-admin unanswered, and the teaching message of the group headed by `wording`. */
async function teachView(wording: string): Promise<Obj> {
  const handle = h.fake.slash('faq-admin', [sub('unanswered')], MODERATOR);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const view = handle.responses().find((c) => c.method === 'POST' && JSON.stringify((c.body as Obj)?.embeds?.[0]?.title ?? '').includes(wording));
    if (view) return view.body as Obj;
    if (Date.now() > deadline) throw new Error(`no teaching view for "${wording}": ${JSON.stringify(handle.responses().map((c) => c.body))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const buttons = (view: Obj): Obj[] => view.components.flatMap((row: Obj) => row.components).filter((c: Obj) => c.type === 2);
const button = (view: Obj, label: string): Obj => {
  const found = buttons(view).find((b) => b.label === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(view.components)}`);
  return found;
};
const menu = (view: Obj): Obj | undefined => view.components.flatMap((row: Obj) => row.components).find((c: Obj) => c.type === 3);

/** The text the moderator finally sees: the edit of a deferred reply, or the reply itself. */
async function outcome(handle: InteractionHandle): Promise<string> {
  const first = await handle.response(10_000);
  if (first.type === 4) return String(first.data?.content ?? JSON.stringify(first.data));
  const calls = await handle.waitFor(2, 15_000);
  const body = calls.at(-1)!.body as Obj;
  return String(body.content ?? JSON.stringify(body));
}

/** The entry /ask answers `question` with, or null when it declines. */
async function answeredBy(question: string): Promise<string | null> {
  const reply = JSON.stringify(await h.fake.slash('ask', [str('question', question)], MEMBER).response());
  return /"vote:([a-z0-9-]+):up"/.exec(reply)?.[1] ?? null;
}

/** The lines `after` adds to `before` when it only adds lines; null when it changes or drops any. */
function addedLines(before: string, after: string): string[] | null {
  const a = before.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < a.length && line === a[i]) i++;
    else added.push(line);
  }
  return i === a.length ? added : null;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'faq-teach-'));
  faqDir = join(root, 'faq');
  await cp('faq', faqDir, { recursive: true });
  git('init', '--quiet');
  git('config', 'user.name', 'FAQ bot');
  git('config', 'user.email', 'faq-bot@example.invalid');
  git('add', '.');
  git('commit', '--quiet', '-m', 'the FAQ');
  h = await startHarness({ faqDir, env: botEnv() });
});
afterAll(async () => {
  await h?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('Add as alternate', () => {
  const wording = 'what colour was the table at the talks';

  it('given an unanswered question, then the alternate is one new line, faq:check passes, it is committed, and the bot answers it with that entry within 6 s', async () => {
    await recordUnanswered(wording, '300000000000000301');
    const view = await teachView(wording);
    const add = button(view, 'Add as alternate');
    expect(add.custom_id.length).toBeLessThanOrEqual(100);
    const entryId = /^teach:alt:[^:]+:([a-z0-9-]+)$/.exec(add.custom_id)![1]!;
    expect(JSON.stringify(view.embeds)).toContain(`\`${entryId}\``);
    expect(button(view, 'Draft a new entry')).toBeDefined();

    const before = await shipped();
    const text = await outcome(h.fake.button(add.custom_id, {}, MODERATOR));
    const addedAt = Date.now();
    expect(text).toContain(`alternates of \`${entryId}\``);
    expect(text).toContain('Committed to git');

    const after = await shipped();
    expect(addedLines(before, after)).toEqual([`      - ${wording}`]);
    const check = await run(process.execPath, ['--import', 'tsx', 'src/cli/faq-check.ts'], { env: { ...process.env, FAQ_DIR: faqDir } });
    expect(check.stdout).toMatch(/^OK: /);
    expect(git('log', '-1', '--format=%s')).toBe(`FAQ: alternate added to "${entryId}" (added from Discord)`);
    expect(git('show', '--name-only', '--format=', 'HEAD')).toBe(SHIPPED);
    expect(git('status', '--porcelain')).toBe('');

    let by: string | null = null;
    while (Date.now() - addedAt < 6000 && by !== entryId) {
      by = await answeredBy(wording);
      if (by !== entryId) await new Promise((r) => setTimeout(r, 200));
    }
    expect(by).toBe(entryId);
  });

  it('given the same button again, then it is refused with the reason and nothing is written', async () => {
    const view = await teachView(wording);
    const before = await shipped();
    const text = await outcome(h.fake.button(button(view, 'Add as alternate').custom_id, {}, MODERATOR));
    expect(text).toMatch(/^Nothing was changed: .*already has this wording/);
    expect(await shipped()).toBe(before);
  });

  it('given a wording too long for an alternate, then the change is refused with the reason and nothing is written', async () => {
    const long = `was the long table ${'with many many chairs and several glasses of water '.repeat(5)}at the quorvex talks`;
    expect(long.length).toBeGreaterThan(200);
    await recordUnanswered(long, '300000000000000302');
    const view = await teachView(long.slice(0, 40));
    const before = await shipped();
    const head = git('rev-parse', 'HEAD');
    const text = await outcome(h.fake.button(button(view, 'Add as alternate').custom_id, {}, MODERATOR));
    expect(text).toMatch(/^Nothing was changed: the wording is \d+ characters long, over the limit of 200/);
    expect(await shipped()).toBe(before);
    expect(git('rev-parse', 'HEAD')).toBe(head);
  });

  it('given two moderators adding at the same moment (button and menu), then both alternates land', async () => {
    const one = 'how many sheep did the mediators bring';
    const two = 'was there a quorvex plinth at the negotiations';
    await recordUnanswered(one, '300000000000000303');
    await recordUnanswered(two, '300000000000000304');
    const [viewOne, viewTwo] = [await teachView(one), await teachView(two)];
    const picker = menu(viewTwo);
    expect(picker).toBeDefined();
    expect(picker!.options.length).toBeGreaterThan(0);
    const other = picker!.options[0].value as string;
    const before = await shipped();
    const [a, b] = await Promise.all([
      outcome(h.fake.button(button(viewOne, 'Add as alternate').custom_id, {}, MODERATOR)),
      outcome(h.fake.select(picker!.custom_id, [other], { components: viewTwo.components }, { ...MODERATOR, userId: '300000000000000205' })),
    ]);
    expect(a).toContain('Added');
    expect(b).toContain(`alternates of \`${other}\``);
    const added = addedLines(before, await shipped());
    expect(added?.sort()).toEqual([`      - ${one}`, `      - ${two}`].sort());
    expect(git('status', '--porcelain')).toBe('');
  });
});

describe('who may teach', () => {
  it('given a member without Manage Server, then the buttons, the menu and the modal are refused privately and nothing is written', async () => {
    const wording = 'did anyone bring snacks to the quorvex meeting';
    await recordUnanswered(wording, '300000000000000305');
    const view = await teachView(wording);
    const before = await shipped();
    const refusals = [
      h.fake.button(button(view, 'Add as alternate').custom_id, {}, MEMBER),
      h.fake.button(button(view, 'Draft a new entry').custom_id, {}, MEMBER),
      h.fake.select(menu(view)!.custom_id, [menu(view)!.options[0].value], { components: view.components }, MEMBER),
    ];
    for (const handle of refusals) {
      const reply = await handle.response();
      expect(reply.type).toBe(4);
      expect(reply.data?.flags).toBe(64);
      expect(reply.data?.content).toBe('Only moderators (Manage Server) can teach the bot.');
    }
    // The modal as a moderator opens it; a member whose permission was removed meanwhile cannot submit it.
    const modal = (await h.fake.button(button(view, 'Draft a new entry').custom_id, {}, MODERATOR).response()).data!;
    const submit = await h.fake.submitModal(modal, { answer: 'x', 'source-url': 'https://example.com/a', publisher: 'P', title: 'T' }, MEMBER).response();
    expect(submit.data?.content).toBe('Only moderators (Manage Server) can teach the bot.');
    expect(await shipped()).toBe(before);
    expect(existsSync(join(faqDir, 'drafts.yaml'))).toBe(false);
  });
});

describe('stale buttons', () => {
  it('given a question no longer recorded, then the button says it is out of date', async () => {
    const text = await outcome(h.fake.button('teach:alt:u0123456789abcdef:us-envoy', {}, MODERATOR));
    expect(text).toMatch(/out of date: that question is no longer among the recorded unanswered questions/);
    const draft = await h.fake.button('teach:draft:u0123456789abcdef', {}, MODERATOR).response();
    expect(draft.data?.content).toMatch(/out of date/);
  });

  it('given an entry removed since the view was shown, then the button says so', async () => {
    const view = await teachView('what colour was the table at the talks');
    const id = button(view, 'Add as alternate').custom_id.replace(/:[a-z0-9-]+$/, ':an-entry-since-removed');
    expect(await outcome(h.fake.button(id, {}, MODERATOR))).toMatch(/out of date: there is no entry `an-entry-since-removed`/);
  });
});

describe('Draft a new entry', () => {
  const wording = 'who catered the quorvex summit lunch';

  it('given a broken source url, then the draft is refused with the reason and no file is written', async () => {
    await recordUnanswered(wording, '300000000000000306');
    const view = await teachView(wording);
    const modal = (await h.fake.button(button(view, 'Draft a new entry').custom_id, {}, MODERATOR).response()).data!;
    const text = await outcome(
      h.fake.submitModal(modal, { answer: 'Nobody reported it.', 'source-url': 'http://example.com/lunch', publisher: 'Example News', title: 'Lunch' }, MODERATOR),
    );
    expect(text).toMatch(/^Nothing was changed: /);
    expect(existsSync(join(faqDir, 'drafts.yaml'))).toBe(false);
  });

  it('given the modal filled in, then the entry is appended to drafts.yaml with a fresh id, committed, and faq:check passes', async () => {
    const view = await teachView(wording);
    const opened = await h.fake.button(button(view, 'Draft a new entry').custom_id, {}, MODERATOR).response();
    expect(opened.type).toBe(9);
    const modal = opened.data! as Obj;
    expect(modal.components.length).toBeLessThanOrEqual(5);
    expect(modal.components.map((c: Obj) => c.label)).toEqual(['Question', 'Answer, in your own words', 'Source url', 'Publisher', 'Article title']);
    // The question starts as the members' wording.
    expect(modal.components[0].component.value).toBe(wording);
    const text = await outcome(
      h.fake.submitModal(modal, {
        answer: 'No outlet reported who catered it.\n\nThe sources are silent on lunch.',
        'source-url': 'https://example.com/quorvex-lunch',
        publisher: 'Example News',
        title: 'Nothing about lunch',
      }, MODERATOR),
    );
    const id = /new entry `([a-z0-9-]+)` in drafts\.yaml/.exec(text)?.[1];
    expect(id).toBe('who-catered-quorvex-summit-lunch');
    const drafts = await readFile(join(faqDir, 'drafts.yaml'), 'utf8');
    expect(drafts).toMatch(/^# yaml-language-server: \$schema=\.\/schema\.json/);
    expect(drafts).toContain(`id: ${id}`);
    expect(drafts).toContain('https://example.com/quorvex-lunch');
    const check = await run(process.execPath, ['--import', 'tsx', 'src/cli/faq-check.ts'], { env: { ...process.env, FAQ_DIR: faqDir } });
    expect(check.stdout).toMatch(/^OK: 2 file\(s\)/);
    expect(git('log', '-1', '--format=%s')).toContain(`"${id}"`);
    expect(git('status', '--porcelain')).toBe('');
  });
});

describe('teaching from shadow mode', () => {
  it('given a would-be answer in a shadow channel, then Teach #1 offers Add as alternate to its entry, which adds the question', async () => {
    const channel = h.fake.createChannel({ type: 0, name: 'shadowed' });
    const channelId = String(channel.id);
    const resolved = { channels: { [channelId]: { id: channelId, type: 0, name: 'shadowed', permissions: '0' } } };
    const setting = h.fake.slash('faq-admin', [sub('auto-answer', [{ type: 7, name: 'channel', value: channelId }, { type: 3, name: 'mode', value: 'shadow' }])], { ...MODERATOR, resolved });
    expect(JSON.stringify((await setting.waitFor(2, 10_000)).at(-1)!.body)).toContain('shadow mode');
    const question = 'does anyone here know what maximum pressure is all about?';
    h.fake.post(channelId, { content: question, userId: '300000000000000307' });

    let view: Obj | undefined;
    const deadline = Date.now() + 10_000;
    while (view === undefined) {
      const shown = (await h.fake.slash('faq-admin', [sub('shadow')], MODERATOR).waitFor(2, 10_000)).at(-1)!.body as Obj;
      if (JSON.stringify(shown).includes('maximum pressure')) view = shown;
      else if (Date.now() > deadline) throw new Error(`nothing recorded in shadow mode: ${JSON.stringify(shown)}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
    const teach = button(view, 'Teach #1');
    expect((await h.fake.button(teach.custom_id, {}, MEMBER).response()).data?.content).toBe('Only moderators (Manage Server) can teach the bot.');
    const opened = (await h.fake.button(teach.custom_id, {}, MODERATOR).response()).data as Obj;
    const add = button(opened, 'Add as alternate');
    const entryId = /^teach:alt:s[\w-]+:([a-z0-9-]+)$/.exec(add.custom_id)![1]!;
    expect(JSON.stringify(view)).toContain(`\`${entryId}\``);
    const before = await shipped();
    expect(await outcome(h.fake.button(add.custom_id, {}, MODERATOR))).toContain(`alternates of \`${entryId}\``);
    const added = addedLines(before, await shipped());
    expect(added).toHaveLength(1);
    expect(added![0]).toMatch(/^ {6}- .*maximum pressure/);
  });
});

describe('after a restart', () => {
  it('given a teaching view shown before the bot restarted, then its buttons still work', async () => {
    const wording = 'did the quorvex envoys exchange gifts';
    await recordUnanswered(wording, '300000000000000308');
    const view = await teachView(wording);
    await h.stop();
    h = await startHarness({ faqDir, env: botEnv() });
    const add = button(view, 'Add as alternate');
    const entryId = /:([a-z0-9-]+)$/.exec(add.custom_id)![1]!;
    // Its closest entry may be the one drafted above (it shares "quorvex"): read the file that has it.
    const files = [join(faqDir, SHIPPED), join(faqDir, 'drafts.yaml')].filter((f) => existsSync(f));
    const file = (await Promise.all(files.map(async (f) => ((await readFile(f, 'utf8')).includes(`id: ${entryId}\n`) ? f : null)))).find((f) => f !== null)!;
    const before = await readFile(file, 'utf8');
    expect(await outcome(h.fake.button(add.custom_id, {}, MODERATOR))).toContain(`alternates of \`${entryId}\``);
    // (a drafted entry has no alternates yet: the key comes with its first one)
    const added = addedLines(before, await readFile(file, 'utf8'))!.filter((line) => line !== '    alternates:');
    expect(added).toEqual([`      - ${wording}`]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../fake-discord/index.js';
import { startHarness, str, sub, type Harness } from './harness.js';

/**
 * Alternates grown from use, end to end: members' clicks on the suggestions under their
 * declined questions, /faq-admin suggestions, Accept and Reject, against the fake Discord with
 * the real bot, on a small FAQ folder in a git repository (FAQ_GIT=true).
 */
type Obj = Record<string, any>;
const FAQ = `# The library's questions; comments stay as they are.
sources:
  rules:
    publisher: Town Library
    title: Borrowing rules
    url: https://example.org/rules
entries:
  - id: renew-card
    question: How do I renew my library card?
    # asked at the desk every week
    answer: Bring your old card and a proof of address to the front desk; renewal is free.
    sources: [rules]
  - id: late-fees
    question: How much are the fees for returning a book late?
    alternates: [what is the fine for an overdue book]
    answer: Ten cents a day per item, capped at the price of the item.
    sources: [rules]
  - id: opening-hours
    question: When is the library open?
    answer: Monday to Saturday, nine to six; closed on public holidays.
    sources: [rules]
`;
const MODERATOR = { permissions: String(1n << 5n), userId: '300000000000000201' };
const NOT_MODERATOR = { userId: '300000000000000299' };
const ASKERS = ['300000000000000301', '300000000000000302', '300000000000000303', '300000000000000304'];
/** Rewordings of one question the FAQ does not answer yet, each offering renew-card. */
const PARAPHRASES = ['my card stopped working at the desk', 'card no longer works what do i do', 'my card does not work anymore'];
const ANOTHER = 'i returned a book two weeks late';

let root: string;
let faqDir: string;
let h: Harness;
const git = (...args: string[]) => execFileSync('git', ['-C', faqDir, ...args], { encoding: 'utf8' }).trim();
const botEnv = () => ({ FAQ_GIT: 'true', DATABASE_PATH: join(root, 'bot.sqlite') });

/** The bot's reply to an interaction, as the client of the member who invoked it holds it. */
async function replyTo(handle: InteractionHandle, userId: string): Promise<Obj> {
  const reply = (await handle.response(30_000)) as Obj;
  return { ...reply.data, interaction_metadata: { id: handle.id, type: 2, user: { id: userId, username: `m${userId.slice(-3)}`, discriminator: '0', avatar: null, global_name: null }, authorizing_integration_owners: { '1': userId } } };
}

/** A member asks; the bot declines and offers its closest questions. */
async function askDeclined(question: string, userId: string): Promise<Obj> {
  const reply = await replyTo(h.fake.slash('ask', [str('question', question)], { userId }), userId);
  expect(JSON.stringify(reply)).toMatch(/I don't have an answer|couldn't find|closest/i);
  return reply;
}

/** What the bot's own store holds as resolved to `entryId` in these words. */
async function resolvedAs(entryId: string, words: string): Promise<number> {
  const rows = await h.bot.ctx.store.resolvedQuestions(1000);
  return rows.filter((r) => r.entryId === entryId && r.sample === words).reduce((n, r) => n + r.resolvers.length, 0);
}

/** The suggestion button for `entryId` on that reply. */
function suggestion(reply: Obj, entryId: string): string {
  const ids: string[] = reply.components.flatMap((row: Obj) => row.components).map((b: Obj) => b.custom_id).filter(Boolean);
  const id = ids.find((i) => i.startsWith(`show:${entryId}`));
  if (id === undefined) throw new Error(`no suggestion of ${entryId} in ${JSON.stringify(ids)}`);
  return id;
}

async function click(reply: Obj, customId: string, userId: string): Promise<void> {
  const shown = JSON.stringify(await h.fake.button(customId, reply, { userId }).response(10_000));
  expect(shown).toContain('"embeds"');
  // The resolution is written after the entry is shown.
  await new Promise((r) => setTimeout(r, 150));
}

/** /faq-admin suggestions: every message the moderator gets. */
async function suggestionsView(ctx: Obj = MODERATOR): Promise<Obj[]> {
  const handle = h.fake.slash('faq-admin', [sub('suggestions')], ctx);
  await handle.response(10_000);
  await new Promise((r) => setTimeout(r, 800));
  return handle.responses().map((c) => c.body as Obj).filter((b) => b !== null && typeof b === 'object');
}
const proposals = (view: Obj[]) => view.filter((b) => b.embeds?.[0]?.title?.startsWith('Proposal'));
const button = (view: Obj, label: string): string => view.components.flatMap((r: Obj) => r.components).find((b: Obj) => b.label === label).custom_id;

async function outcome(handle: InteractionHandle): Promise<string> {
  const first = (await handle.response(10_000)) as Obj;
  if (first.type === 4) return String(first.data?.content ?? JSON.stringify(first.data));
  const calls = await handle.waitFor(2, 15_000);
  const body = calls.at(-1)!.body as Obj;
  return String(body.content ?? JSON.stringify(body));
}

async function answeredBy(question: string): Promise<string | null> {
  const reply = JSON.stringify(await h.fake.slash('ask', [str('question', question)], { userId: ASKERS[3]! }).response(10_000));
  return /"vote:([a-z0-9-]+):up"/.exec(reply)?.[1] ?? null;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'faq-suggestions-'));
  faqDir = join(root, 'faq');
  execFileSync('mkdir', ['-p', faqDir]);
  await writeFile(join(faqDir, 'library.yaml'), FAQ);
  git('init', '--quiet');
  git('config', 'user.name', 'FAQ bot');
  git('config', 'user.email', 'faq-bot@example.invalid');
  git('add', '.');
  git('commit', '--quiet', '-m', 'the FAQ');
  h = await startHarness({ faqDir, env: botEnv() });
}, 120_000);
afterAll(async () => {
  await h?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('/faq-admin suggestions', () => {
  // First: the FAQ here has not grown an alternate yet.
  it('given a 👎 on an answer, then the asker\'s click on a related question counts; without the 👎, or by someone else, it does not; a helper\'s pick under the message menu counts with the message\'s words', async () => {
    const asked = 'what are the late fees for my library card';
    const ask = (userId: string) => replyTo(h.fake.slash('ask', [str('question', asked)], { userId }), userId);
    const noVote = await ask(ASKERS[0]!);
    const answered = /"vote:([a-z0-9-]+):down"/.exec(JSON.stringify(noVote))?.[1];
    const related = /"show:([a-z0-9-]+)"/.exec(JSON.stringify(noVote))?.[1];
    expect(answered).toBeDefined();
    expect(related).toBeDefined();
    await click(noVote, suggestion(noVote, related!), ASKERS[0]!);
    expect(await resolvedAs(related!, asked)).toBe(0);

    const disliked = await ask(ASKERS[1]!);
    const down = `vote:${answered!}:down`;
    // Someone else's 👎 does not make the asker's answer wrong.
    await h.fake.button(down, disliked, { userId: ASKERS[2]! }).waitFor(2, 10_000);
    await click(disliked, suggestion(disliked, related!), ASKERS[1]!);
    expect(await resolvedAs(related!, asked)).toBe(0);
    await h.fake.button(down, disliked, { userId: ASKERS[1]! }).waitFor(2, 10_000);
    await click(disliked, suggestion(disliked, related!), ASKERS[2]!);
    expect(await resolvedAs(related!, asked)).toBe(0);
    await click(disliked, suggestion(disliked, related!), ASKERS[1]!);
    expect(await resolvedAs(related!, asked)).toBe(1);

    // A helper runs Find FAQ answer on a member's message; the bot declines; the helper picks an entry.
    const words = 'the desk would not take my card';
    const menu = await replyTo(h.fake.messageCommand('Find FAQ answer', { id: '500000000000000031', content: words, author: { id: ASKERS[0]! } }, { userId: ASKERS[3]! }), ASKERS[3]!);
    expect(JSON.stringify(menu)).toMatch(/I don't have an answer|couldn't find|closest/i);
    await click(menu, suggestion(menu, 'renew-card'), ASKERS[3]!);
    expect(await resolvedAs('renew-card', words)).toBe(1);
    const rows = JSON.stringify(await h.bot.ctx.store.resolvedQuestions(1000));
    for (const member of ASKERS) expect(rows).not.toContain(member);
  }, 120_000);
  it('given a proposal rejected, then it does not come back, after a restart too; members who are not moderators cannot use the command', async () => {
    for (const asker of ASKERS.slice(0, 3)) {
      const reply = await askDeclined(ANOTHER, asker);
      await click(reply, suggestion(reply, 'late-fees'), asker);
    }
    const [view] = proposals(await suggestionsView()).filter((v) => (v.embeds[0].title as string).includes(ANOTHER));
    expect(view).toBeDefined();
    expect(await outcome(h.fake.button(button(view!, 'Reject'), view!, MODERATOR))).toContain('will not be proposed');
    expect(await outcome(h.fake.button(button(view!, 'Reject'), view!, MODERATOR))).toContain('Already done');
    await h.bot.stop();
    await h.fake.close();
    h = await startHarness({ faqDir, env: botEnv() });
    const again = await suggestionsView();
    expect(JSON.stringify(again)).not.toContain(ANOTHER);
    expect(JSON.stringify(await suggestionsView(NOT_MODERATOR))).toMatch(/moderators/i);
  }, 120_000);
  it('given members clicking the same suggestion under their declined rewordings, then one proposal with 3 members; Accept adds it, committed, and a fourth rewording is answered', async () => {
    const first = await askDeclined(PARAPHRASES[0]!, ASKERS[0]!);
    await click(first, suggestion(first, 'renew-card'), ASKERS[0]!);
    // Someone else's click under that member's question is not theirs to count.
    await click(first, suggestion(first, 'renew-card'), ASKERS[3]!);
    const second = await askDeclined(PARAPHRASES[1]!, ASKERS[1]!);
    await click(second, suggestion(second, 'renew-card'), ASKERS[1]!);
    // A fourth member resolves the same kind of question to another entry: it joins no group of renew-card.
    const fourth = await askDeclined(PARAPHRASES[2]!, ASKERS[3]!);
    await click(fourth, suggestion(fourth, 'renew-card').replace('show:renew-card', 'show:late-fees'), ASKERS[3]!);
    expect(proposals(await suggestionsView())).toEqual([]);

    const third = await askDeclined(PARAPHRASES[2]!, ASKERS[2]!);
    await click(third, suggestion(third, 'renew-card'), ASKERS[2]!);
    const [view, ...others] = proposals(await suggestionsView());
    expect(others).toEqual([]);
    const description = view!.embeds[0].description as string;
    expect(description).toContain('`renew-card`');
    expect(description).toContain('3 members');
    const wording = PARAPHRASES.find((p) => (view!.embeds[0].title as string).includes(p))!;
    expect(wording).toBeDefined();

    const before = await readFile(join(faqDir, 'library.yaml'), 'utf8');
    const accept = button(view!, 'Accept');
    expect(await outcome(h.fake.button(accept, view!, NOT_MODERATOR))).toContain('Only moderators');
    const text = await outcome(h.fake.button(accept, view!, MODERATOR));
    expect(text).toContain('alternates of `renew-card`');
    expect(text).toContain('Committed to git');
    const after = await readFile(join(faqDir, 'library.yaml'), 'utf8');
    expect(after).toContain('# asked at the desk every week');
    // Only lines added: the entry had no alternates, so the key and the wording.
    expect(after.split('\n').filter((l) => !before.split('\n').includes(l))).toEqual(['    alternates:', `      - ${wording}`]);
    expect(before.split('\n').every((l) => after.includes(l))).toBe(true);
    expect(git('log', '-1', '--format=%s')).toBe('FAQ: alternate added to "renew-card" (added from Discord)');
    expect(await outcome(h.fake.button(accept, view!, MODERATOR))).toContain('Already done');

    const deadline = Date.now() + 15_000;
    while ((await answeredBy('the card stopped working')) !== 'renew-card') {
      if (Date.now() > deadline) throw new Error('the fourth rewording is still not answered with renew-card');
      await new Promise((r) => setTimeout(r, 300));
    }
  }, 120_000);

});

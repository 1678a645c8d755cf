import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, str, sub, type Harness } from './harness.js';

/**
 * /faq-admin import channel, end to end: the real bot and discord.js client against the fake
 * Discord, on a copy of the shipped FAQ folder in a git repository (FAQ_GIT=true).
 */
type Obj = Record<string, any>;
const MODERATOR = { permissions: String(1n << 5n), userId: '300000000000000401' };
const MEMBER = { userId: '300000000000000402' };

let root: string;
let faqDir: string;
let h: Harness;
const git = (...args: string[]) => execFileSync('git', ['-C', faqDir, ...args], { encoding: 'utf8' }).trim();

/** /faq-admin import as a moderator: the text the moderator finally sees. */
async function importFrom(channel: Obj): Promise<string> {
  const resolved = { channels: { [channel.id]: { id: channel.id, type: channel.type, name: channel.name, permissions: '0' } } };
  const handle = h.fake.slash('faq-admin', [sub('import', [{ type: 7, name: 'channel', value: channel.id }])], { ...MODERATOR, resolved });
  const calls = await handle.waitFor(2, 15_000);
  return String((calls.at(-1)!.body as Obj).content);
}

async function answeredBy(question: string): Promise<string | null> {
  const reply = JSON.stringify(await h.fake.slash('ask', [str('question', question)], MEMBER).response());
  return /"vote:([a-z0-9-]+):up"/.exec(reply)?.[1] ?? null;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'faq-import-channel-'));
  faqDir = join(root, 'faq');
  await cp('faq', faqDir, { recursive: true });
  git('init', '--quiet');
  git('config', 'user.name', 'FAQ bot');
  git('config', 'user.email', 'faq-bot@example.invalid');
  git('add', '.');
  git('commit', '--quiet', '-m', 'the FAQ');
  h = await startHarness({ faqDir, env: { FAQ_GIT: 'true', DATABASE_PATH: join(root, 'bot.sqlite') } });
});
afterAll(async () => {
  await h?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('/faq-admin import channel:', () => {
  it('given a #faq channel with pinned questions, then a draft file that faq:check accepts, committed, a summary, and the bot answers from it', async () => {
    const faq = h.fake.createChannel({ type: 0, name: 'faq' });
    h.fake.post(String(faq.id), { content: '**When does the server restart?**\nEvery day at 04:00 UTC; it is back within five minutes.', pinned: true });
    h.fake.post(String(faq.id), { content: 'How do I get the Helper role?\nAsk in #roles after a month of answering questions. @everyone welcome.', pinned: true });
    h.fake.post(String(faq.id), { content: 'just chatting, not pinned', pinned: false });
    h.fake.post(String(faq.id), { content: 'A pinned line with nothing under it', pinned: true });

    const reply = await importFrom(faq);
    expect(reply).toMatch(/^Imported #faq into `channel-faq\.yaml`: 2 entries added, 0 changed, 0 removed\./);
    expect(reply).toContain('Skipped 1 message without a question and an answer.');
    expect(reply).toContain('Committed to git.');
    expect(git('log', '-1', '--format=%s')).toMatch(/import #faq/);

    const text = await readFile(join(faqDir, 'channel-faq.yaml'), 'utf8');
    expect(text).toContain('question: When does the server restart?');
    expect(text).toContain(`url: https://discord.com/channels/${h.fake.guilds[0]!.id}/${faq.id}`);
    expect(text).not.toContain('just chatting');
    const check = execFileSync('npm', ['run', 'faq:check', '--', faqDir], { encoding: 'utf8', env: { ...process.env, DISCORD_TOKEN: '' } });
    expect(check).toMatch(/^OK: 2 file\(s\)/);

    const deadline = Date.now() + 20_000;
    let answered: string | null = null;
    while (answered === null && Date.now() < deadline) {
      answered = await answeredBy('when does the server restart');
      if (answered === null) await new Promise((r) => setTimeout(r, 500));
    }
    expect(answered).toBe('when-does-server-restart');
  });

  it('given a channel with nothing pinned, then its last messages; imported again after a new one, then it joins the same file', async () => {
    const general = h.fake.createChannel({ type: 0, name: 'rules-faq' });
    h.fake.post(String(general.id), { content: '**Can I advertise my server?**\nNo, not in any channel.' });
    expect(await importFrom(general)).toMatch(/^Imported #rules\\?-faq into `channel-rules-faq\.yaml`: 1 entry added/);
    h.fake.post(String(general.id), { content: '**Are bots allowed in voice?**\nOnly music bots, in the music channel.' });
    expect(await importFrom(general)).toMatch(/: 1 entry added, 0 changed, 0 removed\./);
    const text = await readFile(join(faqDir, 'channel-rules-faq.yaml'), 'utf8');
    expect(text.match(/- id: /g)).toHaveLength(2);
  });

  it('given a forum rather than a text channel, then it says so and writes nothing', async () => {
    const forum = h.fake.createChannel({ type: 15, name: 'help-forum' });
    expect(await importFrom(forum)).toMatch(/not a channel with messages to import/);
    await expect(readFile(join(faqDir, 'channel-help-forum.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

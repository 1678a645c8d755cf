import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, finalText, str } from '../discord/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { makeKeys, post, signed, signingTransport } from './signing-discord.js';

interface Replica {
  child: ChildProcess;
  port: number;
  alive: boolean;
}

let fake: FakeDiscord;
let dir: string;
const keys = makeKeys();
const replicas: Replica[] = [];

/** The store both replicas share; PostgreSQL when the test run has one (DATABASE_URL), else one SQLite file. */
const storeEnv = (): Record<string, string> =>
  process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : { DATABASE_PATH: join(dir, 'shared.sqlite') };

async function startReplica(): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      INTERACTIONS_PORT: '0',
      LOG_LEVEL: 'info',
      ...storeEnv(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => (out += String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /"port":(\d+)[^\n]*serving HTTP interactions/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`replica exited ${code}: ${out}`)));
  });
  const replica = { child, port, alive: true };
  child.on('exit', () => (replica.alive = false));
  return replica;
}

let transport: ReturnType<typeof signingTransport>;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: BOT_TOKEN });
  dir = await mkdtemp(join(tmpdir(), 'faq-http-'));
  replicas.push(await startReplica(), await startReplica());
  transport = signingTransport(fake, keys.privateKey, () => replicas.map((r) => r.port));
  fake.useTransport(transport.transport);
}, 60_000);

afterAll(async () => {
  for (const r of replicas) if (r.alive) r.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => (r.alive ? new Promise((res) => r.child.once('exit', res)) : undefined)));
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('HTTP interactions behind a round-robin', () => {
  it('given a PING, then PONG', async () => {
    const body = JSON.stringify({ type: 1, id: '1', application_id: fake.applicationId, token: 'x', version: 1 });
    const res = await post(replicas[0]!.port, body, signed(keys.privateKey, body));
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { type: 1 }]);
  });

  it('given forged, replayed or unsigned requests, then 401 before anything is parsed', async () => {
    const body = JSON.stringify({ type: 1 });
    const other = makeKeys();
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    for (const headers of [signed(other.privateKey, body), signed(keys.privateKey, body, old), {}, { ...signed(keys.privateKey, body), 'x-signature-ed25519': 'zz' }]) {
      expect((await post(replicas[1]!.port, body, headers)).status).toBe(401);
    }
    const tampered = JSON.stringify({ type: 2 });
    expect((await post(replicas[1]!.port, tampered, signed(keys.privateKey, body))).status).toBe(401);
  });

  it('given /healthz, then the load balancer sees knowledge loaded and the store reachable', async () => {
    const res = await fetch(`http://127.0.0.1:${replicas[0]!.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, recording: true });
  });

  it('given asks, autocompletes and votes spread over both replicas, then every one is answered once and each vote counted once', async () => {
    const handles = [];
    for (let i = 0; i < 20; i++) {
      handles.push(i % 2 ? fake.autocomplete('ask', [str('question', 'four ey', true)]) : fake.slash('ask', [str('question', 'what is a four eyes meeting')]));
    }
    for (const handle of handles) {
      const response = await handle.response(10_000);
      expect(JSON.stringify(response)).toMatch(/four-eyes|four eyes/i);
      expect(handle.responses().filter((r) => r.path.endsWith('/callback') && r.status === 204)).toHaveLength(1);
    }
    expect(transport.served.size).toBe(2);
    // The same member votes on one answer through both replicas: one vote stands.
    const message = { id: '610000000000000001' };
    const first = await finalText(fake.button('vote:four-eyes:up', message, { userId: '300000000000000321' }));
    const again = await finalText(fake.button('vote:four-eyes:up', message, { userId: '300000000000000321' }));
    const other = await finalText(fake.button('vote:four-eyes:down', message, { userId: '300000000000000322' }));
    expect(first).toMatch(/Thanks/);
    expect(again).toMatch(/already voted/);
    expect(other).toMatch(/Thanks/);
  });

  it('given /ask from a group DM through a user install (no guild, context 2), then it is answered like anywhere else', async () => {
    const handle = fake.slash('ask', [str('question', 'what is a four eyes meeting')], { guildId: null, privateChannel: 'group-dm' });
    expect(handle.payload).toMatchObject({ context: 2, authorizing_integration_owners: { '1': '300000000000000001' } });
    expect(JSON.stringify(await handle.response(10_000))).toMatch(/four eyes/i);
    expect(handle.responses().every((r) => r.status < 400)).toBe(true);
  });

  it('given one replica killed during a burst, then the other answers the rest and only requests in flight are lost', async () => {
    const handles = [];
    for (let i = 0; i < 60; i++) {
      handles.push(fake.slash('ask', [str('question', 'why is pakistan the mediator')]));
      if (i === 20) {
        replicas[0]!.child.kill('SIGKILL');
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.allSettled(handles.map((h) => h.response(10_000)));
    // Only requests the killed replica had taken are lost (those in flight as it died);
    // everything else, before and after the kill, was answered.
    const onKilled = transport.sentTo(replicas[0]!.port);
    const lostHere = handles.filter((h) => transport.lost.includes(h.id));
    // In flight: those it held when killed, and those sent in the moment before the process
    // is gone (a few more on a loaded machine). Were the dead replica not skipped, every
    // second request after the kill (about 20) would be lost.
    expect(lostHere.length).toBeLessThanOrEqual(10);
    for (const h of handles) {
      if (lostHere.includes(h)) expect(onKilled.has(h.id)).toBe(true);
      else expect((await h.response(10_000)).type).toBe(4);
    }
    expect(replicas[0]!.alive).toBe(false);
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from './fixtures/helpers.js';

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(async () => {
  await ws.cleanup();
});

const fixture = fileURLToPath(new URL('./fixtures/vote-loop.ts', import.meta.url));

/** Runs the vote loop until `acks` votes are acknowledged, then kills it with SIGKILL. */
function runAndKill(path: string, acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) acked.push(Number(line));
      if (acked.length >= acks) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`vote loop ended by itself (${code}): ${stderr}`));
    });
  });
}

describe('sqlite store: crash safety', () => {
  it('given a process killed with SIGKILL while writing votes, then on reopening the database is intact and every acknowledged vote is there', async () => {
    const path = join(ws.dir, 'faq.sqlite');
    const acked = await runAndKill(path, 300);
    expect(acked.length).toBeGreaterThanOrEqual(300);

    const check = new Database(path);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const store = await ws.open({ path });
    expect(store.status()).toMatchObject({ recording: true });
    expect(store.status().problem).toBeUndefined();
    for (const i of acked) {
      const outcome = await store.recordVote({ entryId: `entry-${i % 7}`, answerId: `answer-${i}`, voterId: 'member', helpful: i % 2 === 0 });
      expect(outcome, `vote ${i}`).toBe('duplicate');
    }
    const total = (await store.feedback()).reduce((n, f) => n + f.helpful + f.notHelpful, 0);
    expect(total).toBeGreaterThanOrEqual(acked.length);
  });
});

import { randomUUID } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock file in the FAQ folder around each read-modify-write, so that two edits at the
 * same moment, from this process, another one or another machine sharing the folder, both
 * land. Node has no flock(); a file created with O_EXCL is atomic on local disks and on
 * NFS v3+, which is what "replicas sharing one folder" means in practice.
 */
export const FOLDER_LOCK = Object.freeze({
  /** Dot-named and not *.yaml, so the loader never reads it. */
  name: '.faq-edit.lock',
  /** An edit takes milliseconds (a large FAQ's validation, about a second); older is a crash. */
  staleMs: 30_000,
  /** How long an edit waits for another before giving up. */
  waitMs: 10_000,
  /** Between two tries; jittered so that waiting processes do not retry in step. */
  retryMs: 20,
});

export interface LockTiming {
  readonly staleMs?: number;
  readonly waitMs?: number;
}

export type Locked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly busy: true };

interface Holder {
  readonly token: string;
  readonly host: string;
  readonly pid: number;
}

/** Runs `work` holding the folder's lock; `busy` when it could not be had within waitMs. */
export async function withFolderLock<T>(dir: string, work: () => Promise<T>, timing: LockTiming = {}): Promise<Locked<T>> {
  const staleMs = timing.staleMs ?? FOLDER_LOCK.staleMs;
  const waitMs = timing.waitMs ?? FOLDER_LOCK.waitMs;
  const path = join(dir, FOLDER_LOCK.name);
  const me: Holder = { token: randomUUID(), host: hostname(), pid: process.pid };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(path, me)) break;
    await breakIfStale(path, staleMs);
    if (Date.now() > deadline) return { ok: false, busy: true };
    await sleep(FOLDER_LOCK.retryMs * (0.5 + Math.random()));
  }
  try {
    return { ok: true, value: await work() };
  } finally {
    // Only our own lock is removed: had it been broken as stale, another holds it now.
    if ((await readHolder(path))?.token === me.token) await unlink(path).catch(() => undefined);
  }
}

async function tryCreate(path: string, me: Holder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(me));
  } finally {
    await handle.close();
  }
  return true;
}

async function readHolder(path: string): Promise<Holder | null | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Holder;
  } catch (error) {
    // Gone: undefined. There but unreadable or half-written (its holder is writing it): null.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}

/**
 * Removes a lock left by a crash: one whose process is gone (same machine), or older than
 * staleMs (any machine). Breakers take a second O_EXCL file first and check the lock again
 * under it, so two of them cannot both break it and then remove each other's new lock.
 */
async function breakIfStale(path: string, staleMs: number): Promise<void> {
  if (!(await isStale(path, staleMs))) return;
  const breaker = `${path}.break`;
  const me: Holder = { token: randomUUID(), host: hostname(), pid: process.pid };
  if (!(await tryCreate(breaker, me))) {
    // A breaker that crashed mid-break leaves its file; it is only ever held for an instant.
    if (await olderThan(breaker, staleMs)) await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    if (await isStale(path, staleMs)) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  const holder = await readHolder(path);
  if (holder === undefined) return false;
  if (holder !== null && holder.host === hostname() && !isAlive(holder.pid)) return true;
  return olderThan(path, staleMs);
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, run by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

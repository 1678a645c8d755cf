import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chown, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EDIT_MESSAGES as M } from './messages.js';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Error codes that mean "not allowed to write here": a read-only mount, permissions, a locked file. */
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Whether the folder, and the file when it exists, may be written: a read-only folder or
 * file is refused up front with a reason, before any work. The write itself still maps
 * its errors (root passes access() checks that a read-only mount then refuses).
 */
export async function checkWritable(dir: string, file: string): Promise<WriteResult> {
  try {
    if (!(await stat(dir)).isDirectory()) return { ok: false, reason: M.notAFolder(dir) };
  } catch {
    return { ok: false, reason: M.notAFolder(dir) };
  }
  for (const [path, what] of [
    [dir, `the FAQ folder ${dir}`],
    [file, basename(file)],
  ] as const) {
    try {
      await access(path, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code === 'ENOENT' && path === file) continue;
      return { ok: false, reason: READ_ONLY.has(code) ? M.readOnly(what, code) : M.writeFailed(code) };
    }
  }
  return { ok: true };
}

/**
 * Replaces `file` with `text` all at once: the text goes to a temporary file in the same
 * folder, is flushed to disk, takes the old file's mode and owner, and is renamed over the
 * old one. A reader sees the old file or the new one, never half of either; on any failure
 * the temporary file is removed and the old file is as it was.
 */
export async function writeFileAtomic(file: string, text: string): Promise<WriteResult> {
  const dir = dirname(file);
  // Dot-named and not *.yaml: the loader and the folder's reload never take it for knowledge.
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const old = await stat(file).catch(() => undefined);
  try {
    const handle = await open(temp, 'wx', old ? old.mode & 0o7777 : 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (old && (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())) {
      // Replacing the file must not hand it to another owner; only root can keep it.
      try {
        await chown(temp, old.uid, old.gid);
      } catch {
        await unlink(temp).catch(() => undefined);
        return { ok: false, reason: M.notOwner(basename(file)) };
      }
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (READ_ONLY.has(code)) return { ok: false, reason: M.readOnly(basename(file), code) };
    if (code === 'ENOSPC' || code === 'EDQUOT') return { ok: false, reason: M.diskFull };
    return { ok: false, reason: M.writeFailed(code) };
  }
  await syncFolder(dir);
  return { ok: true };
}

/** Makes the rename itself durable; some file systems cannot sync a folder, which is no failure. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Nothing to do: the rename has happened; only its durability across a power cut is less sure.
  }
}

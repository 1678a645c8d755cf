import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** A commit of one file takes milliseconds; a hung git (a prompt, a lock) must not hold the FAQ lock long. */
const GIT_TIMEOUT_MS = 10_000;

export type CommitResult =
  | { readonly status: 'committed' }
  | { readonly status: 'no-repository' }
  | { readonly status: 'failed'; readonly why: string };

/**
 * Commits `file` alone with `message` when its folder is inside a git work tree: `git
 * commit -- file` takes only that path, so whatever else a moderator has staged stays
 * staged. Not in a repository: nothing to do, and no error.
 */
export async function commitFile(file: string, message: string): Promise<CommitResult> {
  const git = (...args: string[]) => run('git', ['-C', dirname(file), ...args], { timeout: GIT_TIMEOUT_MS });
  try {
    const inside = await git('rev-parse', '--is-inside-work-tree');
    if (inside.stdout.trim() !== 'true') return { status: 'no-repository' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'failed', why: 'git is not installed' };
    return { status: 'no-repository' };
  }
  try {
    await git('add', '--', basename(file));
    await git('commit', '--quiet', '-m', message, '--', basename(file));
    return { status: 'committed' };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    return { status: 'failed', why: stderr.split('\n')[0] || String((error as Error).message).split('\n')[0]! };
  }
}

import { spawn, spawnSync } from 'node:child_process';

/** Runs an npm script as a moderator would, with no Discord token. */
export function npm(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npm', ['run', ...args], { env: { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: '', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop (for tests that serve a page from this process). */
export function npmAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', ...args], { env: { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

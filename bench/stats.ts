/** Small helpers shared by the benchmarks: percentiles, tables, machine facts. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';

/** Nearest-rank percentile (q in 0..1) of unsorted samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading), as a float. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Rounds for the JSON line: three significant decimals under 1, fewer above. */
export function num(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 100) return Math.round(x);
  if (Math.abs(x) >= 1) return Math.round(x * 100) / 100;
  return Math.round(x * 1000) / 1000;
}

export function fmt(x: number | undefined, digits?: number): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  if (digits !== undefined) return x.toFixed(digits);
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  if (Math.abs(x) >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

/** A plain-text table: first row is the header; numbers right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export interface MachineFacts {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memory_gb: number;
  fuse: string;
}

export function machineFacts(): MachineFacts {
  let fuse = '?';
  try {
    fuse = (JSON.parse(readFileSync(new URL('../node_modules/fuse.js/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    // not fatal: only printed
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${platform()} ${release()}`,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    fuse,
  };
}

export function machineLine(m: MachineFacts): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.platform}, Node ${m.node}, fuse.js ${m.fuse}`;
}

/**
 * Makes sure global.gc exists: when it does not, runs this same script again with
 * --expose-gc (tsx's loader flags are in execArgv) and exits with its status.
 */
export function ensureExposedGc(): void {
  if (typeof globalThis.gc === 'function') return;
  const result = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

/** A full collection, twice (the second one frees what finalisers of the first let go). */
export function fullGc(): void {
  globalThis.gc?.();
  globalThis.gc?.();
}

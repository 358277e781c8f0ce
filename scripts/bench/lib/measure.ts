/**
 * Runs one benchmark phase as a child process and measures its wall time and peak memory.
 *
 * Peak memory is the resident set of the whole process tree (Node plus any binary it starts, such as Pagefind),
 * sampled every 50 ms from /proc, in total and per kind of process: `/usr/bin/time`'s maxrss would report only the largest single process, which
 * hides the Pagefind binary's share of an `astro build`.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * What a process in a build's tree is, from its command line: the pipeline's phases run in different processes
 * (scripts/build.ts starts `astro build`, then runs Pagefind's binary and the checks itself), so the peak of each
 * kind says which phase holds the memory.
 */
export function processKind(commandLine: string): string {
  if (commandLine.includes('pagefind')) return 'pagefind';
  if (commandLine.includes('astro.mjs')) return 'astro';
  if (commandLine.includes('scripts/build.ts')) return 'build script (checks)';
  if (commandLine.includes('hugo')) return 'hugo';
  return 'other';
}

/** Every process in the tree under `pid` (itself included) with its command line and resident memory in bytes. */
export function processTree(pid: number): { pid: number; commandLine: string; rss: number }[] {
  const found: { pid: number; commandLine: string; rss: number }[] = [];
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    found.push({ pid, commandLine, rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024 });
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children === '' ? [] : children.split(/\s+/)) found.push(...processTree(Number(child)));
    }
  } catch {
    // The process ended between listing and reading: nothing more to count.
  }
  return found;
}

/** Resident memory of a process tree by kind of process (processKind), in bytes. */
export function treeRssByKind(pid: number): Map<string, number> {
  const byKind = new Map<string, number>();
  for (const { commandLine, rss } of processTree(pid)) {
    const kind = processKind(commandLine);
    byKind.set(kind, (byKind.get(kind) ?? 0) + rss);
  }
  return byKind;
}

export interface PhaseResult {
  seconds: number;
  /** Peak resident memory of the process tree, bytes. */
  peakRss: number;
  /** Peak resident memory of each kind of process in the tree (processKind), bytes: which phase holds the peak. */
  peakByKind: Record<string, number>;
  code: number;
  /** Combined stdout and stderr (for error messages and for figures the phase prints). */
  output: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
}

/** Run `command args…`, sampling the tree's memory; never throws on a non-zero exit (the caller decides). */
export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakRss = 0;
    const peakByKind: Record<string, number> = {};
    let output = '';
    const sample = () => {
      const byKind = treeRssByKind(child.pid ?? 0);
      let total = 0;
      for (const [kind, rss] of byKind) {
        total += rss;
        peakByKind[kind] = Math.max(peakByKind[kind] ?? 0, rss);
      }
      peakRss = Math.max(peakRss, total);
    };
    const sampler = setInterval(sample, 50);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({ seconds: (performance.now() - started) / 1000, peakRss, peakByKind, code: code ?? 1, output });
    });
  });
}

/** Run and throw with the output's tail when the phase fails: a failed phase has no meaningful figures. */
export async function runPhase(
  name: string,
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<PhaseResult> {
  const result = await runMeasured(command, args, options);
  if (result.code !== 0) throw new Error(`${name} failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  return result;
}

/** Total size and number of files under `dir` (0 when it does not exist), optionally only files matching. */
export function folderSize(dir: string, match: RegExp = /./): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return { bytes, files };
  }
  for (const name of names) {
    const stat = statSync(path.join(dir, name));
    if (stat.isFile() && match.test(name)) {
      bytes += stat.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Load average of the last 1, 5 and 15 minutes, as printed next to every figure. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "1,650 MB": whole megabytes with a thousands separator, as the tables print peaks. */
export const wholeMb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

/** "astro 1,650 MB, pagefind 420 MB": each kind's own peak, largest first (the peaks need not coincide). */
export function peaksByKind(result: Pick<PhaseResult, 'peakByKind'>): string {
  return Object.entries(result.peakByKind)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${wholeMb(bytes)}`)
    .join(', ');
}
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

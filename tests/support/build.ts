/**
 * Runs the real build (`scripts/build.ts`, what `npm run build` runs) into a folder of its own, so tests never touch
 * `dist/` and can build several content directories side by side.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** The demo content is evaluated on this day in tests, so 公示期 states do not drift with the calendar. */
export const DEMO_TODAY = '2026-11-24';
export const OUTPUT_ROOT = path.resolve('tests/.output');
/** Where the demo is built for tests; GONGKAILAN_DEMO_OUT lets parallel workers keep separate builds. */
export const DEMO_OUT_DIR = path.resolve(process.env.GONGKAILAN_DEMO_OUT ?? path.join(OUTPUT_ROOT, 'demo'));
/** Written by the global setup when the demo build has ended: `{ ok }`, or `{ ok: false, error }` with its output. */
export const DEMO_READY = path.join(OUTPUT_ROOT, 'demo-build.json');

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  today: string;
  env?: Record<string, string>;
}

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * One JSON line per build a test ran (content folder, seconds, exit code): the summary reporter prints how many builds
 * a run made and how long they took, the first place to look when the suite gets slow. Emptied by global setup.
 */
export const BUILD_LOG = path.join(OUTPUT_ROOT, 'build-times.jsonl');

/** What the test runner adds to the environment: Vite's import.meta.env values (MODE=test, DEV…) and its own. */
const RUNNER_ENV = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/**
 * The environment a user's shell has: without what the test runner adds (NODE_ENV=test, MODE=test, DEV, VITEST_*).
 * Under NODE_ENV=test Astro builds in its development mode, where src/data recomputes every value on every page (as
 * `astro dev` must): the demo took 84 s to build instead of 11 s, and a test would not be testing `npm run build`.
 * MODE=test and DEV=1 still made a test's build of the demo three times slower than the same build from a shell.
 */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !RUNNER_ENV.has(key) && !key.startsWith('VITEST')),
  );
}

/** One build, as `npm run build` runs it. */
function runBuildOnce(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      env: {
        ...userEnv(),
        CONTENT_DIR: path.resolve(options.contentDir),
        OUT_DIR: path.resolve(options.outDir),
        ASTRO_CACHE_DIR: path.resolve(options.outDir, '..', `.cache-${path.basename(options.outDir)}`),
        BUILD_DATE: options.today,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      mkdirSync(OUTPUT_ROOT, { recursive: true });
      appendFileSync(
        BUILD_LOG,
        `${JSON.stringify({ content: path.relative(process.cwd(), path.resolve(options.contentDir)), seconds, code })}\n`,
      );
      resolve({ code: code ?? 1, output });
    });
  });
}

/**
 * Astro writes `.astro/content-assets.mjs` and `content-modules.mjs` in the project root through one fixed
 * `<file>.tmp` name, and rewrites them during a build (two forms of an empty map). Two builds of the same checkout
 * at once, as this suite runs them, can rename each other's temporary file away and one fails with ENOENT. A
 * deployment never runs two builds at once (the workflow's concurrency group), so only the tests meet it; the build
 * that lost the race is run once more (the build log lists both runs).
 */
const DOT_ASTRO_RACE =
  /ENOENT: no such file or directory, rename '[^']*\.astro[/\\]content-(?:assets|modules)\.mjs\.tmp'/;

/** Build and return the exit code and combined output (does not throw on failure). */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const result = await runBuildOnce(options);
  if (result.code === 0 || !DOT_ASTRO_RACE.test(result.output)) return result;
  return runBuildOnce(options);
}

/** Build and throw with the build's output if it fails. */
export async function buildSite(options: BuildOptions): Promise<string> {
  const result = await runBuild(options);
  if (result.code !== 0) throw new Error(`build of ${options.contentDir} failed:\n${result.output}`);
  return result.output;
}

/** Where shared scenario builds live; the site project's global setup empties it at the start of each run. */
export const SHARED_ROOT = path.join(OUTPUT_ROOT, 'shared');

export interface SharedBuildOptions {
  /** Content folders copied in this order into one content folder (a base fixture, then a scenario's files). */
  content: readonly string[];
  /**
   * When given, the content folder is a git repository with one commit per layer, with these subjects (one per
   * layer, same order), as in production, where the build reads each page's change history from git.
   */
  commits?: readonly string[];
  /** When given with `commits`: each layer's commit date (ISO 8601), for pages that date data by its last change. */
  commitDates?: readonly string[];
  today: string;
  env?: Record<string, string>;
}

export interface SharedBuild {
  /** The content folder that was built (do not change it: other test files read the same build). */
  contentDir: string;
  outDir: string;
  output: string;
}

/** Digest of every file (relative path and bytes) of the content layers in order, the build day and the environment. */
export function sharedKey(options: SharedBuildOptions): string {
  const hash = createHash('sha256');
  for (const dir of options.content) {
    hash.update('layer\0'); // where a layer lives does not matter, only its files and their order
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    for (const file of files) {
      const full = path.join(dir, file);
      if (!statSync(full).isFile()) continue;
      hash.update(`file\0${file}\0`).update(readFileSync(full)).update('\0');
    }
  }
  hash.update(`commits\0${JSON.stringify(options.commits ?? null)}\0`);
  hash.update(`dates\0${JSON.stringify(options.commitDates ?? null)}\0`);
  hash.update(`today\0${options.today}\0env\0${JSON.stringify(Object.entries(options.env ?? {}).sort())}`);
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process id written into a lock folder, undefined while it is being written or once the lock is gone. */
function lockOwner(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function lockAgeMs(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Commit everything in `dir` as one commit with `subject` (a new repository for the first layer), dated `date`. */
function commitLayer(dir: string, subject: string, first: boolean, date: string | undefined): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=村务编辑', '-c', 'user.email=editor@example.org', ...args], {
      cwd: dir,
      env: date === undefined ? process.env : { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: 'ignore',
    });
  if (first) git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', subject);
}

/**
 * Build a scenario once per test run, whichever test files ask for it: the same content on the same day is built
 * by the first file that needs it while the others (in parallel workers) wait for that build instead of repeating
 * it. Keyed by the content's files, the day and the environment, so a test that changes any of them gets a build
 * of its own. Throws with the build's output if it fails. Read-only for callers: never write into the result.
 */
export async function sharedBuild(options: SharedBuildOptions): Promise<SharedBuild> {
  const dir = path.join(SHARED_ROOT, sharedKey(options));
  const contentDir = path.join(dir, 'content');
  const outDir = path.join(dir, 'site');
  const done = path.join(dir, 'build.log');
  const failed = path.join(dir, 'build-failed.log');
  const lock = `${dir}.lock`;
  mkdirSync(SHARED_ROOT, { recursive: true });
  for (;;) {
    if (existsSync(done)) return { contentDir, outDir, output: readFileSync(done, 'utf8') };
    if (existsSync(failed))
      throw new Error(`build of ${options.content.join(' + ')} failed:\n${readFileSync(failed, 'utf8')}`);
    try {
      mkdirSync(lock); // atomic: exactly one worker builds
    } catch {
      // Another worker is building it. One that died mid-build (a cancelled run) leaves its lock: take it over.
      const owner = lockOwner(lock);
      if (owner === undefined ? lockAgeMs(lock) > 30_000 : !alive(owner))
        rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      rmSync(dir, { recursive: true, force: true });
      for (const [index, layer] of options.content.entries()) {
        cpSync(layer, contentDir, { recursive: true });
        const subject = options.commits?.[index];
        if (subject !== undefined) commitLayer(contentDir, subject, index === 0, options.commitDates?.[index]);
      }
      const result = await runBuild({
        contentDir,
        outDir,
        today: options.today,
        ...(options.env ? { env: options.env } : {}),
      });
      writeFileSync(result.code === 0 ? done : failed, result.output);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * Pages and files an incremental build copied from the last build ("(restored)" in Astro's log) and those it
 * rendered, from the output of a build (`npm run build`). Shared by tests/incremental-build.test.ts and the pipeline
 * benchmark.
 */
export function pageReuse(output: string): { restored: number; rendered: number } {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => /^\S+\s+[├└]─ \//.test(line));
  const restored = lines.filter((line) => line.includes('(restored)')).length;
  return { restored, rendered: lines.length - restored };
}

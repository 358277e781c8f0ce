/**
 * Runs the real build (`scripts/build.ts`, what `npm run build` runs) into a folder of its own, so tests never touch
 * `dist/` and can build several content directories side by side.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The demo content is evaluated on this day in tests, so 公示期 states do not drift with the calendar. */
export const DEMO_TODAY = '2026-11-24';
export const OUTPUT_ROOT = path.resolve('tests/.output');
/** Where the demo is built for tests; GONGKAILAN_DEMO_OUT lets parallel workers keep separate builds. */
export const DEMO_OUT_DIR = path.resolve(process.env.GONGKAILAN_DEMO_OUT ?? path.join(OUTPUT_ROOT, 'demo'));

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

/** Build and return the exit code and combined output (does not throw on failure). */
export function runBuild(options: BuildOptions): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      env: {
        ...process.env,
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
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Build and throw with the build's output if it fails. */
export async function buildSite(options: BuildOptions): Promise<string> {
  const result = await runBuild(options);
  if (result.code !== 0) throw new Error(`build of ${options.contentDir} failed:\n${result.output}`);
  return result.output;
}

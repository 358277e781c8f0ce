/**
 * The scheduled build runs at 00:10 in China, and again whenever published content reaches main; it does what the
 * maintainers' runbook says: validate, build with its checks and deploy atomically, then check external links
 * without blocking the deploy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Workflow {
  on: { schedule: { cron: string }[]; push?: { branches?: string[]; paths?: string[] } };
  jobs: Record<
    string,
    { steps: { run?: string; env?: Record<string, string> }[]; 'continue-on-error'?: boolean; needs?: string }
  >;
}
const workflow = parse(readFileSync('.github/workflows/daily-build.yml', 'utf8')) as Workflow;

describe('the daily build workflow', () => {
  it('is scheduled for 00:10 Asia/Shanghai', () => {
    const [minute, hour] = (workflow.on.schedule[0]?.cron ?? '').split(' ').map(Number) as [number, number];
    const utc = new Date(Date.UTC(2026, 10, 23, hour, minute));
    const china = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
    expect(china.format(utc)).toBe('00:10');
  });

  it('also runs when a change to the content reaches main (an editor publishes in the CMS)', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on.push?.paths).toEqual(['content/**']);
  });

  it('checks every output file on the nightly release, only changed files on a publish', () => {
    const deploy = workflow.jobs['build-and-deploy']?.steps.find((s) => s.run?.includes('npm run deploy'));
    expect(deploy?.env?.GONGKAILAN_FULL_CHECKS).toBe("${{ github.event_name == 'push' && '0' || '1' }}");
  });

  it('validates, then deploys through the atomic deploy script', () => {
    const runs = (workflow.jobs['build-and-deploy']?.steps ?? []).map((s) => s.run ?? '');
    const validate = runs.findIndex((r) => r.includes('npm run validate'));
    const deploy = runs.findIndex((r) => r.includes('npm run deploy'));
    expect(validate).toBeGreaterThanOrEqual(0);
    expect(deploy).toBeGreaterThan(validate);
  });

  it('checks external links after the deploy without failing it', () => {
    const job = workflow.jobs['external-links'];
    expect(job?.needs).toBe('build-and-deploy');
    expect(job?.['continue-on-error']).toBe(true);
    expect(job?.steps.some((s) => s.run?.includes('check:external-links'))).toBe(true);
  });
});

describe('the lockfile CI installs with npm ci', () => {
  interface LockEntry {
    optionalDependencies?: Record<string, string>;
  }
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

  /** npm resolves a dependency of `node_modules/a` in `node_modules/a/node_modules/…`, then up the tree. */
  function resolves(from: string, name: string): boolean {
    let dir = from;
    for (;;) {
      if (lock.packages[`${dir === '' ? '' : `${dir}/`}node_modules/${name}`] !== undefined) return true;
      if (dir === '') return false;
      const cut = dir.lastIndexOf('/node_modules/');
      dir = cut < 0 ? '' : dir.slice(0, cut);
    }
  }

  it('lists every platform binary each package names, so npm install on any machine leaves it unchanged', () => {
    const missing = Object.entries(lock.packages).flatMap(([where, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolves(where, name))
        .map((name) => `${where || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('is what CI and the daily build install, with npm ci', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm ci\b/m);
    const installs = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .map((s) => s.run ?? '')
      .filter((run) => /\bnpm (ci|install)\b/.test(run));
    expect(installs.length).toBeGreaterThan(0);
    for (const run of installs) expect(run).not.toMatch(/\bnpm install\b/);
  });
});

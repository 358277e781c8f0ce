/**
 * The county simulation workflow (.github/workflows/county-build.yml): one parallel job per town, the county job
 * after all of them. Checked here because GitHub only runs it by hand: a town missing from the matrix or from the
 * county's list, or a step calling a script that was renamed, would otherwise show only in a failed run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix: { town: { id: string; name: string; seed: number }[] } };
  steps: Step[];
}
const workflow = parse(readFileSync('.github/workflows/county-build.yml', 'utf8')) as { jobs: Record<string, Job> };
const towns = JSON.parse(readFileSync('county/simulation-towns.json', 'utf8')) as {
  name: string;
  url: string;
  dist: string;
}[];
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const townJob = workflow.jobs.town;
const countyJob = workflow.jobs.county;

describe('the county simulation workflow', () => {
  it('builds one job per town, the same towns as the county build merges, each with its own seed', () => {
    const matrix = townJob?.strategy?.matrix.town ?? [];
    expect(matrix.length).toBe(25);
    expect(towns.map((t) => [t.name, t.url, t.dist])).toEqual(
      matrix.map((t) => [`${t.name}街道`, `https://${t.id}.example/`, `towns/town-${t.id}`]),
    );
    expect(matrix.map((t) => t.seed)).toEqual(matrix.map((_, i) => i + 1));
  });

  it('builds each town with npm run build into the folder it uploads, at the URL the county links to', () => {
    const steps = townJob?.steps ?? [];
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build?.env).toMatchObject({
      CONTENT_DIR: 'town/content',
      OUT_DIR: 'town/site',
      SITE_URL: 'https://${{ matrix.town.id }}.example/',
    });
    expect(steps.find((s) => s.run?.includes('scripts/bench/corpus.ts'))?.run).toContain(' town/content ');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with).toMatchObject({ name: 'town-${{ matrix.town.id }}', path: 'town/site' });
  });

  it('runs the county build after every town, on the artifacts the towns uploaded', () => {
    expect([countyJob?.needs].flat()).toEqual(['town']);
    const steps = countyJob?.steps ?? [];
    const download = steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact'));
    const build = steps.findIndex((s) => s.run?.startsWith('npm run build:county'));
    expect(download).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(download);
    // The county list's `dist` is relative to its own folder: county/towns/town-<id>.
    expect(steps[download]?.with).toMatchObject({ pattern: 'town-*', path: 'county/towns' });
    expect(steps[build]?.run).toContain('county/simulation-towns.json');
  });

  it('calls only npm scripts and files that exist', () => {
    const runs = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .flatMap((s) => (s.run ?? '').split('\n'))
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(runs.length).toBeGreaterThan(6);
    for (const line of runs) {
      const npmScript = /^npm run ([\w:-]+)/.exec(line)?.[1];
      const nodeFile = /^node (\S+\.m?[jt]s)\b/.exec(line)?.[1];
      if (npmScript !== undefined) expect(scripts, line).toHaveProperty([npmScript]);
      else if (nodeFile !== undefined) expect(existsSync(path.resolve(nodeFile)), line).toBe(true);
      else
        expect(line, 'a run line that is neither npm ci, npm run nor node <file>').toMatch(
          /^(npm ci\b|echo .*GITHUB_PATH)/,
        );
    }
  });
});

/**
 * On the bundled demo (built on 2026-11-24 by the global setup): the privacy, markup and link checks pass with no
 * false positives, the build report lists the one village behind on its disclosures, and residents see the badge.
 * The CMS's gate context, served on the public site, holds only what is public on the build day.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateContext } from '../src/lib/content/content-gate.ts';
import { DEMO_OUT_DIR } from './support/build.ts';

const info = JSON.parse(readFileSync(path.join(DEMO_OUT_DIR, 'build-info.json'), 'utf8')) as {
  today: string;
  warnings: string[];
  checks: { filesScanned: number; searchIndexFilesScanned: number; linksChecked: number; problems: number };
};
const page = (p: string) => readFileSync(path.join(DEMO_OUT_DIR, p, 'index.html'), 'utf8');

describe('the demo build', () => {
  it('passes the output scan over every file and the search index with no false positive', () => {
    expect(info.today).toBe('2026-11-24');
    expect(info.checks.problems).toBe(0);
    expect(info.checks.searchIndexFilesScanned).toBeGreaterThan(0);
    expect(info.checks.linksChecked).toBeGreaterThan(1000);
  });

  it('reports 南岭村 as missing its October 2026 finance disclosure, and no one else', () => {
    expect(info.warnings).toEqual([
      '未按期公开：南岭村：2026年10月财务收支未公开（应于 2026年11月10日 前公开，上次公开于 2026年10月10日）',
    ]);
  });

  it('shows the overdue badge on 南岭村’s page and not on an up-to-date village', () => {
    expect(page('places/nanling')).toContain('2026年10月财务收支未公开');
    expect(page('places/nanling')).toMatch(/<section class="overdue-badge"/);
    expect(page('places/taoyuan')).not.toMatch(/<section class="overdue-badge"/);
  });
});

describe('/admin/gate-context.json in the built demo', () => {
  // Under `npm run cms` the context is complete and read from the files on every request (tests/cms-dev.test.ts).
  it('holds only what is public on the build day', () => {
    const built = JSON.parse(readFileSync(path.join(DEMO_OUT_DIR, 'admin/gate-context.json'), 'utf8')) as GateContext;
    expect(built.partial).toBe(true);
    const notices = built.entries.filter((e) => e.collection === 'notices').map((e) => e.id);
    expect(notices).toContain('2026-11-23-shiqiao-zhaijidi-2026');
    // Scheduled for 2026-12-01: its id must not show on the public site before its day.
    expect(JSON.stringify(built)).not.toContain('2026-12-01-yunxi-yibao-jiaofei-2027');
  });
});

/**
 * A corrected figure, built for real: the partial-month fixture is committed to a fresh git repository on
 * 2026-10-05, then 西村's September 干部解题 is corrected from 113 to 110 on 2026-11-02 (as a clerk's second save
 * would be). The place and month pages show the revision log, stats-records.csv marks the record `revised`, and
 * stats-revisions.csv lists the change (field, old → new, date).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { buildSite, OUTPUT_ROOT } from './support/build.ts';

const OUT = path.join(OUTPUT_ROOT, 'stats-revisions');
const read = (file: string) => readFileSync(path.join(OUT, file), 'utf8');
const text = (file: string) =>
  (/<main[\s\S]*<\/main>/.exec(read(file))?.[0] ?? '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  // A fixed path and no content cache: Astro's cache keeps an unchanged entry's file path from an earlier build,
  // which would point git at a folder that no longer exists.
  const content = path.join(OUTPUT_ROOT, 'stats-revisions-content');
  rmSync(content, { recursive: true, force: true });
  rmSync(path.join(OUTPUT_ROOT, '.cache-stats-revisions'), { recursive: true, force: true });
  cpSync('tests/fixtures/stats-partial', content, { recursive: true });
  const git = (date: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: content,
      env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    });
  git('2026-10-05T02:00:00Z', 'init', '-q');
  git('2026-10-05T02:00:00Z', 'add', '-A');
  git('2026-10-05T02:00:00Z', 'commit', '-q', '-m', '统计');
  const file = path.join(content, 'stats', 'xicun-2026-09.json');
  const record = JSON.parse(readFileSync(file, 'utf8')) as { demands: { resolved: number } };
  expect(record.demands.resolved).toBe(113);
  record.demands.resolved = 110;
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  git('2026-11-02T02:00:00Z', 'commit', '-q', '-am', '更正西村九月统计');
  await buildSite({ contentDir: content, outDir: OUT, today: '2026-11-24' });
}, 240_000);

describe('a statistics record corrected after publication', () => {
  it('shows the revision (field, old → new, day) on the place page and the month page', () => {
    for (const page of ['stats/place/xicun/index.html', 'stats/2026/09/index.html']) {
      expect(text(page), page).toContain(
        '修订记录（1） 2026年11月2日修订 西村2026年9月统计 干部解题（已办结）：113 → 110',
      );
    }
    expect(text('stats/place/dongcun/index.html')).not.toContain('修订记录');
  });

  it('marks the record revised in stats-records.csv and lists the change in stats-revisions.csv', () => {
    const wide = parseCsv(read('data/stats-records.csv'));
    const header = wide[0]!.cells;
    const row = wide.find((r) => r.cells[0] === 'xicun-2026-09')!.cells;
    expect(row[header.indexOf('revised')]).toBe('2026-11-02');
    expect(row[header.indexOf('demands.resolved')]).toBe('110');
    expect(wide.find((r) => r.cells[0] === 'dongcun-2026-09')!.cells[header.indexOf('revised')]).toBe('');
    const log = parseCsv(read('data/stats-revisions.csv')).map((r) => r.cells);
    expect(log[0]).toEqual([
      'place',
      'place_name',
      'month',
      'date',
      'commit',
      'kind',
      'kind_label',
      'field',
      'field_title',
      'old',
      'new',
    ]);
    expect(log.slice(1).map((r) => [...r.slice(0, 4), ...r.slice(5)])).toEqual([
      [
        'xicun',
        '西村',
        '2026-09',
        '2026-11-02',
        'revised',
        '修订',
        'demands.resolved',
        '干部解题（已办结）',
        '113',
        '110',
      ],
    ]);
  });
});

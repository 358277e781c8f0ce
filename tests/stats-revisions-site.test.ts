/**
 * A corrected figure, built for real (the shared scenario STATS_PARTIAL_CORRECTED, tests/support/scenarios.ts): the
 * partial-month fixture is committed to a fresh git repository on 2026-10-05, then 西村's September 干部解题 is
 * corrected from 113 to 110 on 2026-11-02 (as a clerk's second save would be). The place and month pages show the
 * revision log, stats-records.csv marks the record `revised`, and stats-revisions.csv lists the change (field,
 * old → new, date). tests/stats-completeness-site.test.ts reads the same build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { sharedBuild } from './support/build.ts';
import { STATS_PARTIAL_CORRECTED } from './support/scenarios.ts';

let out: string;
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
const text = (file: string) =>
  (/<main[\s\S]*<\/main>/.exec(read(file))?.[0] ?? '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  ({ outDir: out } = await sharedBuild(STATS_PARTIAL_CORRECTED));
}, 240_000);

describe('the scenario', () => {
  it('changes nothing in the corrected record but 干部解题, 113 → 110', () => {
    const [base, correction] = STATS_PARTIAL_CORRECTED.content.map(
      (layer) =>
        JSON.parse(readFileSync(path.join(layer, 'stats', 'xicun-2026-09.json'), 'utf8')) as {
          demands: { resolved: number };
        },
    );
    expect([base?.demands.resolved, correction?.demands.resolved]).toEqual([113, 110]);
    expect({ ...correction, demands: { ...correction?.demands, resolved: 113 } }).toEqual(base);
  });
});

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

import { describe, expect, it } from 'vitest';
import { describeOverdue, financeMonthDue, overdueDisclosures, quarterDue } from './disclosure-cadence.ts';

const places = [
  { id: 'yunxi', name: '云溪街道', level: 'street' },
  { id: 'taoyuan', name: '桃源村', level: 'village' },
  { id: 'nanling', name: '南岭村', level: 'village' },
  { id: 'taoyuan-g1', name: '第一网格', level: 'grid' },
];

describe('which period is due', () => {
  it('expects last month’s finances from the 10th on (configurable), and the month before until then', () => {
    expect(financeMonthDue('2026-11-24')).toBe('2026-10');
    expect(financeMonthDue('2026-11-10')).toBe('2026-10');
    expect(financeMonthDue('2026-11-09')).toBe('2026-09');
    expect(financeMonthDue('2026-01-20')).toBe('2025-12');
    expect(financeMonthDue('2026-11-14', 15)).toBe('2026-09');
    expect(financeMonthDue('2026-11-15', 15)).toBe('2026-10');
  });

  it('expects the previous quarter’s general disclosure from the 15th of the quarter’s first month', () => {
    expect(quarterDue('2026-11-24')).toMatchObject({ period: '2026-Q3', label: '2026年第三季度', dueBy: '2026-10-15' });
    expect(quarterDue('2026-10-14')).toMatchObject({ period: '2026-Q2', dueBy: '2026-07-15' });
    expect(quarterDue('2026-01-15')).toMatchObject({ period: '2025-Q4', dueBy: '2026-01-15' });
  });
});

describe('overdueDisclosures', () => {
  const upToDate = [
    { place: 'taoyuan', category: 'finance', published: '2026-11-05' },
    { place: 'taoyuan', category: 'village', published: '2026-08-10' },
  ];

  it('reports a village whose October finances are not published by 24 November, and nothing for one that is', () => {
    const notices = [
      ...upToDate,
      { place: 'nanling', category: 'finance', published: '2026-10-08' },
      { place: 'nanling', category: 'village', published: '2026-09-30' },
    ];
    const overdue = overdueDisclosures(places, notices, '2026-11-24');
    expect(overdue).toEqual([
      {
        place: 'nanling',
        placeName: '南岭村',
        kind: 'finance-monthly',
        period: '2026-10',
        periodLabel: '2026年10月',
        dueBy: '2026-11-10',
        lastPublished: '2026-10-08',
      },
    ]);
    expect(describeOverdue(overdue[0]!)).toBe(
      '南岭村：2026年10月财务收支未公开（应于 2026年11月10日 前公开，上次公开于 2026年10月8日）',
    );
  });

  it('reports both kinds for a village that never published, and skips the 街道 and grids', () => {
    const overdue = overdueDisclosures(places, upToDate, '2026-11-24');
    expect(overdue.map((o) => `${o.place}:${o.kind}`)).toEqual([
      'nanling:finance-monthly',
      'nanling:general-quarterly',
    ]);
    expect(describeOverdue(overdue[1]!, false)).toBe(
      '2026年第三季度村务未公开（应于 2026年10月15日 前公开，尚无此类公开）',
    );
  });

  it('counts a finance or other 村务 notice as the quarter’s general disclosure, but not a 党务 notice', () => {
    const finance = [{ place: 'taoyuan', category: 'finance', published: '2026-11-05' }];
    expect(overdueDisclosures(places.slice(0, 2), finance, '2026-11-24')).toEqual([]);
    const party = [
      ...finance.map((n) => ({ ...n, published: '2026-06-30' })),
      { place: 'taoyuan', category: 'party', published: '2026-11-05' },
    ];
    // Covered up to May (published 30 June, no declared month): only the latest due month is checked. The 党务
    // notice does not count as the third quarter's general disclosure.
    expect(overdueDisclosures(places.slice(0, 2), party, '2026-11-24').map((o) => `${o.kind} ${o.period}`)).toEqual([
      'finance-monthly 2026-10',
      'general-quarterly 2026-Q3',
    ]);
  });

  it('does not count a notice scheduled after the build day', () => {
    const scheduled = [...upToDate, { place: 'taoyuan', category: 'finance', published: '2026-11-30' }];
    const withoutOctober = scheduled.filter((n) => n.published !== '2026-11-05');
    expect(overdueDisclosures(places.slice(0, 2), withoutOctober, '2026-11-24').map((o) => o.kind)).toEqual([
      'finance-monthly',
    ]);
  });

  it('does not call a place overdue before the due day', () => {
    const notices = [
      { place: 'taoyuan', category: 'finance', published: '2026-10-09' },
      { place: 'taoyuan', category: 'village', published: '2026-07-01' },
    ];
    // On 9 November only September's finances are due, and they were published in October.
    expect(overdueDisclosures(places.slice(0, 2), notices, '2026-11-09')).toEqual([]);
    expect(overdueDisclosures(places.slice(0, 2), notices, '2026-11-10').map((o) => o.period)).toEqual(['2026-10']);
    // With the due day set to the 15th, 14 November is still in time.
    expect(overdueDisclosures(places.slice(0, 2), notices, '2026-11-14', [], { financeDueDay: 15 })).toEqual([]);
  });
});

describe('finance coverage', () => {
  const taoyuan = places.slice(0, 2);
  const general = { place: 'taoyuan', category: 'village', published: '2026-10-01' };
  const finance = (published: string, covers?: string) => ({
    place: 'taoyuan',
    category: 'finance',
    published,
    ...(covers ? { covers } : {}),
  });
  const periods = (
    notices: Parameters<typeof overdueDisclosures>[1],
    ledgers = [] as { place: string; month: string }[],
  ) => overdueDisclosures(taoyuan, [general, ...notices], '2026-11-24', ledgers).map((o) => `${o.period} ${o.dueBy}`);

  it('goes by the month a notice covers, not by when it was published', () => {
    // Published in November but declaring September: October is still not disclosed.
    expect(periods([finance('2026-10-09', '2026-09'), finance('2026-11-05', '2026-09')])).toEqual([
      '2026-10 2026-11-10',
    ]);
    expect(periods([finance('2026-10-09', '2026-09'), finance('2026-11-20', '2026-10')])).toEqual([]);
  });

  it('reports every month left uncovered since the first declared one, not only the latest', () => {
    expect(
      periods([finance('2026-08-05', '2026-07'), finance('2026-10-09', '2026-09'), finance('2026-11-05')]),
    ).toEqual(['2026-08 2026-09-10']);
  });

  it('counts a published ledger as the month’s disclosure', () => {
    const ledgers = [
      { place: 'taoyuan', month: '2026-08' },
      { place: 'taoyuan', month: '2026-09' },
      { place: 'taoyuan', month: '2026-10' },
      { place: 'nanling', month: '2026-10' },
    ];
    expect(periods([], ledgers)).toEqual([]);
    expect(periods([], ledgers.slice(0, 2))).toEqual(['2026-10 2026-11-10']);
    expect(periods([finance('2026-11-05')], ledgers.slice(0, 1))).toEqual(['2026-09 2026-10-10']);
  });
});

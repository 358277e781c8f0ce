/**
 * Scenario sites several test files read, each built once per run by `sharedBuild` (tests/support/build.ts):
 * a base fixture with scenario folders of tests/fixtures/sites/ laid over it (see its README).
 */

/**
 * valid-minimal plus a scheduled notice (2026-12-03) and drafts of a notice, a legal article and a meeting, the
 * hidden notices' attachments, a public meeting whose decision names the scheduled notice, and two edits of the
 * public notice: one in the same commit that adds the hidden items, one on its own.
 */
export const HIDDEN_ITEMS = {
  content: [
    'tests/fixtures/valid-minimal',
    'tests/fixtures/sites/hidden-items',
    'tests/fixtures/sites/hidden-items-followup',
  ],
  /** One commit per layer, as a CMS with a git backend makes them (`git add .` sweeps every changed file). */
  commits: ['初始内容', '发布翠微定时公告甲通知（2026-12-03-qx7-weilai），更正十月财务', '补充十月财务经手人'],
} as const;
/** A build day on which every hidden item is still hidden. */
export const BEFORE_PUBLISH_DAY = '2026-11-24';
/** 16:30 UTC on 2 December is 00:30 on 3 December in China: the scheduled notice's publish day. */
export const ON_PUBLISH_DAY = '2026-12-02T16:30:00Z';

/**
 * tests/fixtures/stats-partial (seven units; August and September 2026 complete, October reported by 东村 alone),
 * committed on 2026-10-05, then 西村's September 干部解题 corrected from 113 to 110 on 2026-11-02 (a clerk's second
 * save): the town's September 干部解题 is 928 after it. Built on 2026-11-24, after October's due day.
 */
export const STATS_PARTIAL_CORRECTED = {
  content: ['tests/fixtures/stats-partial', 'tests/fixtures/sites/stats-partial-correction'],
  commits: ['统计', '更正西村九月统计'],
  commitDates: ['2026-10-05T02:00:00Z', '2026-11-02T02:00:00Z'],
  today: '2026-11-24',
} as const;

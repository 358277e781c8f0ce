/**
 * Scenario sites several test files read, each built once per run by `sharedBuild` (tests/support/build.ts):
 * a base fixture with a scenario folder of tests/fixtures/sites/ laid over it (see its README).
 */

/** valid-minimal plus a scheduled notice (2026-12-03) and drafts of a notice, a legal article and a meeting. */
export const HIDDEN_ITEMS = ['tests/fixtures/valid-minimal', 'tests/fixtures/sites/hidden-items'] as const;
/** A build day on which every hidden item is still hidden. */
export const BEFORE_PUBLISH_DAY = '2026-11-24';
/** 16:30 UTC on 2 December is 00:30 on 3 December in China: the scheduled notice's publish day. */
export const ON_PUBLISH_DAY = '2026-12-02T16:30:00Z';

import { describe, expect, it } from 'vitest';
import { goalTable, goalVerdicts, memoryGoal, parseSteps, type MeasuredBuild } from './goals.ts';

const GB = 1024 ** 3;
const build = (seconds: number, steps: string, peakByKind: Record<string, number>): MeasuredBuild => ({
  seconds,
  steps,
  peakRss: Object.values(peakByKind).reduce((a, b) => a + b, 0),
  peakByKind,
});

describe('parseSteps', () => {
  it("reads scripts/build.ts's step line", () => {
    expect(parseSteps('astro 23.3 s, pagefind 3.6 s, post-build-checks 6.5 s')).toEqual([
      { name: 'astro', seconds: 23.3 },
      { name: 'pagefind', seconds: 3.6 },
      { name: 'post-build-checks', seconds: 6.5 },
    ]);
  });
});

describe('goalVerdicts', () => {
  const full = build(107, 'astro 60.0 s, pagefind 24.1 s, post-build-checks 22.2 s', { astro: 1.5 * GB });
  const notice = build(38.1, 'astro 23.3 s, pagefind 3.6 s, post-build-checks 6.5 s', { astro: 1.6 * GB });
  const nextDay = build(56, 'astro 29.7 s, pagefind 13.3 s, post-build-checks 8.3 s', {
    astro: 1.7 * GB,
    'build script (checks)': 0.4 * GB,
  });

  it('names the step that holds a missed time goal and the process that holds a missed memory goal', () => {
    const verdicts = goalVerdicts({
      entries: 10_000,
      full,
      rebuilds: [
        { name: 'one notice', build: notice },
        { name: 'next day', build: nextDay },
      ],
      hugoSeconds: 5.5,
    });
    expect(verdicts.map((v) => [v.goal, v.result, v.met, v.heldBy])).toEqual([
      ['one-notice rebuild ≤ 15 % of our full build', '36 %', false, 'astro 23.3 s of 38.1 s (61 %)'],
      ["one-notice rebuild ≤ 1.5× Hugo's full build", '6.9×', false, 'astro 23.3 s of 38.1 s (61 %)'],
      ['full build ≤ 8× Hugo', '19.5×', false, 'astro 60.0 s of 107.0 s (56 %)'],
      ['peak memory ≤ 2,048 MB: full build', '1,536 MB', true, ''],
      ['peak memory ≤ 2,048 MB: one notice', '1,638 MB', true, ''],
      ['peak memory ≤ 2,048 MB: next day', '2,150 MB', false, 'astro 1,741 MB'],
    ]);
  });

  it('says met when the figures are within the goals, and cannot judge the Hugo ratios without Hugo', () => {
    const fast = build(10, 'astro 8.0 s, pagefind 1.0 s, post-build-checks 1.0 s', { astro: GB });
    const verdicts = goalVerdicts({
      entries: 30_000,
      full: build(100, 'astro 80.0 s', { astro: 2 * GB }),
      rebuilds: [{ name: 'one notice', build: fast }],
      hugoSeconds: undefined,
    });
    expect(verdicts.map((v) => [v.result, v.met])).toEqual([
      ['10 %', true],
      ['Hugo not installed', undefined],
      ['Hugo not installed', undefined],
      ['2,048 MB', true],
      ['1,024 MB', true],
    ]);
    expect(goalTable(verdicts)[2]).toBe('| one-notice rebuild ≤ 15 % of our full build | 10 % | yes |  |');
  });
});

describe('memoryGoal', () => {
  it('is 2 GB up to 10k entries, 3 GB up to 30k, none above', () => {
    expect(memoryGoal(1_000)).toBe(2 * GB);
    expect(memoryGoal(10_000)).toBe(2 * GB);
    expect(memoryGoal(30_000)).toBe(3 * GB);
    expect(memoryGoal(100_000)).toBeUndefined();
  });
});

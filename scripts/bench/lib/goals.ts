import { wholeMb } from './measure.ts';

/**
 * Issue 19's goals for the pipeline, checked against one bench run: for each goal the figure, whether it is met,
 * and when it is missed, which phase holds it (the largest step of the build that missed a time goal, from
 * scripts/build.ts's "build steps:" line; the kind of process with the largest peak for a memory goal).
 */

/** A build as the bench measured it. */
export interface MeasuredBuild {
  seconds: number;
  /** scripts/build.ts's "build steps:" text, e.g. "astro 23.3 s, pagefind 3.6 s, post-build-checks 6.5 s". */
  steps: string;
  peakRss: number;
  /** Peak resident memory per kind of process (scripts/bench/lib/measure.ts processKind). */
  peakByKind: Record<string, number>;
}

export interface GoalInput {
  entries: number;
  full: MeasuredBuild;
  /** The rebuilds, by name; the first is the one-notice edit. */
  rebuilds: { name: string; build: MeasuredBuild }[];
  /** Hugo's full build of the same entries, seconds (undefined when Hugo is not installed). */
  hugoSeconds: number | undefined;
}

export interface GoalVerdict {
  goal: string;
  result: string;
  met: boolean | undefined;
  /** For a missed goal: what holds it. */
  heldBy: string;
}

/** "astro 23.3 s, pagefind 3.6 s" → [{ name: 'astro', seconds: 23.3 }, …]. */
export function parseSteps(steps: string): { name: string; seconds: number }[] {
  return [...steps.matchAll(/([\w-]+) (\d+(?:\.\d+)?) s/g)].map((m) => ({ name: m[1] ?? '', seconds: Number(m[2]) }));
}

/** "astro 23.3 s of 38.1 s (61 %)": the step that takes longest. */
function slowestStep(build: MeasuredBuild): string {
  const [top] = parseSteps(build.steps).sort((a, b) => b.seconds - a.seconds);
  if (top === undefined) return 'no step times printed';
  return `${top.name} ${top.seconds.toFixed(1)} s of ${build.seconds.toFixed(1)} s (${Math.round((100 * top.seconds) / build.seconds)} %)`;
}

/** "astro 3,120 MB": the kind of process with the largest peak. */
function largestProcess(build: MeasuredBuild): string {
  const [top] = Object.entries(build.peakByKind).sort((a, b) => b[1] - a[1]);
  return top === undefined
    ? 'no process sampled'
    : `${top[0]} ${Math.round(top[1] / 1024 / 1024).toLocaleString('en')} MB`;
}

/** Peak memory allowed at this size: 2 GB up to 10k entries, 3 GB up to 30k; no goal above. */
export function memoryGoal(entries: number): number | undefined {
  if (entries <= 10_000) return 2 * 1024 ** 3;
  if (entries <= 30_000) return 3 * 1024 ** 3;
  return undefined;
}

/** A goal on a build's time as a multiple of Hugo's full build (not judged without Hugo). */
function hugoGoal(goal: string, build: MeasuredBuild, hugoSeconds: number | undefined, limit: number): GoalVerdict {
  if (hugoSeconds === undefined) return { goal, result: 'Hugo not installed', met: undefined, heldBy: '' };
  const ratio = build.seconds / hugoSeconds;
  return {
    goal,
    result: `${ratio.toFixed(1)}×`,
    met: ratio <= limit,
    heldBy: ratio <= limit ? '' : slowestStep(build),
  };
}

export function goalVerdicts(input: GoalInput): GoalVerdict[] {
  const { full, rebuilds, hugoSeconds } = input;
  const verdicts: GoalVerdict[] = [];
  const oneNotice = rebuilds[0]?.build;
  if (oneNotice !== undefined) {
    const share = oneNotice.seconds / full.seconds;
    verdicts.push({
      goal: 'one-notice rebuild ≤ 15 % of our full build',
      result: `${Math.round(100 * share)} %`,
      met: share <= 0.15,
      heldBy: share <= 0.15 ? '' : slowestStep(oneNotice),
    });
    verdicts.push(hugoGoal("one-notice rebuild ≤ 1.5× Hugo's full build", oneNotice, hugoSeconds, 1.5));
  }
  verdicts.push(hugoGoal('full build ≤ 8× Hugo', full, hugoSeconds, 8));
  const limit = memoryGoal(input.entries);
  if (limit !== undefined) {
    for (const { name, build } of [{ name: 'full build', build: full }, ...rebuilds]) {
      verdicts.push({
        goal: `peak memory ≤ ${wholeMb(limit)}: ${name}`,
        result: wholeMb(build.peakRss),
        met: build.peakRss <= limit,
        heldBy: build.peakRss <= limit ? '' : largestProcess(build),
      });
    }
  }
  return verdicts;
}

/** The verdicts as a Markdown table. */
export function goalTable(verdicts: readonly GoalVerdict[]): string[] {
  return [
    '| goal (issue 19) | result | met? | held by (missed goals) |',
    '| --- | ---: | --- | --- |',
    ...verdicts.map(
      (v) => `| ${v.goal} | ${v.result} | ${v.met === undefined ? '—' : v.met ? 'yes' : '**no**'} | ${v.heldBy} |`,
    ),
  ];
}

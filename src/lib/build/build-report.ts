/**
 * The build report. A passing build writes it as `build-info.json` at the root of the site: when the site was
 * built, for which day in China, what it contains and what maintainers should look at. Maintainers and monitoring
 * read it (`curl https://…/build-info.json`); it holds no secrets and no personal data (messages never repeat a
 * full number). `npm run build` also writes every run's report, passing or failing, beside the output folder
 * (`dist.build-report.json`), outside what is served: a failed run leaves the previous site in place and says why.
 */
import { TIME_ZONE } from '../site/dates.ts';

/** Problems found by the run, per kind. Any of them stops the build; a passing report has only zeros. */
export interface ProblemCounts {
  /** Content errors found by validation (schemas, safety scan, cross-file rules, uploads). */
  content: number;
  /** Personal data found in the generated site (pages, feeds, open data, search index, attachments). */
  personalData: number;
  /** Inline event handlers and script URLs in pages. */
  executableMarkup: number;
  /** Same-site links and attachments that lead nowhere. */
  brokenLinks: number;
  /** Public URLs of the previous release that are gone without a redirect (src/lib/record/durable-urls.ts). */
  removedUrls: number;
}

const NO_PROBLEMS: ProblemCounts = {
  content: 0,
  personalData: 0,
  executableMarkup: 0,
  brokenLinks: 0,
  removedUrls: 0,
};

export interface BuildReport {
  /** True when every step passed and the site was published into the output folder. */
  ok: boolean;
  /** The step that failed (validate, astro, pagefind, checks), when one did. */
  failedStep?: string;
  /** Instant the build ran, ISO 8601 UTC. */
  builtAt: string;
  /** The build's "today" in Asia/Shanghai (BUILD_DATE or the clock), YYYY-MM-DD. */
  today: string;
  timeZone: string;
  /** BUILD_DATE as given, when it was set. */
  buildDate?: string;
  /** Public items per content type, plus files in the output. */
  counts: Record<string, number>;
  /** Things maintainers should act on that do not stop the build (e.g. overdue disclosures), in Chinese. */
  warnings: string[];
  /**
   * What the post-build checks looked at, and how many problems they found in total. `scope`: every file ("full"),
   * or only files changed since the last passing build (src/lib/build/check-manifest.ts).
   */
  checks: {
    filesScanned: number;
    searchIndexFilesScanned: number;
    linksChecked: number;
    scope?: string;
    problems: number;
  };
  /** The problems of this run, per kind. */
  problems: ProblemCounts;
  /** The problems as printed (file, field, problem, fix), for a failing run; at most 50. */
  errors?: string[];
}

export interface BuildReportInput {
  builtAt: Date;
  today: string;
  buildDate?: string;
  failedStep?: string;
  counts?: Record<string, number>;
  warnings?: string[];
  checks?: Omit<BuildReport['checks'], 'problems'>;
  problems?: Partial<ProblemCounts>;
  errors?: string[];
}

const MAX_REPORTED_ERRORS = 50;

export function buildReport(input: BuildReportInput): BuildReport {
  const problems: ProblemCounts = { ...NO_PROBLEMS, ...input.problems };
  const total = problems.personalData + problems.executableMarkup + problems.brokenLinks + problems.removedUrls;
  const report: BuildReport = {
    ok: input.failedStep === undefined,
    builtAt: input.builtAt.toISOString(),
    today: input.today,
    timeZone: TIME_ZONE,
    counts: input.counts ?? {},
    warnings: input.warnings ?? [],
    checks: { filesScanned: 0, searchIndexFilesScanned: 0, linksChecked: 0, ...input.checks, problems: total },
    problems,
  };
  if (input.failedStep !== undefined) report.failedStep = input.failedStep;
  if (input.buildDate !== undefined && input.buildDate.trim() !== '') report.buildDate = input.buildDate;
  if (input.errors !== undefined && input.errors.length > 0) report.errors = input.errors.slice(0, MAX_REPORTED_ERRORS);
  return report;
}

/** Where `npm run build` writes each run's report: beside the output folder, never inside what is served. */
export function reportFileFor(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}.build-report.json`;
}

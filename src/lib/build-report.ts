/**
 * The build report written to `build-info.json` at the root of the site: when the site was built, for which
 * day in China, what it contains and what maintainers should look at. Maintainers and monitoring read it
 * (`curl https://…/build-info.json`); it holds no secrets and no personal data.
 */
import { TIME_ZONE } from './dates.ts';

export interface BuildReport {
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
  /** What the post-build checks looked at and found (problems stop the build, so these are 0 in a report). */
  checks: { filesScanned: number; searchIndexFilesScanned: number; linksChecked: number; problems: number };
}

export function buildReport(input: Omit<BuildReport, 'timeZone' | 'builtAt'> & { builtAt: Date }): BuildReport {
  const { builtAt, buildDate, ...rest } = input;
  const report: BuildReport = { builtAt: builtAt.toISOString(), timeZone: TIME_ZONE, ...rest };
  if (buildDate !== undefined && buildDate.trim() !== '') report.buildDate = buildDate;
  return report;
}

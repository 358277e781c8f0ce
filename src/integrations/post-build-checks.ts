/**
 * Astro integration: checks the finished site before anyone can publish it, and writes `build-info.json`.
 * Must be the LAST integration in astro.config.mjs, so it sees the uploads and the Pagefind index.
 *
 * - Privacy: every text file of the output, Pagefind's compressed index and the text of PDF attachments
 *   included, is scanned for resident IDs, bank cards and residents' mobiles. A hit fails the build; `npm run
 *   build` then keeps the previous site (it checks a temporary folder), `astro build` alone DELETES its output.
 * - Safety: no inline event handlers or javascript: URLs in any page (judged on the DOM).
 * - Every problem is traced back to the content file and field it came from where it came from content
 *   (src/lib/build/output-origin.ts), not reported against a generated page or search index file.
 * - The report: build-info.json in the site when all passed; the failing report beside the output folder.
 * - Integrity: every same-site link, image, script and attachment resolves to a file in the output.
 * - Disclosure cadence: villages behind on Art. 30 disclosures are listed as warnings (the build goes on).
 * - Durable URLs (issue 18): redirect pages for renamed entries, `urls.json`, and a failure when a URL of the
 *   previous release disappeared without a redirect (src/integrations/durable-urls.ts).
 * - Only what changed: after checks pass, the digest of every output file is kept in the build cache, and the next
 *   build scans only new and changed files (src/lib/build/check-manifest.ts). GONGKAILAN_FULL_CHECKS=1 (the
 *   nightly release) scans everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { attachmentText } from '../lib/content/attachment-safety.ts';
import { loadChangeHistory } from '../lib/record/change-history.ts';
import type { Content } from '../lib/content/content-rules.ts';
import { formatDayZh, shanghaiDay } from '../lib/site/dates.ts';
import { unnotedEdits } from '../lib/record/public-record.ts';
import { checkUrls, writeRedirects } from './durable-urls.ts';
import { buildClock } from '../lib/build/build-clock.ts';
import { checkScope, manifestOf, type CheckManifest } from '../lib/build/check-manifest.ts';
import { buildReport, reportFileFor, type ProblemCounts } from '../lib/build/build-report.ts';
import { contentDir, readContent, type RawEntry } from '../lib/content/content-files.ts';
import { publicContactPhones } from '../lib/content/content-safety.ts';
import { describeOverdue, overdueDisclosures } from '../lib/record/disclosure-cadence.ts';
import { formatError, type ContentError } from '../lib/content/friendly-errors.ts';
import {
  brokenInternalLinks,
  executableMarkup,
  formatOutputProblem,
  internalLinks,
  personalDataInOutput,
  type MarkupProblem,
  type OutputProblem,
  type PersonalDataProblem,
} from '../lib/build/output-checks.ts';
import {
  containing,
  containingDigits,
  entryOfPage,
  locateInContent,
  type ContentLocation,
} from '../lib/build/output-origin.ts';
import { PERSONAL_DATA_LABELS } from '../lib/content/privacy.ts';
import { isPublic } from '../lib/record/publishing.ts';
import { parseContent } from '../lib/content/validate-content.ts';

const TEXT_FILES = /\.(html?|xml|json|csv|txt|svg|js|mjs|css|webmanifest|md|rss|atom|tsv|geojson)$/i;
/** Pagefind stores fragments, index chunks and metadata gzip-compressed, behind a "pagefind_dcd" signature. */
const PAGEFIND_FILES = /\.pf_(fragment|index|meta)$/i;
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(root, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** The text of an output file as a reader or a search client would see it; undefined for binary files. */
export function readOutputText(absolute: string): string | undefined {
  if (PAGEFIND_FILES.test(absolute)) {
    const text = gunzipSync(readFileSync(absolute)).toString('utf8');
    return text.startsWith(PAGEFIND_SIGNATURE) ? text.slice(PAGEFIND_SIGNATURE.length) : text;
  }
  return TEXT_FILES.test(absolute) ? readFileSync(absolute, 'utf8') : undefined;
}

/**
 * What the privacy scan reads of an output file: its text, or a PDF's text page by page; undefined for binary
 * files. A PDF that cannot be opened yields nothing here: validation already refused it in content/uploads/.
 */
export async function readOutputPages(absolute: string): Promise<string[] | undefined> {
  if (!/\.pdf$/i.test(absolute)) {
    const text = readOutputText(absolute);
    return text === undefined ? undefined : [text];
  }
  try {
    return (await attachmentText(absolute, readFileSync(absolute))) ?? [];
  } catch {
    return [];
  }
}

/** A problem in the output, traced back to the content an editor can fix when it came from content. */
interface TracedProblem {
  text: string;
  kind: keyof Omit<ProblemCounts, 'content'>;
}

/** Output files named in a message: the first three, then how many more. */
function outputFilesText(files: readonly string[]): string {
  const shown = files.slice(0, 3).join('、');
  return files.length > 3 ? `${shown} 等 ${files.length} 个文件` : shown;
}

/**
 * Personal data found in the output, one problem per number and content location: the same ID on the notice
 * page, its print page, the feed and the search index is one thing to fix, in the content file it came from.
 */
function tracePersonalData(
  hits: readonly PersonalDataProblem[],
  entries: readonly RawEntry[],
  uploads: ReadonlyMap<string, string>,
): TracedProblem[] {
  const groups = new Map<string, { hit: PersonalDataProblem; files: string[]; location?: ContentLocation }>();
  for (const hit of hits) {
    const { digits } = hit;
    const upload = hit.file.startsWith('uploads/') ? uploads.get(hit.file) : undefined;
    const location: ContentLocation | undefined =
      upload !== undefined
        ? { file: upload, field: '', label: '附件' }
        : locateInContent(entries, containingDigits(digits), entryOfPage(hit.file, entries));
    const key = `${digits}|${location?.file ?? hit.file}|${location?.field ?? hit.line}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { hit, files: [hit.file], ...(location ? { location } : {}) });
    else if (!group.files.includes(hit.file)) group.files.push(hit.file);
  }
  return [...groups.values()].map(({ hit, files, location }) => {
    if (location === undefined) return { kind: 'personalData', text: formatOutputProblem(hit) };
    const error: ContentError = {
      ...location,
      message: `有完整的${PERSONAL_DATA_LABELS[hit.kind]}，发布后出现在 ${outputFilesText(files)}`,
      fix: `改为 ${hit.masked}`,
    };
    return { kind: 'personalData', text: formatError(error) };
  });
}

/** Script in a page: the content field that holds the value when there is one, else the page (a template bug). */
function traceMarkup(problems: readonly MarkupProblem[], entries: readonly RawEntry[]): TracedProblem[] {
  return problems.map((problem) => {
    const location =
      problem.value.trim() === ''
        ? undefined
        : locateInContent(entries, containing(problem.value.trim()), entryOfPage(problem.file, entries));
    if (location === undefined) return { kind: 'executableMarkup', text: formatOutputProblem(problem) };
    const error: ContentError = {
      ...location,
      message: `${problem.message}（生成的 ${problem.file} 第 ${problem.line} 行）`,
      fix: problem.fix,
    };
    return { kind: 'executableMarkup', text: formatError(error) };
  });
}

/** Broken links: the content field that holds the URL when there is one (an attachment path, a body link). */
function traceLinks(problems: readonly OutputProblem[], entries: readonly RawEntry[]): TracedProblem[] {
  return problems.map((problem) => {
    const url = /(?:附件|链接) (\S+) /.exec(problem.message)?.[1];
    const own = entryOfPage(problem.file, entries);
    const location = url === undefined || own === undefined ? undefined : locateInContent([own], containing(url));
    if (location === undefined) return { kind: 'brokenLinks', text: formatOutputProblem(problem) };
    const error: ContentError = {
      ...location,
      message: `${problem.message}（生成的 ${problem.file} 第 ${problem.line} 行）`,
      fix: problem.fix,
    };
    return { kind: 'brokenLinks', text: formatError(error) };
  });
}

export default function postBuildChecks(): AstroIntegration {
  let siteOrigin: string | undefined;
  return {
    name: 'gongkailan:post-build-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteOrigin = config.site === undefined ? undefined : new URL(config.site).origin;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { today, builtAt, buildDate } = buildClock();
        // Validation ran before Astro wrote anything; here the content is only parsed for counts and the cadence,
        // and read to trace a problem in the output back to the file and field it came from.
        const root = contentDir();
        const { entries } = readContent(root);
        const content = parseContent(entries);
        const phones = publicContactPhones(entries);
        // Durable URLs (issue 18): redirect pages for renamed entries are written first, so they are checked too.
        const siteUrl = content.site?.data.siteUrl ?? siteOrigin ?? '';
        const moved = writeRedirects(outDir, content, today, siteUrl, content.site?.data.name ?? '');

        const files = listFiles(outDir);
        const fileSet = new Set(files);
        const digests = new Map(
          files.map((f) => [
            f,
            createHash('sha256')
              .update(readFileSync(path.join(outDir, f)))
              .digest('hex'),
          ]),
        );
        const manifestFile = checkManifestFile();
        const policy = createHash('sha256')
          .update(JSON.stringify([[...phones].sort(), siteOrigin ?? '']))
          .digest('hex');
        const scope = checkScope(
          readManifest(manifestFile),
          digests,
          policy,
          process.env[FULL_CHECKS_ENV] === '1' || process.env[FULL_CHECKS_ENV] === 'true',
        );
        const privacy: PersonalDataProblem[] = [];
        const markup: MarkupProblem[] = [];
        const links: OutputProblem[] = [];
        let filesScanned = 0;
        let searchIndexFilesScanned = 0;
        let linksChecked = 0;
        for (const file of files) {
          const scan = scope.scan.has(file);
          const checkLinks = scope.links.has(file) && /\.html?$/i.test(file);
          if (!scan && !checkLinks) continue;
          const pages = await readOutputPages(path.join(outDir, file));
          if (pages === undefined) continue;
          const text = pages[0] ?? '';
          if (scan) {
            filesScanned += 1;
            if (PAGEFIND_FILES.test(file)) searchIndexFilesScanned += 1;
            for (const page of pages) privacy.push(...personalDataInOutput(file, page, phones));
            if (/\.html?$/i.test(file)) markup.push(...executableMarkup(file, text));
          }
          if (checkLinks) {
            const found = internalLinks(file, text, siteOrigin);
            linksChecked += found.length;
            links.push(...brokenInternalLinks(file, found, (p) => fileSet.has(p)));
          }
        }

        const uploads = new Map(
          files
            .filter((f) => f.startsWith('uploads/'))
            .map((f) => [f, path.relative(process.cwd(), path.join(root, f)) || f] as const),
        );
        const urls = checkUrls(
          outDir,
          files,
          siteUrl,
          formatDayZh(shanghaiDay(builtAt)),
          path.relative(process.cwd(), root) || root,
        );
        const traced = [
          ...tracePersonalData(privacy, entries, uploads),
          ...traceMarkup(markup, entries),
          ...traceLinks(links, entries),
          ...[...moved.errors, ...urls.errors].map((e) => ({ kind: 'removedUrls' as const, text: formatError(e) })),
        ];
        const problems: ProblemCounts = {
          content: 0,
          personalData: traced.filter((p) => p.kind === 'personalData').length,
          executableMarkup: traced.filter((p) => p.kind === 'executableMarkup').length,
          brokenLinks: traced.filter((p) => p.kind === 'brokenLinks').length,
          removedUrls: traced.filter((p) => p.kind === 'removedUrls').length,
        };
        const checks = { filesScanned, searchIndexFilesScanned, linksChecked, scope: scope.reason };
        const base = { builtAt, today, ...(buildDate === undefined ? {} : { buildDate }), checks, problems };

        if (traced.length > 0) {
          for (const problem of traced) logger.error(problem.text);
          const report = buildReport({ ...base, failedStep: 'checks', errors: traced.map((p) => p.text) });
          writeFileSync(failedReportFile(outDir), `${JSON.stringify(report, null, 2)}\n`);
          // `astro build` run alone writes straight into the served folder: remove a leaking site there.
          // `npm run build` checks a temporary folder and never swaps it in (scripts/build.ts).
          const deleteOutput = problems.personalData > 0 && process.env[ATOMIC_BUILD_ENV] !== '1';
          if (deleteOutput) rmSync(outDir, { recursive: true, force: true });
          const parts = [
            problems.personalData > 0 ? `${problems.personalData} 处个人信息` : '',
            problems.executableMarkup > 0 ? `${problems.executableMarkup} 处可执行代码` : '',
            problems.brokenLinks > 0 ? `${problems.brokenLinks} 个失效链接或缺失附件` : '',
            problems.removedUrls > 0 ? `${problems.removedUrls} 个已发布的网址消失且没有跳转` : '',
          ].filter(Boolean);
          throw new Error(
            `网站检查未通过：${parts.join('、')}。${deleteOutput ? `已删除输出目录 ${outDir}，以免误发布。` : ''}`,
          );
        }

        const places = content.places.map((p) => ({ id: p.id, name: p.data.name, level: p.data.level }));
        const publicNotices = content.notices.filter((n) => isPublic(n.data, today));
        const overdue = overdueDisclosures(
          places,
          publicNotices.map((n) => ({
            place: n.data.place,
            category: n.data.category,
            published: n.data.published,
            ...(n.data.covers === undefined ? {} : { covers: n.data.covers }),
          })),
          today,
          content.finance.map((l) => ({ place: l.data.place, month: l.data.month })),
        );
        const warnings = [
          ...overdue.map((item) => `未按期公开：${describeOverdue(item)}`),
          ...urls.warnings,
          ...(await unnotedEditWarnings(content, today, root)),
        ];
        for (const warning of warnings) logger.warn(warning);

        const report = buildReport({
          ...base,
          counts: {
            notices: publicNotices.length,
            meetings: content.meetings.filter((m) => isPublic({ draft: m.data.draft, published: m.data.date }, today))
              .length,
            legal: content.legal.filter((l) => isPublic(l.data, today)).length,
            stats: content.stats.filter((s) => s.data.month <= today.slice(0, 7)).length,
            places: content.places.length,
            pages: files.filter((f) => f.endsWith('.html')).length,
            files: files.length + 1,
          },
          warnings,
        });
        writeFileSync(path.join(outDir, 'build-info.json'), `${JSON.stringify(report, null, 2)}\n`);
        // Every file passed: the next build need only read what changes (a failed build keeps the old manifest).
        mkdirSync(path.dirname(manifestFile), { recursive: true });
        writeFileSync(manifestFile, JSON.stringify(manifestOf(digests, policy)));
        logger.info(
          `checked ${filesScanned} of ${files.length} files (${scope.reason}; ${searchIndexFilesScanned} search index files) and ${linksChecked} links: ` +
            `no personal data, no executable markup, no broken links; ${warnings.length} warnings; wrote build-info.json`,
        );
        if (!existsSync(path.join(outDir, 'index.html'))) logger.warn('output has no index.html');
      },
    },
  };
}

/**
 * Published entries edited in git after publication with no change note since (issue 18): a warning each, so an
 * edit to the public record does not go unexplained. Outside git there is no history and no warning.
 */
async function unnotedEditWarnings(content: Content, today: string, root: string): Promise<string[]> {
  const history = await loadChangeHistory(root);
  const entries = [
    ...content.notices.filter((n) => isPublic(n.data, today)).map((e) => ({ e, published: e.data.published })),
    ...content.meetings
      .filter((m) => isPublic({ draft: m.data.draft, published: m.data.date }, today))
      .map((e) => ({ e, published: e.data.date })),
    ...content.legal.filter((l) => isPublic(l.data, today)).map((e) => ({ e, published: e.data.published })),
    ...content.rules.filter((r) => isPublic(r.data, today)).map((e) => ({ e, published: e.data.published })),
  ];
  return entries.flatMap(({ e, published }) => {
    const edits = unnotedEdits({ ...e.data, published }, history.of(path.resolve(e.file)), today);
    const newest = edits[0];
    if (newest === undefined) return [];
    return [
      `${e.file}：发布后于 ${newest.date} 修改过（记录号 ${newest.commit}${edits.length > 1 ? ` 等 ${edits.length} 次` : ''}），没有写修改说明。请在“修改记录”（changes）中补一条：写明改了什么；影响群众权益的勾选“重要更正”`,
    ];
  });
}

/** "1" scans every output file, not only those changed since the last passing build (the nightly release). */
export const FULL_CHECKS_ENV = 'GONGKAILAN_FULL_CHECKS';

/** The digests of the last passing build's files: in the build cache, beside Astro's incremental cache. */
function checkManifestFile(): string {
  return path.resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'gongkailan-checked-files.json');
}

function readManifest(file: string): CheckManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CheckManifest;
  } catch {
    return undefined;
  }
}

/** Set by scripts/build.ts: the output folder is a temporary one that is only swapped in when every step passed. */
export const ATOMIC_BUILD_ENV = 'GONGKAILAN_ATOMIC_BUILD';
/** Set by scripts/build.ts: where a failing step writes its report (beside the real output folder). */
export const REPORT_FILE_ENV = 'GONGKAILAN_REPORT_FILE';

/** Where a failing run's report goes: REPORT_FILE_ENV, else beside the output folder. */
export function failedReportFile(outDir: string): string {
  return process.env[REPORT_FILE_ENV] ?? reportFileFor(outDir);
}

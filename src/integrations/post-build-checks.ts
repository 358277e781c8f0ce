/**
 * Astro integration: checks the finished site before anyone can publish it, and writes `build-info.json`.
 * Must be the LAST integration in astro.config.mjs, so it sees the uploads and the Pagefind index.
 *
 * - Privacy: every text file of the output, Pagefind's compressed index and the text of PDF attachments
 *   included, is scanned for resident IDs,
 *   bank cards and residents' mobiles. A hit fails the build and DELETES the output folder, so a leaking site
 *   cannot be deployed by mistake.
 * - Safety: no inline event handlers or javascript: URLs in any page.
 * - Integrity: every same-site link, image, script and attachment resolves to a file in the output.
 * - Disclosure cadence: villages behind on Art. 30 disclosures are listed as warnings (the build goes on).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { attachmentText } from '../lib/attachment-safety.ts';
import { buildReport } from '../lib/build-report.ts';
import { contentDir, readContent } from '../lib/content-files.ts';
import { publicContactPhones } from '../lib/content-safety.ts';
import { buildToday } from '../lib/dates.ts';
import { describeOverdue, overdueDisclosures } from '../lib/disclosure-cadence.ts';
import {
  brokenInternalLinks,
  executableMarkup,
  formatOutputProblem,
  internalLinks,
  personalDataInOutput,
  type OutputProblem,
} from '../lib/output-checks.ts';
import { isPublic } from '../lib/publishing.ts';
import { parseContent } from '../lib/validate-content.ts';

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
        const builtAt = new Date();
        const today = buildToday(process.env.BUILD_DATE, builtAt);
        // Validation ran before Astro wrote anything; here the content is only parsed for counts and the cadence.
        const { entries } = readContent(contentDir());
        const content = parseContent(entries);
        const phones = publicContactPhones(entries);

        const files = listFiles(outDir);
        const fileSet = new Set(files);
        const privacy: OutputProblem[] = [];
        const markup: OutputProblem[] = [];
        const links: OutputProblem[] = [];
        let filesScanned = 0;
        let searchIndexFilesScanned = 0;
        let linksChecked = 0;
        for (const file of files) {
          const pages = await readOutputPages(path.join(outDir, file));
          if (pages === undefined) continue;
          filesScanned += 1;
          if (PAGEFIND_FILES.test(file)) searchIndexFilesScanned += 1;
          for (const page of pages) privacy.push(...personalDataInOutput(file, page, phones));
          const text = pages[0] ?? '';
          if (/\.html?$/i.test(file)) {
            markup.push(...executableMarkup(file, text));
            const found = internalLinks(file, text, siteOrigin);
            linksChecked += found.length;
            links.push(...brokenInternalLinks(file, found, (p) => fileSet.has(p)));
          }
        }

        const problems = [...privacy, ...markup, ...links];
        if (problems.length > 0) {
          for (const problem of problems) logger.error(formatOutputProblem(problem));
          if (privacy.length > 0) rmSync(outDir, { recursive: true, force: true });
          const parts = [
            privacy.length > 0 ? `${privacy.length} 处个人信息` : '',
            markup.length > 0 ? `${markup.length} 处可执行代码` : '',
            links.length > 0 ? `${links.length} 个失效链接或缺失附件` : '',
          ].filter(Boolean);
          throw new Error(
            `网站检查未通过：${parts.join('、')}。${privacy.length > 0 ? `已删除输出目录 ${outDir}，以免误发布。` : ''}`,
          );
        }

        const places = content.places.map((p) => ({ id: p.id, name: p.data.name, level: p.data.level }));
        const publicNotices = content.notices.filter((n) => isPublic(n.data, today));
        const overdue = overdueDisclosures(
          places,
          publicNotices.map((n) => ({ place: n.data.place, category: n.data.category, published: n.data.published })),
          today,
        );
        const warnings = overdue.map((item) => `未按期公开：${describeOverdue(item)}`);
        for (const warning of warnings) logger.warn(warning);

        const report = buildReport({
          builtAt,
          today,
          ...(process.env.BUILD_DATE === undefined ? {} : { buildDate: process.env.BUILD_DATE }),
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
          checks: { filesScanned, searchIndexFilesScanned, linksChecked, problems: 0 },
        });
        writeFileSync(path.join(outDir, 'build-info.json'), `${JSON.stringify(report, null, 2)}\n`);
        logger.info(
          `checked ${filesScanned} files (${searchIndexFilesScanned} search index files) and ${linksChecked} links: ` +
            `no personal data, no executable markup, no broken links; ${warnings.length} warnings; wrote build-info.json`,
        );
        if (!existsSync(path.join(outDir, 'index.html'))) logger.warn('output has no index.html');
      },
    },
  };
}

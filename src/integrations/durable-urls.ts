/**
 * The file side of durable URLs (src/lib/record/durable-urls.ts), run by the post-build checks on the finished output:
 * writes a redirect page for every old id in `movedFrom` (and `_redirects`, `redirects.nginx.conf`), writes
 * `urls.json`, and compares the public URLs with the previous release's `urls.json`.
 *
 * The previous manifest: GONGKAILAN_PREVIOUS_URLS, which scripts/build.ts points at the output folder being
 * replaced unless it is set already (scripts/deploy.ts sets it to the live release's; a CI job that builds from a
 * fresh checkout sets it to the last release's urls.json).
 * ALLOW_REMOVED_URLS=1 lets a build take pages down on purpose (a page that must go, e.g. for privacy): the
 * removed URLs are then listed as warnings.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  nginxMap,
  redirectPage,
  redirectsFile,
  redirectsFor,
  urlManifest,
  vanishedUrls,
  type MovableCollection,
  type MovedEntry,
  type UrlManifest,
} from '../lib/record/durable-urls.ts';
import type { ContentError } from '../lib/content/friendly-errors.ts';
import { isPublic } from '../lib/record/publishing.ts';
import type { Content } from '../lib/content/content-rules.ts';

export const PREVIOUS_URLS_ENV = 'GONGKAILAN_PREVIOUS_URLS';
export const URL_MANIFEST = 'urls.json';

/** Public entries with their old ids (a scheduled entry's redirect would point at a page not yet built). */
function movedEntries(content: Content, today: string): MovedEntry[] {
  const of = (collection: MovableCollection, list: { id: string; file: string; data: { movedFrom: string[] } }[]) =>
    list.map((e) => ({ collection, id: e.id, movedFrom: e.data.movedFrom, file: e.file }));
  return [
    ...of(
      'notices',
      content.notices.filter((n) => isPublic(n.data, today)),
    ),
    ...of(
      'meetings',
      content.meetings.filter((m) => isPublic({ draft: m.data.draft, published: m.data.date }, today)),
    ),
    ...of(
      'legal',
      content.legal.filter((l) => isPublic(l.data, today)),
    ),
    ...of(
      'rules',
      content.rules.filter((r) => isPublic(r.data, today)),
    ),
  ];
}

/** Write the redirect pages and maps into `outDir`; returns the content errors that prevent a redirect. */
export function writeRedirects(
  outDir: string,
  content: Content,
  today: string,
  site: string,
  siteName: string,
): { count: number; errors: ContentError[] } {
  const { redirects, errors } = redirectsFor(movedEntries(content, today));
  for (const redirect of redirects) {
    const file = path.join(outDir, redirect.from, 'index.html');
    // Never overwrite a real page: redirectsFor refuses an old id that is a current one, this is the second lock.
    if (existsSync(file)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, redirectPage(redirect, site, siteName));
  }
  writeFileSync(path.join(outDir, '_redirects'), redirectsFile(redirects));
  writeFileSync(path.join(outDir, 'redirects.nginx.conf'), nginxMap(redirects));
  return { count: redirects.length, errors };
}

function readManifest(file: string | undefined): UrlManifest | undefined {
  if (file === undefined || file === '' || !existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<UrlManifest>;
    return Array.isArray(parsed.urls) && typeof parsed.site === 'string' ? (parsed as UrlManifest) : undefined;
  } catch {
    return undefined;
  }
}

export interface UrlCheck {
  errors: ContentError[];
  warnings: string[];
  compared: boolean;
}

/** Write `urls.json` for the next build and compare with the previous release's. */
export function checkUrls(
  outDir: string,
  files: readonly string[],
  site: string,
  builtAt: string,
  contentRoot: string,
): UrlCheck {
  const manifest = urlManifest(site, builtAt, files);
  writeFileSync(path.join(outDir, URL_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const previous = readManifest(process.env[PREVIOUS_URLS_ENV]);
  if (previous === undefined) return { errors: [], warnings: [], compared: false };
  if (previous.site !== site) {
    return {
      errors: [],
      warnings: [`上次发布的网站地址是 ${previous.site}，与本次 ${site} 不同：未比对网址`],
      compared: false,
    };
  }
  const vanished = vanishedUrls(previous, new Set(manifest.urls), contentRoot);
  if (process.env.ALLOW_REMOVED_URLS === '1') {
    return {
      errors: [],
      warnings: vanished.map((e) => `已按 ALLOW_REMOVED_URLS=1 下线：${e.message}`),
      compared: true,
    };
  }
  return { errors: vanished, warnings: [], compared: true };
}

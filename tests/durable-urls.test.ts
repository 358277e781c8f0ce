/**
 * Durable URLs (issue 18) through `npm run build` (scripts/build.ts) on real content: a notice renamed without a
 * redirect fails the build with the content file and the fix, and leaves the published site as it was; the same
 * rename with `movedFrom` builds, and the old address (and its print copy, where the QR code is) becomes a redirect
 * page to the new one, listed in `_redirects` and the nginx map.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_ROOT, runBuild, type BuildResult } from './support/build.ts';

const outDir = path.join(OUTPUT_ROOT, 'durable-urls');
const OLD = '2026-11-20-caiwu-10yue';
const NEW = '2026-11-20-caiwu-2026-10';
let content: string;
let first: BuildResult;
let renamed: BuildResult;
let pageAfterFailure: string;
let failedReport: { problems: object };
let moved: BuildResult;

const build = () => runBuild({ contentDir: content, outDir, today: '2026-11-24' });

beforeAll(async () => {
  content = mkdtempSync(path.join(os.tmpdir(), 'gkl-durable-'));
  cpSync('tests/fixtures/valid-minimal', content, { recursive: true });
  // The content folder is a git repository, as in production: the notice is published on 20 November and its
  // text edited on 22 November with no change note (the build warns about it).
  const git = (args: string[], date: string) =>
    execFileSync('git', ['-c', 'user.name=文书', '-c', 'user.email=clerk@example.org', ...args], {
      cwd: content,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  git(['init', '-q'], '2026-11-20T09:00:00+08:00');
  git(['add', '.'], '2026-11-20T09:00:00+08:00');
  git(['commit', '-qm', '发布'], '2026-11-20T09:00:00+08:00');
  appendFileSync(path.join(content, 'notices', `${OLD}.md`), '\n结余 3,500 元。\n');
  git(['commit', '-qam', '修改 村务公开：东村十月财务'], '2026-11-22T15:00:00+08:00');
  rmSync(outDir, { recursive: true, force: true });
  first = await build();
  // The planted deletion: the clerk renames the file and forgets the old address.
  renameSync(path.join(content, 'notices', `${OLD}.md`), path.join(content, 'notices', `${NEW}.md`));
  renamed = await build();
  pageAfterFailure = readFileSync(path.join(outDir, 'notices', OLD, 'index.html'), 'utf8');
  failedReport = JSON.parse(readFileSync(`${outDir}.build-report.json`, 'utf8')) as { problems: object };
  const file = path.join(content, 'notices', `${NEW}.md`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, `\nmovedFrom: [${OLD}]\n---\n`));
  moved = await build();
}, 240_000);

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
});

describe('an edit without a change note', () => {
  it('is a build warning naming the file, the day and the fix', () => {
    expect(first.output).toMatch(
      new RegExp(
        `notices/${OLD}\\.md：发布后于 2026-11-22 修改过（记录号 [0-9a-f]{7}），没有写修改说明。请在“修改记录”（changes）中补一条`,
      ),
    );
  });
});

describe('a published URL that disappears', () => {
  it('is written down by every build (urls.json)', () => {
    expect(first.code, first.output).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'urls.json'), 'utf8')) as { urls: string[] };
    expect(manifest.urls).toEqual(expect.arrayContaining(['/', `/notices/${OLD}/`, `/notices/${OLD}/print/`]));
  });

  it('fails the next build when no redirect covers it, naming the content file and the fix', () => {
    expect(renamed.code).not.toBe(0);
    expect(renamed.output).toContain(`notices/${OLD}.md\n  问题：网址 /notices/${OLD}/ 在上次发布（`);
    expect(renamed.output).toContain(`问题：网址 /notices/${OLD}/ 在上次发布（`);
    expect(renamed.output).toContain('本次构建中没有了，也没有跳转：已张贴的二维码和别人保存的链接会打不开');
    expect(renamed.output).toContain(`修改：如果文件改了名，在新文件中填写 movedFrom: [${OLD}]，旧网址会自动跳转`);
    expect(renamed.output).toContain('2 个已发布的网址消失且没有跳转');
    // The published site is untouched: the old page is still served.
    expect(pageAfterFailure).toContain('东村2026年10月财务收支公开');
    expect(failedReport.problems).toMatchObject({ removedUrls: 2 });
  });

  it('builds once the new file names its old id, and the old page and print copy redirect to the new ones', () => {
    expect(moved.code, moved.output).toBe(0);
    const page = readFileSync(path.join(outDir, 'notices', OLD, 'index.html'), 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=/notices/${NEW}/">`);
    expect(page).toContain(`<link rel="canonical" href="${siteUrl()}/notices/${NEW}/">`);
    expect(page).toContain(`<a href="/notices/${NEW}/">`);
    const print = readFileSync(path.join(outDir, 'notices', OLD, 'print', 'index.html'), 'utf8');
    expect(print).toContain(`url=/notices/${NEW}/print/`);
    expect(existsSync(path.join(outDir, 'notices', NEW, 'index.html'))).toBe(true);
    expect(readFileSync(path.join(outDir, '_redirects'), 'utf8')).toContain(`/notices/${OLD}/ /notices/${NEW}/ 301`);
    expect(readFileSync(path.join(outDir, 'redirects.nginx.conf'), 'utf8')).toContain(
      `    /notices/${OLD}/ /notices/${NEW}/;`,
    );
    // The redirect page is not a page of its own in the sitemap or the search index.
    expect(readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')).not.toContain(`/notices/${OLD}/`);
  });
});

function siteUrl(): string {
  return (
    JSON.parse(readFileSync('tests/fixtures/valid-minimal/site.json', 'utf8')) as { siteUrl: string }
  ).siteUrl.replace(/\/$/, '');
}

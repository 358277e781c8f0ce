/**
 * Checks on the built site, as pure functions over file paths and their text (the integration in
 * src/integrations/post-build-checks.ts reads the files, including Pagefind's compressed index):
 *
 * - personal data: resident IDs and bank cards anywhere; mobiles only when they are not a published work phone
 *   (a `publicContact` value from content, or the target of a tel: link);
 * - executable markup that our pages never produce: inline event handlers and javascript:/vbscript:/data: URLs;
 * - internal links and attachments: every same-site href/src resolves to a file in the output.
 */
import { findPersonalData, lineFinder, PERSONAL_DATA_LABELS, positionOf, type PersonalDataKind } from './privacy.ts';

export interface OutputProblem {
  /** Path inside the output folder, with forward slashes (e.g. notices/2026-11-20-caiwu/index.html). */
  file: string;
  line: number;
  /** Chinese description. */
  message: string;
  /** Chinese fix. */
  fix: string;
}

export interface PersonalDataProblem extends OutputProblem {
  kind: PersonalDataKind;
  masked: string;
}

/**
 * Whether mobiles are looked for in an output file. Script/style bundles and the CMS app are code: they carry
 * the schemas' example numbers (如 13812345678) and no content, so only IDs and cards are looked for there.
 */
export function scanMobilesIn(file: string): boolean {
  return !/\.(m?js|css)$/i.test(file) && !file.startsWith('admin/');
}

/** Personal data in one output file's text. `publicPhones` are work phones published on purpose. */
export function personalDataInOutput(
  file: string,
  text: string,
  publicPhones: ReadonlySet<string>,
): PersonalDataProblem[] {
  const problems: PersonalDataProblem[] = [];
  for (const hit of findPersonalData(text, { mobiles: scanMobilesIn(file) })) {
    if (hit.kind === 'mobile') {
      const digits = hit.text.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
      if (publicPhones.has(digits) || /tel:\+?(?:86)?$/i.test(text.slice(Math.max(0, hit.index - 8), hit.index))) {
        continue;
      }
    }
    problems.push({
      file,
      line: positionOf(text, hit.index).line,
      kind: hit.kind,
      masked: hit.masked,
      message: `生成的网站文件中有完整的${PERSONAL_DATA_LABELS[hit.kind]}`,
      fix: `在内容中改为 ${hit.masked}，并检查生成这个文件的数据（统计、附件、搜索索引）`,
    });
  }
  return problems;
}

/** Strips <script> and <style> bodies (their text is code, not markup) keeping line breaks for line numbers. */
function withoutCode(html: string): string {
  return html.replace(
    /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi,
    (_, open: string, _tag, body: string, close: string) => {
      return open + body.replace(/[^\n]/g, ' ') + close;
    },
  );
}

const EVENT_HANDLER = /<[a-z][^<>]*?\s(on[a-z]+)\s*=/gi;
const SCRIPT_URL = /\s(href|src|action|formaction|data|poster|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data):/gi;

/** Inline event handlers and script URLs in an HTML file: our templates never write them, content must not. */
export function executableMarkup(file: string, html: string): OutputProblem[] {
  const text = withoutCode(html);
  const problems: OutputProblem[] = [];
  for (const m of text.matchAll(EVENT_HANDLER)) {
    problems.push({
      file,
      line: positionOf(text, m.index).line,
      message: `页面中有内联事件属性 ${m[1] ?? ''}（可执行脚本）`,
      fix: '检查模板或内容：不要在 HTML 中写 on… 属性，交互请写在独立的脚本文件中',
    });
  }
  for (const m of text.matchAll(SCRIPT_URL)) {
    // data: images are harmless and common (inline icons); only data: documents and scripts execute.
    if (
      m[2]?.toLowerCase() === 'data' &&
      /^data:image\/(png|gif|jpe?g|webp)[;,]/i.test(text.slice(m.index + m[0].length - 5))
    ) {
      continue;
    }
    problems.push({
      file,
      line: positionOf(text, m.index).line,
      message: `页面中有 ${m[2] ?? ''}: 地址（${m[1] ?? ''} 属性）`,
      fix: '链接只能指向 http(s)、mailto、tel 或本站地址',
    });
  }
  return problems;
}

const LINK_ATTRIBUTE = /\s(href|src)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The output file a same-site URL path is served from, or undefined when the URL is not same-site. */
export function internalTarget(url: string, pageFile: string, siteOrigin?: string): string | undefined {
  let value = url.trim().replace(/&amp;/g, '&');
  if (value === '' || value.startsWith('#')) return undefined;
  if (siteOrigin !== undefined && value.startsWith(siteOrigin)) value = value.slice(siteOrigin.length) || '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return undefined;
  const base = new URL(`/${pageFile.replace(/(^|\/)index\.html$/, '$1')}`, 'http://site.invalid');
  const resolved = new URL(value, base);
  let pathname: string;
  try {
    pathname = decodeURIComponent(resolved.pathname);
  } catch {
    pathname = resolved.pathname;
  }
  return pathname.replace(/^\//, '');
}

export interface InternalLink {
  url: string;
  /** Output path the URL points at (see internalTarget). */
  target: string;
  line: number;
}

/** Every same-site href/src in an HTML file (links, images, scripts, styles, attachments). */
export function internalLinks(file: string, html: string, siteOrigin?: string): InternalLink[] {
  const text = withoutCode(html);
  const links: InternalLink[] = [];
  const lineAt = lineFinder(text);
  for (const m of text.matchAll(LINK_ATTRIBUTE)) {
    const url = m[3] ?? m[4] ?? m[5] ?? '';
    const target = internalTarget(url, file, siteOrigin);
    if (target !== undefined) links.push({ url, target, line: lineAt(m.index) });
  }
  return links;
}

/**
 * Same-site links and embeds that do not resolve to a file in the output.
 * `exists` answers for a path inside the output ('' is the root); a directory path needs its index.html.
 */
export function brokenInternalLinks(
  file: string,
  links: readonly InternalLink[],
  exists: (outputPath: string) => boolean,
): OutputProblem[] {
  const problems: OutputProblem[] = [];
  for (const { url, target, line } of links) {
    // /a/ is served from a/index.html, or from a.html (how Astro writes 404.html and static hosts serve it).
    const candidates =
      target === '' || target.endsWith('/')
        ? [`${target}index.html`, `${target.slice(0, -1)}.html`]
        : [target, `${target}/index.html`];
    if (candidates.some(exists)) continue;
    const isAttachment = target.startsWith('uploads/');
    problems.push({
      file,
      line,
      message: isAttachment ? `附件 ${url} 不存在` : `链接 ${url} 指向的页面不存在`,
      fix: isAttachment
        ? `把文件上传到 content/${target}，或改正附件路径`
        : '改正链接地址，或确认目标内容已发布（草稿和定时发布的内容不会生成页面）',
    });
  }
  return problems;
}

/** One problem as a log line block: output file and line, problem, fix. */
export function formatOutputProblem(problem: OutputProblem): string {
  return `${problem.file}:${problem.line}\n  问题：${problem.message}\n  修改：${problem.fix}`;
}

/** Distinct http(s) links to other sites in an HTML file (for the nightly external link check). */
export function externalLinks(html: string, siteOrigin?: string): string[] {
  const links = new Set<string>();
  for (const m of withoutCode(html).matchAll(LINK_ATTRIBUTE)) {
    const url = (m[3] ?? m[4] ?? m[5] ?? '').trim().replace(/&amp;/g, '&');
    if (!/^https?:\/\//i.test(url)) continue;
    if (siteOrigin !== undefined && url.startsWith(siteOrigin)) continue;
    links.add(url.replace(/#.*$/, ''));
  }
  return [...links];
}

/**
 * Checks on the built site, as pure functions over file paths and their text (the integration in
 * src/integrations/post-build-checks.ts reads the files, including Pagefind's compressed index):
 *
 * - personal data: resident IDs and bank cards anywhere; mobiles only when they are not a published work phone
 *   (a `publicContact` value from content, or the target of a tel: link);
 * - executable markup that our pages never produce: inline event handlers and javascript:/vbscript:/data: URLs,
 *   judged on the parsed DOM (escaped text that only looks like markup is text);
 * - internal links and attachments: every same-site href/src resolves to a file in the output.
 */
import { JSDOM } from 'jsdom';
import {
  findPersonalData,
  lineFinder,
  PERSONAL_DATA_LABELS,
  positionOf,
  type PersonalDataKind,
} from '../content/privacy.ts';

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
  /** The number's digits, to find the content it came from. Never printed (logs may be public). */
  digits: string;
}

/**
 * Whether mobiles are looked for in an output file. Script/style bundles and the CMS app are code: they carry
 * the schemas' example numbers (如 13812345678) and no content, so only IDs and cards are looked for there.
 */
function scanMobilesIn(file: string): boolean {
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
      digits: hit.text
        .normalize('NFKC')
        .replace(/[^0-9Xx]/g, '')
        .toUpperCase()
        .replace(/^86(?=1\d{10}$)/, ''),
      message: `生成的网站文件中有完整的${PERSONAL_DATA_LABELS[hit.kind]}`,
      fix: `在内容中改为 ${hit.masked}，并检查生成这个文件的数据（统计、附件、搜索索引）`,
    });
  }
  return problems;
}

/**
 * The DOM of a page, parsed the way a browser parses it (jsdom), with source lines. Pages are parsed only when
 * their text could hold a problem (see needsDom): parsing all 13,000 pages of a large site would add minutes.
 */
function parsePage(html: string): { document: Document; lineOf: (node: Node) => number } {
  const dom = new JSDOM(html, { includeNodeLocations: true });
  return { document: dom.window.document, lineOf: (node) => dom.nodeLocation(node)?.startLine ?? 1 };
}

/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background']);

/**
 * Whether a page's raw text could contain an event handler, a script URL or an escaped look-alike, so that only
 * those pages pay for a DOM parse. A superset by construction: a real attribute's name is always written out in
 * the source, and a URL that starts with a safe prefix (/, #, http(s)://, mailto:, tel:, a plain relative name)
 * cannot be a script URL; anything else (entities, whitespace, other schemes) is parsed and judged by the DOM.
 */
const SUSPECT =
  /[\s"'/]on[a-z]+\s*=|(?:href|src|action|formaction|data|poster|background)\s*=\s*(?!""|''|["']?(?:https?:\/\/|\/(?!\/)|#|\?|mailto:|tel:|\.{1,2}\/|[a-z0-9_-]+(?:[/.?#"'>]|$)))/i;
/** Escaped markup (a 普法 item quoting a scam link in a code span): the regex scan of links would misread it. */
const ESCAPED_MARKUP = /&lt;|&quot;|&#/;

function needsDom(html: string): boolean {
  return SUSPECT.test(html) || ESCAPED_MARKUP.test(html);
}

/** The scheme of a URL attribute as a browser reads it (tabs and line breaks removed, leading spaces ignored). */
function urlScheme(value: string): string | undefined {
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

export interface MarkupProblem extends OutputProblem {
  /** The attribute value that runs script, to find the content it came from. */
  value: string;
}

/**
 * Inline event handlers and script URLs in an HTML file, judged on the parsed DOM: our templates never write
 * them, and content must not. Text that only looks like markup (escaped in a code span, a title or an attribute)
 * is text in the DOM and is not flagged.
 */
export function executableMarkup(file: string, html: string): MarkupProblem[] {
  if (!SUSPECT.test(html)) return [];
  const { document, lineOf } = parsePage(html);
  const problems: MarkupProblem[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) {
        problems.push({
          file,
          line: lineOf(element),
          value,
          message: `页面中有内联事件属性 ${lower}（可执行脚本）`,
          fix: '检查模板或内容：不要在 HTML 中写 on… 属性，交互请写在独立的脚本文件中',
        });
        continue;
      }
      if (!URL_ATTRIBUTES.has(lower)) continue;
      const scheme = urlScheme(value);
      if (scheme !== 'javascript' && scheme !== 'vbscript' && scheme !== 'data') continue;
      // data: images are harmless and common (inline icons); only data: documents and scripts execute.
      if (scheme === 'data' && /^\s*data:image\/(png|gif|jpe?g|webp)[;,]/i.test(value)) continue;
      problems.push({
        file,
        line: lineOf(element),
        value,
        message: `页面中有 ${scheme}: 地址（${lower} 属性）`,
        fix: '链接只能指向 http(s)、mailto、tel 或本站地址',
      });
    }
  }
  return problems;
}

const LINK_ATTRIBUTE = /\s(href|src)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The output file a same-site URL path is served from, or undefined when the URL is not same-site. */
function internalTarget(url: string, pageFile: string, siteOrigin?: string): string | undefined {
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
  const links: InternalLink[] = [];
  for (const { url, line } of linkAttributes(html)) {
    const target = internalTarget(url, file, siteOrigin);
    if (target !== undefined) links.push({ url, target, line });
  }
  return links;
}

/**
 * Every href/src value with its line. Pages with escaped markup are read through the DOM, so a link quoted as
 * text (`&lt;a href=&quot;…&quot;&gt;`) is not taken for one; the others (almost all) by a fast scan.
 */
function linkAttributes(html: string): { url: string; line: number }[] {
  if (needsDom(html)) {
    const { document, lineOf } = parsePage(html);
    const found: { url: string; line: number }[] = [];
    for (const element of document.querySelectorAll('[href], [src]')) {
      for (const name of ['href', 'src']) {
        const url = element.getAttribute(name);
        if (url !== null) found.push({ url, line: lineOf(element) });
      }
    }
    return found;
  }
  const text = withoutScripts(html);
  const lineAt = lineFinder(text);
  return [...text.matchAll(LINK_ATTRIBUTE)].map((m) => ({ url: m[3] ?? m[4] ?? m[5] ?? '', line: lineAt(m.index) }));
}

/** Blanks <script> and <style> bodies (their text is code, not markup), keeping line breaks for line numbers. */
function withoutScripts(html: string): string {
  return html.replace(
    /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi,
    (_, open: string, _tag, body: string, close: string) => open + body.replace(/[^\n]/g, ' ') + close,
  );
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
  for (const { url: raw } of linkAttributes(html)) {
    const url = raw.trim().replace(/&amp;/g, '&');
    if (!/^https?:\/\//i.test(url)) continue;
    if (siteOrigin !== undefined && url.startsWith(siteOrigin)) continue;
    links.add(url.replace(/#.*$/, ''));
  }
  return [...links];
}

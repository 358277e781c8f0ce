/**
 * What may be published from content/uploads/, decided before a byte of a file is read: no links out of the
 * folder, no types a browser runs script in, nothing over the size limit, and only files that an entry public on
 * the build day refers to. Pure: takes paths, lstat facts and parsed entries (docs/security.md, issue 12).
 */
import { entryIsPublic } from '../record/publishing.ts';
import type { ContentError } from './friendly-errors.ts';

/**
 * Largest upload the site publishes (docs/security.md). A month's 财务 PDF is well under 5 MB; a 2 GB file is a
 * mistake (a video, a disk image) and would be read into memory by the privacy scan.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Types a browser runs script in when served from our origin: SVG and (X)HTML documents, XML (which can carry
 * XHTML or XSLT), scripts. Refused outright rather than sanitised: attachments are tables and scans, never these.
 */
const ACTIVE_UPLOAD = /\.(svgz?|x?html?|xht|shtml|xml|xsl|xslt|m?js)$/i;

/** What lstat tells about a file in content/uploads/ (links are not followed). */
export interface UploadStat {
  isSymbolicLink: boolean;
  isFile: boolean;
  size: number;
}

/** A size as clerks read it: 20 MB, 23.5 MB, 2.0 GB. */
function readableSize(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * Why a file in content/uploads/ must not be published, before a byte of it is read; undefined when it may be.
 * `file` is the path for messages (content/uploads/…).
 */
export function uploadProblem(file: string, stat: UploadStat): ContentError | undefined {
  const error = (message: string, fix: string): ContentError => ({ file, field: '', label: '附件', message, fix });
  if (stat.isSymbolicLink) {
    return error(
      '这是一个链接（符号链接），指向上传文件夹以外的文件或文件夹，不会发布',
      '删除这个链接，把要公开的文件本身复制到 content/uploads/ 里',
    );
  }
  if (!stat.isFile) return error('这不是普通文件，不会发布', '从 content/uploads/ 中删除它，只放要公开的附件');
  if (ACTIVE_UPLOAD.test(file)) {
    return error(
      'SVG、HTML、XML 和脚本文件在浏览器中可以运行代码，网站不发布这类附件',
      '把内容另存为 PDF，图片另存为 PNG 或 JPG，再重新上传',
    );
  }
  if (stat.size > MAX_UPLOAD_BYTES) {
    return error(
      `文件有 ${readableSize(stat.size)}，超过附件上限 ${readableSize(MAX_UPLOAD_BYTES)}`,
      '压缩或拆分后重新上传（扫描件可降低分辨率，表格可按月拆分）',
    );
  }
  return undefined;
}

/** `/uploads/…` paths named anywhere in an entry's fields or body (attachments, links, images). */
const UPLOAD_REFERENCE = /\/uploads\/([A-Za-z0-9._~%\/-]+)/g;

/** What publishedUploads needs of an entry (a RawEntry satisfies it). */
export interface ReferencingEntry {
  collection: string;
  data: unknown;
  body?: string;
}

/**
 * Paths under uploads/ (e.g. 2026-10-taoyuan-caiwu.csv) that entries public on `today` refer to: only these are
 * copied into the site, so the attachment of a draft or scheduled notice stays out until the notice is public.
 * Places and site settings are always public; statistics refer to no files.
 */
export function publishedUploads(entries: readonly ReferencingEntry[], today: string): string[] {
  const found = new Set<string>();
  for (const entry of entries) {
    if (!entryIsPublic(entry.collection, entry.data, today)) continue;
    const text = `${JSON.stringify(entry.data)}\n${entry.body ?? ''}`;
    for (const m of text.matchAll(UPLOAD_REFERENCE)) {
      let name = m[1] ?? '';
      try {
        name = decodeURIComponent(name);
      } catch {
        // Keep the name as written: a malformed escape names no file we have.
      }
      // A path that climbs out of uploads/ is never a file we publish (the schema refuses it in attachments).
      if (name.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) continue;
      found.add(name);
    }
  }
  return [...found].sort();
}

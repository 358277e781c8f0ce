/**
 * What a resident should know before opening an attachment (issue 18, as GOV.UK shows it): its type, its size and,
 * for a PDF, its number of pages, e.g. “PDF，245 KB，3 页”. Read at build time from the uploaded file.
 */
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

export interface AttachmentInfo {
  /** PDF, Excel, Word, CSV, 图片… */
  type: string;
  /** Bytes on disk. */
  bytes: number;
  /** Pages of a PDF that could be opened. */
  pages?: number;
}

const TYPES: [RegExp, string][] = [
  [/\.pdf$/i, 'PDF'],
  [/\.xlsx?$/i, 'Excel 表格'],
  [/\.ods$/i, 'ODS 表格'],
  [/\.docx?$/i, 'Word 文档'],
  [/\.odt$/i, 'ODT 文档'],
  [/\.csv$/i, 'CSV 表格'],
  [/\.(jpe?g|png)$/i, '图片'],
];

/** The type label of an attachment path. */
export function attachmentType(file: string): string {
  return TYPES.find(([pattern]) => pattern.test(file))?.[1] ?? (file.split('.').pop() ?? '').toUpperCase();
}

/** 1 234 bytes → “1.2 KB”; sizes in KB below 1 MB, in MB above, one decimal below 10. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The line shown after an attachment's title: “PDF，245 KB，3 页”. */
export function describeAttachment(info: AttachmentInfo): string {
  return [info.type, formatSize(info.bytes), ...(info.pages === undefined ? [] : [`${info.pages} 页`])].join('，');
}

/** Type, size and PDF page count of the file at `absolute` (`publicPath` decides the type); undefined if missing. */
export async function readAttachmentInfo(absolute: string, publicPath: string): Promise<AttachmentInfo | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch {
    return undefined;
  }
  const info: AttachmentInfo = { type: attachmentType(publicPath), bytes: bytes.length };
  if (/\.pdf$/i.test(publicPath)) {
    try {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      info.pages = pdf.numPages;
    } catch {
      // A PDF that cannot be opened was refused by validation already; show type and size only.
    }
  }
  return info;
}

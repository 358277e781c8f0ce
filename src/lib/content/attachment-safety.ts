/**
 * Personal data in attachments (content/uploads/): the 低保 list or 补贴 roster most likely to carry a resident's
 * ID number arrives as a PDF or a spreadsheet export, not as Markdown. Their text is read the way a reader would
 * copy it (PDF: page by page, with PDF.js through `unpdf`; CSV/TXT/MD/JSON: as UTF-8) and checked with the same
 * rules as content fields. Mobile numbers are allowed only when they are a published work phone.
 *
 * Limits (docs/security.md): a scanned PDF is a picture of text and has none to read, so it passes unchecked;
 * office documents (.doc/.xls) are not read. Both need a person to look before they are uploaded.
 *
 * Pure apart from PDF.js: takes file names and bytes, returns errors.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { personalDataFix, personalDataMessage } from './content-safety.ts';
import type { ContentError } from './friendly-errors.ts';
import { findPersonalData, lineFinder } from './privacy.ts';

export interface Attachment {
  /** Path for messages, e.g. content/uploads/2024-q4-taoyuan-caiwu.pdf. */
  file: string;
  bytes: Uint8Array;
  /** Why the file is refused without being read (a link, too big, a type that can run script): upload-rules.ts. */
  problem?: ContentError;
}

const TEXT_ATTACHMENT = /\.(csv|tsv|txt|md|json|xml|html?)$/i;

/** Whether `attachmentText` can read the file: PDFs and text files. Photos and office files are not read at all. */
export function hasReadableText(file: string): boolean {
  return /\.pdf$/i.test(file) || TEXT_ATTACHMENT.test(file);
}

/**
 * The text of an attachment, one string per PDF page (one string for a text file); undefined for files whose
 * text we cannot read (images, office documents). Throws when a PDF cannot be opened (damaged or encrypted).
 */
export async function attachmentText(file: string, bytes: Uint8Array): Promise<string[] | undefined> {
  if (/\.pdf$/i.test(file)) {
    // PDF.js takes ownership of the buffer it is given; pass a copy so the caller's bytes stay usable.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    return (await extractText(pdf, { mergePages: false })).text;
  }
  if (TEXT_ATTACHMENT.test(file)) return [new TextDecoder('utf-8').decode(bytes)];
  return undefined;
}

/** Personal-data errors for every attachment, in file order; `publicPhones` are work phones published on purpose. */
export async function attachmentSafetyErrors(
  attachments: readonly Attachment[],
  publicPhones: ReadonlySet<string>,
): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  for (const { file, bytes, problem } of attachments) {
    if (problem !== undefined) {
      errors.push(problem);
      continue;
    }
    const isPdf = /\.pdf$/i.test(file);
    let pages: string[] | undefined;
    try {
      pages = await attachmentText(file, bytes);
    } catch {
      errors.push({
        file,
        field: '',
        label: '附件',
        message: '这个 PDF 打不开（已损坏或加了密码），无法检查其中有没有身份证号、银行卡号等个人信息',
        fix: '重新导出一份不加密码的 PDF 再上传',
      });
      continue;
    }
    pages?.forEach((text, i) => {
      const lineAt = lineFinder(text);
      for (const hit of findPersonalData(text)) {
        if (hit.kind === 'mobile' && publicPhones.has(hit.digits.replace(/^86(?=1\d{10}$)/, ''))) {
          continue;
        }
        const where = isPdf ? `附件第 ${i + 1} 页` : `附件第 ${lineAt(hit.index)} 行`;
        const error: ContentError = {
          file,
          field: '',
          label: '附件',
          message: personalDataMessage(where, hit),
          fix: `在原文件中${personalDataFix(hit)}，再重新导出上传`,
        };
        if (!isPdf) error.line = lineAt(hit.index);
        errors.push(error);
      }
    });
  }
  return errors;
}

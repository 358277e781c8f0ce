/**
 * What the spreadsheet importers share (`npm run import:stats`, `npm run import:finance`): reading a .xlsx (exceljs)
 * or a CSV (csv-parse) in UTF-8, GBK/GB18030 or UTF-16 (chardet, iconv-lite) into rows with their line numbers,
 * and finding a place by its id, name or full name.
 */
import chardet from 'chardet';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { PlaceLevel } from '../../schemas/place.ts';

export interface ImportPlace {
  id: string;
  name: string;
  level: PlaceLevel;
  parent?: string;
}

export interface Row {
  line: number;
  cells: string[];
}

export const ENCODING_FIX = '在 Excel 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件';

/** Bytes of a CSV file → text, and the encoding it was in. */
function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer, 'utf-16le'), encoding: 'UTF-16LE' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer, 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: what Excel on Chinese Windows saves as "CSV (逗号分隔)" is GBK, which GB18030 contains.
  }
  const detected = chardet.detect(buffer) ?? '';
  if (/^UTF-16/i.test(detected)) {
    const encoding = detected.toUpperCase();
    return { text: iconv.decode(buffer, encoding.toLowerCase()), encoding };
  }
  if (detected === 'Big5') return { text: iconv.decode(buffer, 'big5'), encoding: 'Big5' };
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'GB18030' };
}

export class ReadError extends Error {
  readonly line: number;
  readonly fix: string;
  constructor(line: number, message: string, fix: string) {
    super(message);
    this.line = line;
    this.fix = fix;
  }
}

function csvRows(text: string): Row[] {
  try {
    const records = parseCsv(text, {
      bom: true,
      // Excel's "Unicode 文本" (UTF-16) is tab-separated; its CSV is comma-separated.
      delimiter: [',', '\t'],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new ReadError(line, '引号没有配对（以 " 开始的内容没有以 " 结束）', '检查这一行的引号是否成对');
  }
}

async function xlsxRows(bytes: Uint8Array): Promise<Row[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new ReadError(1, '不是有效的 .xlsx 文件', '用 Excel 或 WPS 打开后“另存为” .xlsx 或 CSV UTF-8');
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    // `text` is what Excel shows (a number formatted "1,020" stays as shown, a formula gives its result).
    for (let i = 1; i <= row.cellCount; i += 1) {
      const cell = row.getCell(i);
      // A date cell (or a formula giving one) as 2026-08-05, not the JavaScript Date text exceljs shows for it.
      const value = cell.result instanceof Date ? cell.result : cell.value;
      cells.push(value instanceof Date ? value.toISOString().slice(0, 10) : cell.text.trim());
    }
    rows.push({ line, cells });
  });
  // A sheet has no cell counts to get wrong: a row simply ends at its last filled cell.
  const width = rows[0]?.cells.length ?? 0;
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return rows;
}

/** The place with its parent's name: "桃源村 · 第一网格", "北街街道 · 新村". */
export function fullName(place: ImportPlace, places: readonly ImportPlace[]): string {
  const parent = places.find((p) => p.id === place.parent);
  return parent === undefined ? place.name : `${parent.name} · ${place.name}`;
}

export type PlaceMatch = { id: string } | { candidates: ImportPlace[] } | undefined;

export function resolvePlace(value: string, places: readonly ImportPlace[]): PlaceMatch {
  if (places.some((p) => p.id === value)) return { id: value };
  const normalized = value.replace(/\s*[·•]\s*/g, ' · ');
  const byFull = places.filter((p) => fullName(p, places) === normalized);
  const matches = byFull.length > 0 ? byFull : places.filter((p) => p.name === value);
  if (matches.length === 1) return { id: (matches[0] as ImportPlace).id };
  if (matches.length > 1) return { candidates: matches };
  return undefined;
}

/** Read the rows of a .xlsx or CSV file; errors for the file as a whole (encoding, syntax, empty, header). */
export async function readRows(bytes: Uint8Array, file: string): Promise<{ rows: Row[]; encoding?: string }> {
  if (/\.xlsx$/i.test(file)) return { rows: await xlsxRows(bytes) };
  if (/\.xls$/i.test(file)) {
    throw new ReadError(
      1,
      '不支持旧版 Excel 97-2003（.xls）文件',
      '在 Excel 中“另存为” .xlsx，或 CSV UTF-8（逗号分隔）',
    );
  }
  const { text, encoding } = decodeCsv(bytes);
  return { rows: csvRows(text), encoding };
}

/** The places of the content on disk, as the importers match them. */
export function importPlaces(entries: readonly { collection: string; id: string; data: unknown }[]): ImportPlace[] {
  return entries
    .filter((e) => e.collection === 'places')
    .map((e) => {
      const data = e.data as { name?: unknown; level?: unknown; parent?: unknown };
      return {
        id: e.id,
        name: String(data.name ?? e.id),
        level: data.level as PlaceLevel,
        ...(typeof data.parent === 'string' ? { parent: data.parent } : {}),
      };
    });
}

/**
 * Reads a spreadsheet of monthly statistics (the way 综治中心 staff keep figures: one row per place and month) into
 * stats records, and checks them with the one content gate (`validateEntries`, what `npm run validate` and the build
 * run) together with the content already on disk: schema, personal data, place exists, month not in the future, one
 * record per place and month.
 *
 * Input as Excel in China saves it: .xlsx (read with exceljs), or CSV (parsed with csv-parse) in UTF-8 (with or
 * without BOM), GBK/GB18030 or UTF-16 (detected with chardet, decoded with iconv-lite). Every row must have as many
 * cells as the header (an unquoted "1,200" splits a cell in two); wholly empty rows (Excel's ",,,,") are skipped.
 *
 * Columns: place and month, then count fields, each named either by its dotted field name (demands.received) or by
 * its Chinese title as in the CMS (群众说事（受理诉求）); an optional note column. The place may be its id (taoyuan),
 * its name (桃源村) or its full name (桃源村 · 第一网格); a name several places share is refused with the candidates.
 * Every problem names its line and column; any problem means nothing is written.
 */
import { statsSchema, type Stats } from '../../schemas/stats.ts';
import { PLACE_LEVEL_LABELS } from '../../schemas/place.ts';
import type { RawEntry } from '../content/content-files.ts';
import {
  ENCODING_FIX,
  fullName,
  ReadError,
  readRows,
  resolvePlace,
  type ImportPlace,
  type Row,
} from '../content/import-table.ts';
import type { ContentError } from '../content/friendly-errors.ts';
import { flatFields } from '../open-data/open-data.ts';
import { validateEntries } from '../content/validate-content.ts';

export type { ImportPlace };

export interface ImportContext {
  /** Known places. */
  places: readonly ImportPlace[];
  /** Build day (YYYY-MM-DD, Asia/Shanghai). */
  today: string;
  /** The content already on disk (read with readContent), checked together with the imported records. */
  existing: readonly RawEntry[];
  /** Allow replacing existing files. */
  replace: boolean;
}

export interface ImportResult {
  records: Stats[];
  errors: ContentError[];
  /** How the file was read, e.g. "GB18030" (said to the user when it was not UTF-8). */
  encoding?: string;
}

const columns = flatFields(statsSchema).map(({ field, path }) => ({
  path,
  names: [field.name, field.title, field.title.split(' › ').at(-1) as string],
}));

function findColumn(header: string): (typeof columns)[number] | undefined {
  const name = header.trim();
  return columns.find((c) => c.names.includes(name));
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

/** "1,234" and "1234" → 1234; text stays text so the schema reports it ("应为数字"); empty → missing. */
function cellValue(cell: string, numeric: boolean): unknown {
  if (cell === '') return undefined;
  if (numeric && /^-?\d{1,3}(,\d{3})+$|^-?\d+(\.\d+)?$/.test(cell)) return Number(cell.replace(/,/g, ''));
  return cell;
}

export async function importStats(bytes: Uint8Array, file: string, context: ImportContext): Promise<ImportResult> {
  const errors: ContentError[] = [];
  const error = (line: number, column: string, field: string, message: string, fix: string) =>
    errors.push({ file, line, field, label: column === '' ? '' : `列“${column}”`, message, fix });
  let read: { rows: Row[]; encoding?: string };
  try {
    read = await readRows(bytes, file);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    error(e.line, '', '', e.message, e.fix);
    return { records: [], errors };
  }
  const { encoding } = read;
  const withEncoding = (result: ImportResult): ImportResult =>
    encoding === undefined ? result : { ...result, encoding };
  // Excel keeps formatted but empty rows as ",,,,": skipped like blank lines.
  const [header, ...body] = read.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (header === undefined) {
    error(1, '', '', '文件是空的', '第一行写列名（地点、月份和各项统计），从第二行起每行一个地点一个月');
    return withEncoding({ records: [], errors });
  }
  const mapped = header.cells.map((name) => ({ name, column: findColumn(name) }));
  const unknown = mapped.filter((m) => m.column === undefined);
  // Nothing recognised: the file was almost certainly decoded with the wrong encoding (or is not a stats table).
  if (unknown.length === mapped.length && encoding !== undefined) {
    error(
      header.line,
      '',
      '',
      `表头一个列名也不认识（按 ${encoding} 编码读取：${header.cells.slice(0, 3).join('，')}…）`,
      ENCODING_FIX,
    );
    return withEncoding({ records: [], errors });
  }
  for (const { name } of unknown) {
    error(
      header.line,
      name,
      '',
      `不认识的列名“${name}”`,
      '列名用统计表单中的名称（如 群众说事（受理诉求））或字段名（如 demands.received）',
    );
  }
  const present = new Set(mapped.map((m) => m.column));
  for (const column of columns) {
    const required = column.path.join('.') !== 'note';
    if (required && !present.has(column)) {
      error(
        header.line,
        '',
        column.path.join('.'),
        `缺少“${column.names[2]}”列`,
        `在第一行加上“${column.names[2]}”列并填写数字`,
      );
    }
  }
  if (errors.length > 0) return withEncoding({ records: [], errors });

  const columnOf = new Map(mapped.map((m) => [m.column?.path.join('.') ?? '', m.name]));
  const placeColumn = columnOf.get('place') ?? 'place';
  const monthColumn = columnOf.get('month') ?? 'month';
  const existingKeys = new Map(context.existing.filter((e) => e.collection === 'stats').map((e) => [e.id, e] as const));
  const imported: { row: Row; entry: RawEntry }[] = [];
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      error(
        row.line,
        '',
        '',
        `这一行有 ${row.cells.length} 格，表头有 ${header.cells.length} 列`,
        row.cells.length > header.cells.length
          ? '数字里的千位逗号（如 1,200）会把一格分成两格：去掉逗号写 1200，或给这一格加英文引号 "1,200"'
          : '补齐这一行缺少的格（没有的数字填 0）',
      );
      continue;
    }
    const data: Record<string, unknown> = {};
    mapped.forEach(({ column }, i) => {
      if (column === undefined) return;
      const key = column.path.join('.');
      const numeric = key !== 'place' && key !== 'month' && key !== 'note';
      const value = cellValue(row.cells[i] ?? '', numeric);
      if (value !== undefined) setPath(data, column.path, value);
    });
    if (typeof data.place === 'string') {
      const match = resolvePlace(data.place, context.places);
      if (match !== undefined && 'candidates' in match) {
        const list = match.candidates
          .map((p) => `${fullName(p, context.places)}（${PLACE_LEVEL_LABELS[p.level]}，编号 ${p.id}）`)
          .join('、');
        error(
          row.line,
          placeColumn,
          'place',
          `有 ${match.candidates.length} 个地点都叫“${data.place}”：${list}`,
          '改填其中一个的编号，或带上级名称的全称（如“桃源村 · 第一网格”）',
        );
        continue;
      }
      if (match !== undefined) data.place = match.id;
      // A name that matches no place (an id that matches none is the gate's to report, like in the CMS).
      else if (!/^[a-z0-9-]+$/.test(data.place)) {
        error(
          row.line,
          placeColumn,
          'place',
          `找不到地点“${data.place}”`,
          '填写地点编号（如 taoyuan）或名称（如 桃源村）',
        );
        continue;
      }
    }
    const id = `${String(data.place)}-${String(data.month)}`;
    if (existingKeys.has(id) && !context.replace) {
      const name = context.places.find((p) => p.id === data.place)?.name ?? String(data.place);
      error(
        row.line,
        monthColumn,
        'month',
        `${name} ${String(data.month)} 已有统计文件`,
        '确认要覆盖时加 --replace 重新导入，否则删除这一行',
      );
      continue;
    }
    const entry: RawEntry = {
      collection: 'stats',
      id,
      // A name of its own per row, so each error can be traced back to its line (see below).
      file: `${file}#${row.line}`,
      data,
      lineOf: () => row.line,
    };
    imported.push({ row, entry });
  }

  // The one gate, over the content on disk (minus the files being replaced) plus the imported rows.
  const replaced = new Set(imported.map((i) => i.entry.id));
  const kept = context.existing.filter((e) => !(e.collection === 'stats' && replaced.has(e.id)));
  const rowOf = new Map(imported.map((i) => [i.entry.file, i.row]));
  const gate = validateEntries([...kept, ...imported.map((i) => i.entry)], context.today);
  const refused = new Set<string>();
  for (const e of gate.errors) {
    const row = rowOf.get(e.file);
    // The importer names the files itself; a name made of an unknown place is reported as the place instead.
    if (row === undefined || e.label === '文件名') continue;
    refused.add(e.file);
    const message = e.message.replace(new RegExp(`${escapeRegExp(file)}#(\\d+)`, 'g'), '第 $1 行');
    errors.push({ ...e, file, line: row.line, message, label: `列“${columnOf.get(e.field) ?? e.label}”` });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (errors.length > 0) return withEncoding({ records: [], errors });
  const records = imported.filter((i) => !refused.has(i.entry.file)).map((i) => statsSchema.parse(i.entry.data));
  return withEncoding({ records, errors });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** File name and text of a record as the CMS writes it (schema key order, two-space indent). */
export function statsFile(record: Stats): { name: string; text: string } {
  return { name: `${record.place}-${record.month}.json`, text: `${JSON.stringify(record, null, 2)}\n` };
}

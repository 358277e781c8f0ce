/**
 * Reads a spreadsheet export of monthly statistics (the way 综治中心 staff keep figures: one row per place and
 * month) into stats records, through the same zod schema and cross-file rules as the CMS and the build.
 *
 * Columns: place and month, then count fields, each named either by its dotted field name (demands.received)
 * or by its Chinese title as in the CMS (群众说事（受理诉求）); an optional note column. The place may be its id
 * (taoyuan) or its name (桃源村). Every problem names its line and column; any problem means nothing is written.
 */
import { statsSchema, type Stats } from '../schemas/stats.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { monthOf } from './dates.ts';
import { parseWithFriendlyErrors, type ContentError } from './friendly-errors.ts';
import { flatFields } from './open-data.ts';

export interface ImportContext {
  /** Known places: id → name. */
  places: ReadonlyMap<string, string>;
  /** Build day (YYYY-MM-DD, Asia/Shanghai): months after it are refused. */
  today: string;
  /** "place|month" keys that already have a file in content/stats. */
  existing: ReadonlySet<string>;
  /** Allow replacing existing files. */
  replace: boolean;
}

export interface ImportResult {
  records: Stats[];
  errors: ContentError[];
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

export function importStatsCsv(text: string, file: string, context: ImportContext): ImportResult {
  const errors: ContentError[] = [];
  const error = (line: number, column: string, field: string, message: string, fix: string) =>
    errors.push({ file, line, field, label: column === '' ? '' : `列“${column}”`, message, fix });
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    error(e.line, '', '', e.message.replace(/^第 \d+ 行：/, ''), '检查这一行的引号是否成对');
    return { records: [], errors };
  }
  const [header, ...body] = rows;
  if (header === undefined) {
    error(1, '', '', '文件是空的', '第一行写列名（地点、月份和各项统计），从第二行起每行一个地点一个月');
    return { records: [], errors };
  }
  const mapped = header.cells.map((name) => ({ name, column: findColumn(name) }));
  mapped.forEach(({ name, column }) => {
    if (column === undefined) {
      error(
        1,
        name,
        '',
        `不认识的列名“${name}”`,
        '列名用统计表单中的名称（如 群众说事（受理诉求））或字段名（如 demands.received）',
      );
    }
  });
  const present = new Set(mapped.map((m) => m.column));
  for (const column of columns) {
    const required = !['note'].includes(column.path.join('.'));
    if (required && !present.has(column)) {
      error(1, '', column.path.join('.'), `缺少“${column.names[2]}”列`, `在第一行加上“${column.names[2]}”列并填写数字`);
    }
  }
  if (errors.length > 0) return { records: [], errors };

  const columnOf = new Map(mapped.map((m) => [m.column?.path.join('.') ?? '', m.name]));
  const byName = new Map([...context.places].map(([id, name]) => [name, id]));
  const seen = new Map<string, number>();
  const records: Stats[] = [];
  for (const row of body) {
    const data: Record<string, unknown> = {};
    mapped.forEach(({ column }, i) => {
      if (column === undefined) return;
      const key = column.path.join('.');
      const numeric = key !== 'place' && key !== 'month' && key !== 'note';
      let value = cellValue(row.cells[i] ?? '', numeric);
      if (key === 'place' && typeof value === 'string') value = byName.get(value) ?? value;
      if (value !== undefined) setPath(data, column.path, value);
    });
    const placeColumn = columnOf.get('place') ?? 'place';
    const monthColumn = columnOf.get('month') ?? 'month';
    if (typeof data.place === 'string' && !context.places.has(data.place)) {
      error(
        row.line,
        placeColumn,
        'place',
        `找不到地点“${data.place}”`,
        '填写地点编号（如 taoyuan）或名称（如 桃源村）',
      );
      continue;
    }
    const parsed = parseWithFriendlyErrors(statsSchema, data, file);
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        errors.push({ ...e, line: row.line, label: `列“${columnOf.get(e.field) ?? e.label}”` });
      }
      continue;
    }
    const record = parsed.data;
    if (record.month > monthOf(context.today)) {
      error(row.line, monthColumn, 'month', `${record.month} 还没到（今天是 ${context.today}）`, '检查年份和月份');
      continue;
    }
    const key = `${record.place}|${record.month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      error(row.line, monthColumn, 'month', `与第 ${earlier} 行重复（同一地点同一月份）`, '合并两行的数字，只保留一行');
      continue;
    }
    seen.set(key, row.line);
    if (context.existing.has(key) && !context.replace) {
      error(
        row.line,
        monthColumn,
        'month',
        `${context.places.get(record.place)} ${record.month} 已有统计文件`,
        '确认要覆盖时加 --replace 重新导入，否则删除这一行',
      );
      continue;
    }
    records.push(record);
  }
  return { records, errors };
}

/** File name and text of a record as the CMS writes it. */
export function statsFile(record: Stats): { name: string; text: string } {
  return { name: `${record.place}-${record.month}.json`, text: `${JSON.stringify(record, null, 2)}\n` };
}

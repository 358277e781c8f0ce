/**
 * Reads what village accounting software exports (a 现金/银行日记账 or 收支明细账: one row per ledger line with 日期,
 * 凭证号, 摘要, 科目 and either 收入/支出 or 借方/贷方 amounts) into monthly finance ledgers, one per month present,
 * and checks them with the one content gate (`validateEntries`, what `npm run validate`, the build and the CMS run)
 * together with the content already on disk.
 *
 * The file is read by the statistics importer's reader (src/lib/content/import-table.ts: .xlsx, or CSV in UTF-8, GBK or
 * UTF-16). The 科目 is matched by its Chinese label in the chart of accounts (src/schemas/finance.ts), also with an
 * account code or a sub-account (“501 经营收入”, “经营收入/厂房租金”). Rows whose 摘要 is 本月合计/本年累计 are the
 * software's totals and skipped. The opening balance of the first month comes from a row whose 摘要 is 期初余额 (or
 * 上月结转; its amount in the 余额 column, else in the 收入/借方 column), else from `--opening`, else from last
 * month's ledger on disk; each later month opens with the month before's closing balance. Closing balances are
 * computed in integer 分 (src/lib/finance/finance.ts). A month inside the file's range without a line gets a ledger with
 * empty lists (the chain rule needs every month).
 *
 * Every problem names its line and column ("第 12 行「收入」"); any problem means nothing is written.
 */
import { EXPENSE_CATEGORY_LABELS, financeSchema, INCOME_CATEGORY_LABELS, type Finance } from '../../schemas/finance.ts';
import type { RawEntry } from '../content/content-files.ts';
import { addMonths } from '../site/dates.ts';
import { fenToYuan, ledgerTotals, type LedgerLine } from './finance.ts';
import { formatError, type ContentError } from '../content/friendly-errors.ts';
import { ReadError, readRows, resolvePlace, type ImportPlace, type Row } from '../content/import-table.ts';
import { validateEntries } from '../content/validate-content.ts';

export interface FinanceImportContext {
  /** Known places. */
  places: readonly ImportPlace[];
  /** `--place`: id or name of the village; without it, a village named in the file name. */
  place?: string;
  /** `--opening`: the first month's opening balance, in 元. */
  opening?: number;
  /** Build day (YYYY-MM-DD, Asia/Shanghai). */
  today: string;
  /** The content already on disk (read with readContent), checked together with the imported ledgers. */
  existing: readonly RawEntry[];
  /** Allow replacing existing ledgers (their attachments and note are kept). */
  replace: boolean;
  /** Folder the ledgers are written to, relative to the working directory, for messages (content/finance). */
  folder: string;
}

export interface FinanceImportResult {
  ledgers: Finance[];
  errors: ContentError[];
  /** How the file was read, e.g. "GB18030" (said to the user when it was not UTF-8). */
  encoding?: string;
  /** Months inside the file's range that had no line and got an empty ledger. */
  emptyMonths: string[];
  /** Total rows of the software (本月合计, 本年累计) that were skipped. */
  totalRows: number;
}

type ColumnKey = 'date' | 'voucher' | 'summary' | 'category' | 'income' | 'expense' | 'balance' | 'ignored';

const COLUMN_NAMES: Record<ColumnKey, readonly string[]> = {
  date: ['日期', '记账日期', '凭证日期', 'date'],
  voucher: ['凭证号', '凭证字号', '凭证编号', 'voucher'],
  summary: ['摘要', 'summary'],
  category: ['科目', '科目名称', '会计科目', '对方科目', 'category'],
  income: ['收入', '收入金额', '借方', '借方金额', '借', 'income'],
  expense: ['支出', '支出金额', '贷方', '贷方金额', '贷', 'expense'],
  balance: ['余额', 'balance'],
  // What the software adds and the ledger does not keep.
  ignored: ['序号', '方向', '借或贷', '附件数', '制单人', '审核人', '记账人'],
};
const REQUIRED: readonly ColumnKey[] = ['date', 'voucher', 'summary', 'category', 'income', 'expense'];

const OPENING_ROW = /^(期初余额|上月结转|上年结转|年初余额|承前页)$/;
const TOTAL_ROW = /^(本月合计|本期合计|本年累计|本年合计|合计|小计|累计|过次页)$/;

const SIDE_LABELS = { income: INCOME_CATEGORY_LABELS, expense: EXPENSE_CATEGORY_LABELS } as const;
const SIDE_NAMES = { income: '收入', expense: '支出' } as const;

/** 2026-08-05, 2026/8/5, 2026.8.5, 2026年8月5日, 20260805 (a time after it is dropped) → 2026-08-05. */
export function parseLedgerDate(cell: string): string | undefined {
  const text = cell.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m === null) return undefined;
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}

/** "1,234.56", "¥1234.56", "1234.56元" → 1234.56; "" or "-" → null; anything else → undefined. */
export function parseLedgerAmount(cell: string): number | null | undefined {
  const text = cell.replace(/[¥￥元\s]/g, '');
  if (text === '' || text === '-') return null;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

/** "经营收入", "501 经营收入", "经营收入/厂房租金", "operating" → the account on this side, if any. */
function findCategory(cell: string, side: 'income' | 'expense'): string | undefined {
  const name = cell
    .replace(/^\d+\s*/, '')
    .split(/[/_—－-]/)[0]
    ?.trim();
  const labels = SIDE_LABELS[side] as Record<string, string>;
  return Object.keys(labels).find((id) => id === name || labels[id] === name);
}

/** One error as the clerk reads it: "台账.csv 第 12 行「收入」：金额应大于 0", then the fix. */
export function formatImportError(error: ContentError): string {
  if (error.label !== '') return formatError(error);
  const where = error.line === undefined ? error.file : `${error.file} 第 ${error.line} 行`;
  return `${where}「${error.field}」：${error.message}\n  修改：${error.fix}`;
}

interface Line {
  row: Row;
  side: 'income' | 'expense';
  data: Record<string, unknown>;
}

/** Ledger JSON as the CMS writes it: schema key order, two-space indent, no empty optional lists. */
export function financeFile(ledger: Finance): { name: string; text: string } {
  const { attachments, note, ...rest } = ledger;
  const data = { ...rest, ...(attachments.length > 0 ? { attachments } : {}), ...(note === undefined ? {} : { note }) };
  return { name: `${ledger.place}-${ledger.month}.json`, text: `${JSON.stringify(data, null, 2)}\n` };
}

export async function importFinance(
  bytes: Uint8Array,
  file: string,
  context: FinanceImportContext,
): Promise<FinanceImportResult> {
  const errors: ContentError[] = [];
  // field = the column as the file names it (shown as 「…」), label '' marks an importer error.
  const error = (line: number | undefined, column: string, message: string, fix: string) =>
    errors.push({ file, ...(line === undefined ? {} : { line }), field: column, label: '', message, fix });
  const result = (extra: Partial<FinanceImportResult> = {}): FinanceImportResult => ({
    ledgers: [],
    errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    emptyMonths: [],
    totalRows: 0,
    ...(encoding === undefined ? {} : { encoding }),
    ...extra,
  });
  let encoding: string | undefined;
  let rows: Row[];
  try {
    const read = await readRows(bytes, file);
    rows = read.rows;
    encoding = read.encoding;
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    error(e.line, '文件', e.message, e.fix);
    return result();
  }

  // The village: --place, or the one village or community the file name names (桃源村2026年台账.xlsx).
  let place: string | undefined;
  const villages = context.places.filter((p) => p.level === 'village' || p.level === 'community');
  if (context.place !== undefined) {
    const match = resolvePlace(context.place, villages);
    if (match !== undefined && 'id' in match) place = match.id;
    else {
      error(
        undefined,
        '--place',
        `找不到村/社区“${context.place}”`,
        `填写村/社区的编号或名称，如 --place ${villages[0]?.id ?? 'taoyuan'}`,
      );
    }
  } else {
    const base = file.split(/[\\/]/).at(-1) ?? file;
    const named = villages.filter((p) => base.includes(p.name));
    if (named.length === 1) place = (named[0] as ImportPlace).id;
    else {
      error(
        undefined,
        '--place',
        '没有指定是哪个村/社区的台账',
        `加上 --place 村/社区编号，如 npm run import:finance -- ${base} --place ${villages[0]?.id ?? 'taoyuan'}`,
      );
    }
  }

  const [header, ...body] = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (header === undefined) {
    error(1, '文件', '文件是空的', '第一行写列名（日期、凭证号、摘要、科目、收入、支出），从第二行起每行一笔');
    return result();
  }
  const columnAt = new Map<ColumnKey, number>();
  header.cells.forEach((name, i) => {
    const key = (Object.keys(COLUMN_NAMES) as ColumnKey[]).find((k) => COLUMN_NAMES[k].includes(name.trim()));
    if (key === undefined) {
      error(
        header.line,
        name,
        `不认识的列名“${name}”`,
        '列名用 日期、凭证号、摘要、科目、收入、支出（或 借方、贷方）、余额；不需要的列删掉',
      );
    } else if (key !== 'ignored' && columnAt.has(key)) {
      error(
        header.line,
        name,
        `“${name}”与“${header.cells[columnAt.get(key) as number]}”是同一列`,
        '只保留其中一列（收入和借方、支出和贷方是同一个意思）',
      );
    } else if (key !== 'ignored') columnAt.set(key, i);
  });
  if (columnAt.size === 0 && encoding !== undefined) {
    errors.length = 0;
    error(
      header.line,
      '文件',
      `表头一个列名也不认识（按 ${encoding} 编码读取：${header.cells.slice(0, 3).join('，')}…）`,
      '在 Excel 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件',
    );
    return result();
  }
  for (const key of REQUIRED) {
    if (!columnAt.has(key)) {
      error(
        header.line,
        COLUMN_NAMES[key][0] as string,
        `缺少“${COLUMN_NAMES[key][0] as string}”列`,
        `在第一行加上“${COLUMN_NAMES[key][0] as string}”列${key === 'income' || key === 'expense' ? '（或借方、贷方）' : ''}`,
      );
    }
  }
  if (errors.length > 0) return result();

  const name = (key: ColumnKey) => header.cells[columnAt.get(key) as number] as string;
  const cell = (row: Row, key: ColumnKey) => (columnAt.has(key) ? (row.cells[columnAt.get(key) as number] ?? '') : '');

  let opening: { value: number; row: Row; column: string } | undefined;
  let totalRows = 0;
  const lines: Line[] = [];
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      error(
        row.line,
        '整行',
        `这一行有 ${row.cells.length} 格，表头有 ${header.cells.length} 列`,
        row.cells.length > header.cells.length
          ? '金额里的千位逗号（如 1,200.00）会把一格分成两格：去掉逗号写 1200.00，或给这一格加英文引号 "1,200.00"'
          : '补齐这一行缺少的格',
      );
      continue;
    }
    const summary = cell(row, 'summary');
    if (TOTAL_ROW.test(summary)) {
      totalRows += 1;
      continue;
    }
    if (OPENING_ROW.test(summary)) {
      const key: ColumnKey = cell(row, 'balance') !== '' ? 'balance' : 'income';
      const value = parseLedgerAmount(cell(row, key));
      if (opening !== undefined) {
        error(row.line, name('summary'), `第 ${opening.row.line} 行已经是期初余额`, '只保留第一个月之前的一行期初余额');
      } else if (lines.length > 0) {
        error(row.line, name('summary'), '期初余额写在了收支明细之后', '把期初余额这一行移到第一笔收支之前');
      } else if (value === null || value === undefined) {
        error(
          row.line,
          name(key),
          value === null ? '期初余额没有金额' : `期初余额“${cell(row, key)}”不是数字`,
          '在余额列填写期初余额，如 226198.40',
        );
      } else {
        opening = { value, row, column: name(key) };
      }
      continue;
    }

    let failed = false;
    const fail = (key: ColumnKey | string, message: string, fix: string) => {
      error(row.line, key, message, fix);
      failed = true;
    };
    const date = parseLedgerDate(cell(row, 'date'));
    if (date === undefined) {
      fail(
        name('date'),
        cell(row, 'date') === '' ? '缺少日期' : `日期“${cell(row, 'date')}”看不懂`,
        '写成 2026-08-05（或 2026/8/5、2026年8月5日）',
      );
    }
    const income = parseLedgerAmount(cell(row, 'income'));
    const expense = parseLedgerAmount(cell(row, 'expense'));
    for (const key of ['income', 'expense'] as const) {
      const value = key === 'income' ? income : expense;
      if (value === undefined) {
        fail(name(key), `金额“${cell(row, key)}”不是数字`, '只填数字，如 1234.56（不要带文字）');
      }
    }
    // A software export writes 0.00 in the column a line does not use.
    const hasIncome = typeof income === 'number' && income !== 0;
    const hasExpense = typeof expense === 'number' && expense !== 0;
    if (income !== undefined && expense !== undefined) {
      if (hasIncome && hasExpense) {
        fail(
          name('income'),
          `同一行既有${name('income')} ${cell(row, 'income')} 又有${name('expense')} ${cell(row, 'expense')}`,
          '一行只记一笔：拆成两行，各用一张凭证号',
        );
      } else if (!hasIncome && !hasExpense) {
        fail(name('income'), `${name('income')}、${name('expense')}都没有金额`, '在收入或支出一侧填写这一笔的金额');
      }
    }
    if (failed) continue;
    const side = hasIncome ? 'income' : 'expense';
    const categoryCell = cell(row, 'category');
    const category = findCategory(categoryCell, side);
    if (category === undefined) {
      const other = side === 'income' ? 'expense' : 'income';
      const labels = Object.values(SIDE_LABELS[side]).join('、');
      error(
        row.line,
        name('category'),
        categoryCell === ''
          ? '缺少科目'
          : findCategory(categoryCell, other) !== undefined
            ? `“${categoryCell}”是${SIDE_NAMES[other]}科目，这一笔记在${SIDE_NAMES[side]}一侧`
            : `不认识的${SIDE_NAMES[side]}科目“${categoryCell}”`,
        `${SIDE_NAMES[side]}科目填其中之一：${labels}`,
      );
      continue;
    }
    const amount = (side === 'income' ? income : expense) as number;
    const voucher = cell(row, 'voucher');
    lines.push({
      row,
      side,
      data: { date, voucher, summary, category, amount },
    });
  }
  // Rows refused so far are left out; the gate still checks the others, so one run lists every problem.
  if (lines.length === 0 && errors.length === 0) {
    error(header.line, '文件', '没有一笔收支', '从第二行起每行写一笔收支（日期、凭证号、摘要、科目、金额）');
    return result({ totalRows });
  }
  if (place === undefined || lines.length === 0) return result({ totalRows });

  // Months from the first to the last line, each with its lines in the order of the file.
  const months = [...new Set(lines.map((l) => (l.data.date as string).slice(0, 7)))].sort();
  const first = months[0] as string;
  const last = months.at(-1) as string;
  const allMonths: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) allMonths.push(m);
  const existing = new Map(context.existing.filter((e) => e.collection === 'finance').map((e) => [e.id, e] as const));
  const previous = existing.get(`${place}-${addMonths(first, -1)}`)?.data as { closingBalance?: unknown } | undefined;
  let openingBalance: number;
  let openingLine: number | undefined;
  let openingColumn = '期初余额';
  if (opening !== undefined) {
    openingBalance = opening.value;
    openingLine = opening.row.line;
    openingColumn = opening.column;
  } else if (context.opening !== undefined) {
    openingBalance = context.opening;
    openingColumn = '--opening';
  } else if (typeof previous?.closingBalance === 'number') {
    openingBalance = previous.closingBalance;
  } else {
    error(
      undefined,
      '期初余额',
      `不知道 ${first} 的期初余额：没有“期初余额”行，也没有 ${place}-${addMonths(first, -1)}.json`,
      '在第一笔之前加一行，摘要写“期初余额”、余额列填金额；或加 --opening 金额，如 --opening 226198.40',
    );
    return result({ totalRows });
  }

  const imported: { entry: RawEntry; month: string; rows: Record<'income' | 'expense', Row[]>; firstLine: number }[] =
    [];
  const emptyMonths: string[] = [];
  let carried = openingBalance;
  for (const month of allMonths) {
    const own = lines.filter((l) => (l.data.date as string).startsWith(`${month}-`));
    const income = own.filter((l) => l.side === 'income');
    const expense = own.filter((l) => l.side === 'expense');
    const firstLine = own[0]?.row.line ?? header.line;
    if (own.length === 0) emptyMonths.push(month);
    const id = `${place}-${month}`;
    const kept = existing.get(id);
    if (kept !== undefined && !context.replace) {
      error(
        own[0]?.row.line,
        name('date'),
        `${place} ${month} 已有台账（${context.folder}/${id}.json）`,
        '确认要用导出的台账覆盖时加 --replace 重新导入（凭证扫描件和说明会保留），否则删去这个月的行',
      );
    }
    const before = (kept?.data ?? {}) as { attachments?: unknown; note?: unknown };
    const data: Record<string, unknown> = {
      place,
      month,
      openingBalance: carried,
      income: income.map((l) => l.data),
      expense: expense.map((l) => l.data),
    };
    const totals = ledgerTotals({
      ...(data as { place: string; month: string }),
      openingBalance: carried,
      closingBalance: 0,
      income: data.income as LedgerLine[],
      expense: data.expense as LedgerLine[],
    });
    data.closingBalance = fenToYuan(totals.expectedClosingFen);
    if (Array.isArray(before.attachments) && before.attachments.length > 0) data.attachments = before.attachments;
    if (typeof before.note === 'string') data.note = before.note;
    carried = fenToYuan(totals.expectedClosingFen);
    const rowsOf = { income: income.map((l) => l.row), expense: expense.map((l) => l.row) };
    const openingAt = month === first ? (openingLine ?? firstLine) : firstLine;
    imported.push({
      month,
      rows: rowsOf,
      firstLine,
      entry: {
        collection: 'finance',
        id,
        file: `${file}#${month}`,
        data,
        lineOf: (path) => {
          const [side, index] = path;
          if ((side === 'income' || side === 'expense') && typeof index === 'number') {
            return rowsOf[side][index]?.line ?? firstLine;
          }
          if (side === 'openingBalance') return openingAt;
          if (side === 'closingBalance') return own.at(-1)?.row.line ?? firstLine;
          return firstLine;
        },
      },
    });
  }

  // The one gate over the content on disk (minus the ledgers being replaced) plus the imported ledgers. Problems
  // the content already had are not the import's; new ones in other files (the next month on disk no longer
  // chaining) are.
  const replacedIds = new Set(imported.map((i) => i.entry.id));
  const kept = context.existing.filter((e) => !(e.collection === 'finance' && replacedIds.has(e.id)));
  const before = new Set(validateEntries([...context.existing], context.today).errors.map(formatError));
  const gate = validateEntries([...kept, ...imported.map((i) => i.entry)], context.today);
  const byFile = new Map(imported.map((i) => [i.entry.file, i] as const));
  const columnOf = (field: string, month: string): string => {
    const [head, , leaf] = field.split('.');
    if (head === 'income' || head === 'expense') {
      if (leaf === 'amount') return name(head);
      if (leaf === 'date' || leaf === 'voucher' || leaf === 'summary' || leaf === 'category') return name(leaf);
      return '整行';
    }
    if (head === 'openingBalance') return month === first ? openingColumn : `${month} 期初余额（上月结余）`;
    if (head === 'closingBalance') return `${month} 期末余额（计算结果）`;
    if (head === 'place') return '--place';
    return name('date');
  };
  const ownName = new RegExp(`${escapeRegExp(file)}#(\\d{4}-\\d{2})`, 'g');
  for (const e of gate.errors) {
    const own = byFile.get(e.file);
    if (own === undefined) {
      if (!before.has(formatError(e))) errors.push({ ...e, message: e.message.replace(ownName, '导入的 $1') });
      continue;
    }
    if (e.label === '文件名') continue;
    errors.push({
      file,
      ...(e.line === undefined ? {} : { line: e.line }),
      field: columnOf(e.field, own.month),
      label: '',
      message: e.message.replace(ownName, '导入的 $1'),
      fix: e.field === 'closingBalance' ? '核对期初余额和这个月各笔收支的金额、方向（收入/支出）' : e.fix,
    });
  }
  if (errors.length > 0) return result({ totalRows });
  const ledgers = imported.map((i) => financeSchema.parse(i.entry.data));
  return result({ ledgers, emptyMonths, totalRows });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

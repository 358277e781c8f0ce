/**
 * CSV as Excel and journalists' tools expect it (RFC 4180): comma-separated, CRLF line ends, fields quoted when
 * they contain a comma, quote or line break, and a UTF-8 byte-order mark so Excel on Chinese Windows opens the
 * file as UTF-8 instead of GBK. Cells that a spreadsheet would run as a formula get a leading ' (csvCell).
 * Reading accepts the same, plus LF line ends and a missing BOM.
 */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which a spreadsheet reads as a number and never as a formula: -12, +3.5, -0.25. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A cell as written to the file. Text starting with = + - @, a tab or a carriage return is prefixed with ' so a
 * spreadsheet shows it as text instead of running it (CSV formula injection: `=HYPERLINK(…)`,
 * `-1+cmd|' /C calc'!A0`). Plain numbers are left alone, negative ones included, so journalists get numbers they
 * can sum (docs/open-data.md).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function quote(value: CsvValue): string {
  const text = csvCell(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header and rows → CSV text with BOM and CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export interface CsvRow {
  /** 1-based line where the row starts in the file (counting the header as line 1). */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`第 ${line} 行：${message}`);
    this.line = line;
  }
}

/** Parse CSV text into rows with their line numbers. Blank lines are skipped. Throws CsvSyntaxError. */
export function parseCsv(text: string): CsvRow[] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let wasQuoted = false;
  const endCell = () => {
    cells.push(wasQuoted ? cell : cell.trim());
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, '引号没有配对（以 " 开始的内容没有以 " 结束）');
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/**
 * `npm run import:finance -- 台账.xlsx|台账.csv [--place <id>] [--opening <元>] [--dry-run] [--replace]`: turn the
 * ledger export of the village accounting software into content/finance/<place>-<YYYY-MM>.json (CONTENT_DIR
 * elsewhere), one file per month, checked by the same gate as `npm run validate` before anything is written. Any
 * problem: every error is listed with its line and column, and nothing is written. Each file is written to a
 * temporary name and renamed. See src/lib/finance/import-finance.ts and docs/finance.md.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readContent } from '../src/lib/content/content-files.ts';
import { buildToday } from '../src/lib/site/dates.ts';
import { financeFile, formatImportError, importFinance, parseLedgerAmount } from '../src/lib/finance/import-finance.ts';
import { importPlaces } from '../src/lib/content/import-table.ts';
import { writeAtomic } from './lib/write-atomic.ts';

const USAGE =
  '用法：npm run import:finance -- 台账.xlsx（或 .csv） [--place 村编号] [--opening 期初余额] [--dry-run] [--replace]';
let parsed: {
  values: { place?: string; opening?: string; 'dry-run'?: boolean; replace?: boolean };
  positionals: string[];
};
try {
  parsed = parseArgs({
    options: {
      place: { type: 'string' },
      opening: { type: 'string' },
      'dry-run': { type: 'boolean' },
      replace: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  const flag = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
  console.error(`${flag === undefined ? '参数不对' : `不认识的参数 ${flag}`}。\n${USAGE}`);
  process.exit(2);
}
const { place, opening: openingText } = parsed.values;
const dryRun = parsed.values['dry-run'] === true;
if (parsed.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const opening = openingText === undefined ? undefined : parseLedgerAmount(openingText);
if (opening === null || (openingText !== undefined && opening === undefined)) {
  console.error(`--opening 应为金额（元），如 --opening 226198.40，现在是“${openingText ?? ''}”。\n${USAGE}`);
  process.exit(2);
}
const file = parsed.positionals[0] as string;
if (!existsSync(file)) {
  console.error(`找不到文件 ${file}`);
  process.exit(2);
}
const root = contentDir();
const target = path.join(root, 'finance');
const { entries } = readContent(root);
const result = await importFinance(readFileSync(file), path.relative(process.cwd(), file), {
  places: importPlaces(entries),
  ...(place === undefined ? {} : { place }),
  ...(opening === undefined ? {} : { opening }),
  today: buildToday(process.env.BUILD_DATE),
  existing: entries,
  replace: parsed.values.replace === true,
  folder: path.relative(process.cwd(), target),
});
if (result.encoding !== undefined && result.encoding !== 'UTF-8') {
  console.log(`文件是 ${result.encoding} 编码，已自动转换。`);
}
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(formatImportError(error));
  console.error(`\n${result.errors.length} 个问题，未写入任何文件。改正后重新导入。`);
  process.exit(1);
}
if (result.totalRows > 0) console.log(`跳过 ${result.totalRows} 行合计（本月合计、本年累计）。`);
for (const month of result.emptyMonths) console.log(`${month} 没有收支，生成一份空台账（期初、期末余额相同）。`);
if (!dryRun) mkdirSync(target, { recursive: true });
for (const ledger of result.ledgers) {
  const { name, text } = financeFile(ledger);
  const destination = path.join(target, name);
  if (!dryRun) writeAtomic(destination, text);
  console.log(
    `${dryRun ? '将写入' : '已写入'} ${path.relative(process.cwd(), destination)}（收入 ${ledger.income.length} 笔，支出 ${ledger.expense.length} 笔，期末余额 ${ledger.closingBalance} 元）`,
  );
}
console.log(`${result.ledgers.length} 个月的台账${dryRun ? '检查通过（--dry-run，未写入）' : '已导入'}。`);

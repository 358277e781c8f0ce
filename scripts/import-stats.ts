/**
 * `npm run import:stats -- 统计表.xlsx|统计表.csv [--dry-run] [--replace]`: turn a spreadsheet of monthly statistics
 * into content/stats/<place>-<YYYY-MM>.json (CONTENT_DIR elsewhere), checked by the same gate as `npm run validate`.
 * Any problem: every error is listed with line and column, and nothing is written. Each file is written to a
 * temporary name and renamed, so an interrupted run never leaves a half-written file. See src/lib/stats/import-stats.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readContent } from '../src/lib/content/content-files.ts';
import { buildToday } from '../src/lib/site/dates.ts';
import { formatError } from '../src/lib/content/friendly-errors.ts';
import { importStats, statsFile } from '../src/lib/stats/import-stats.ts';
import { importPlaces } from '../src/lib/content/import-table.ts';
import { writeAtomic } from './lib/write-atomic.ts';

const USAGE = '用法：npm run import:stats -- 统计表.xlsx（或 .csv） [--dry-run] [--replace]';
let parsed: { values: { 'dry-run'?: boolean; replace?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({
    options: { 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  // e.g. a typo like --dryrun must not be ignored (and the files written).
  const flag = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
  console.error(`${flag === undefined ? '参数不对' : `不认识的参数 ${flag}`}。\n${USAGE}`);
  process.exit(2);
}
const dryRun = parsed.values['dry-run'] === true;
const replace = parsed.values.replace === true;
if (parsed.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const file = parsed.positionals[0] as string;
if (!existsSync(file)) {
  console.error(`找不到文件 ${file}`);
  process.exit(2);
}
const root = contentDir();
const { entries } = readContent(root);
const places = importPlaces(entries);
const result = await importStats(readFileSync(file), path.relative(process.cwd(), file), {
  places,
  today: buildToday(process.env.BUILD_DATE),
  existing: entries,
  replace,
});
if (result.encoding !== undefined && result.encoding !== 'UTF-8') {
  console.log(`文件是 ${result.encoding} 编码，已自动转换。`);
}
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(formatError(error));
  console.error(`\n${result.errors.length} 个问题，未写入任何文件。改正后重新导入。`);
  process.exit(1);
}
const target = path.join(root, 'stats');
for (const record of result.records) {
  const { name, text } = statsFile(record);
  const destination = path.join(target, name);
  if (!dryRun) writeAtomic(destination, text);
  console.log(`${dryRun ? '将写入' : '已写入'} ${path.relative(process.cwd(), destination)}`);
}
console.log(`${result.records.length} 份月度统计${dryRun ? '检查通过（--dry-run，未写入）' : '已导入'}。`);

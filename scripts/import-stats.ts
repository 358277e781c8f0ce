/**
 * `npm run import:stats -- file.csv [--dry-run] [--replace]`: turn a spreadsheet export of monthly statistics
 * into content/stats/<place>-<YYYY-MM>.json (CONTENT_DIR elsewhere), validated like the CMS and the build.
 * Any problem: every error is listed with line and column, and nothing is written. See src/lib/import-stats.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir, readContent } from '../src/lib/content-files.ts';
import { buildToday } from '../src/lib/dates.ts';
import { formatError } from '../src/lib/friendly-errors.ts';
import { importStatsCsv, statsFile } from '../src/lib/import-stats.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const replace = args.includes('--replace');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1) {
  console.error('用法：npm run import:stats -- 统计表.csv [--dry-run] [--replace]');
  process.exit(2);
}
const file = files[0] as string;
if (!existsSync(file)) {
  console.error(`找不到文件 ${file}`);
  process.exit(2);
}
const root = contentDir();
const { entries } = readContent(root);
const places = new Map(
  entries
    .filter((e) => e.collection === 'places')
    .map((e) => [e.id, String((e.data as { name?: unknown }).name ?? e.id)]),
);
const existing = new Set(
  entries
    .filter((e) => e.collection === 'stats')
    .map((e) => e.data as { place?: unknown; month?: unknown })
    .map((d) => `${String(d.place)}|${String(d.month)}`),
);
const today = buildToday(process.env.BUILD_DATE);
const result = importStatsCsv(readFileSync(file, 'utf8'), path.relative(process.cwd(), file), {
  places,
  today,
  existing,
  replace,
});
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(formatError(error));
  console.error(`\n${result.errors.length} 个问题，未写入任何文件。改正后重新导入。`);
  process.exit(1);
}
const target = path.join(root, 'stats');
for (const record of result.records) {
  const { name, text } = statsFile(record);
  if (!dryRun) writeFileSync(path.join(target, name), text);
  console.log(`${dryRun ? '将写入' : '已写入'} ${path.relative(process.cwd(), path.join(target, name))}`);
}
console.log(`${result.records.length} 份月度统计${dryRun ? '检查通过（--dry-run，未写入）' : '已导入'}。`);

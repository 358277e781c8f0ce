/**
 * `npm run validate`: check every content file and report all problems at once.
 * Exit code 1 when anything is wrong, so the build (and CI) stop before writing a page.
 */
import { buildToday } from '../src/lib/site/dates.ts';
import { contentDir } from '../src/lib/content/content-files.ts';
import { formatError } from '../src/lib/content/friendly-errors.ts';
import { validateContentDir } from '../src/lib/content/validate-content.ts';

const today = buildToday(process.env.BUILD_DATE);
const dir = contentDir();
const { errors, warnings, counts } = await validateContentDir(dir, today);
// Empty collections are left out: a site without ledgers (or a fixture without meetings) need not list them.
const summary = Object.entries(counts)
  .filter(([, n]) => n > 0)
  .map(([name, n]) => `${name} ${n}`)
  .join(', ');

// Warnings go to stdout and never change the exit code: they name something late that no edit can undo.
for (const warning of warnings) console.log(`提醒：${formatError(warning)}\n`);

if (errors.length > 0) {
  for (const error of errors) console.error(`${formatError(error)}\n`);
  console.error(
    `内容检查未通过：${errors.length} 处问题（${summary}；按 ${today} 检查）。改正后重新运行 npm run validate。`,
  );
  process.exit(1);
}
console.log(
  `内容检查通过：${summary}（按 ${today} 检查，目录 ${dir}）${warnings.length > 0 ? `；${warnings.length} 条提醒` : ''}`,
);

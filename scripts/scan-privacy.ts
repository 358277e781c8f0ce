/**
 * `npm run scan:privacy [-- <built site folder>]`: look for resident ID numbers, bank card numbers and residents'
 * mobiles without building.
 *
 * - Always: every content file (CONTENT_DIR or ./content), every text field and Markdown body, and the text of
 *   attachments in uploads/ (PDF pages, CSV/TXT), with the same rules as `npm run validate` (work phones in the
 *   fields meant for them are allowed).
 * - With a folder argument: every text file and PDF of a built site too, Pagefind's compressed index included
 *   (the same scan the build runs at the end). Use it on a deployed copy, or on a site built by an older version.
 * Prints file, line, field and the masked form to use; exit code 1 when anything is found.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readOutputPages } from '../src/integrations/post-build-checks.ts';
import { attachmentSafetyErrors, hasReadableText } from '../src/lib/content/attachment-safety.ts';
import { contentDir, readContent, readUploads } from '../src/lib/content/content-files.ts';
import { contentSafetyErrors, publicContactPhones } from '../src/lib/content/content-safety.ts';
import { formatError } from '../src/lib/content/friendly-errors.ts';
import { formatOutputProblem, personalDataInOutput } from '../src/lib/build/output-checks.ts';

const dir = contentDir();
const { entries } = readContent(dir);
const phones = publicContactPhones(entries);
const contentProblems = [
  ...entries.flatMap((entry) => contentSafetyErrors(entry)),
  ...(await attachmentSafetyErrors(readUploads(dir, hasReadableText), phones)),
].filter((error) => error.message.includes('个人信息'));
for (const error of contentProblems) console.error(`${formatError(error)}\n`);

const site = process.argv[2];
let outputProblems = 0;
let scanned = 0;
if (site !== undefined) {
  const root = path.resolve(site);
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(root, name);
    if (!statSync(file).isFile()) continue;
    const pages = await readOutputPages(file);
    if (pages === undefined) continue;
    scanned += 1;
    for (const page of pages) {
      for (const problem of personalDataInOutput(name.split(path.sep).join('/'), page, phones)) {
        outputProblems += 1;
        console.error(`${formatOutputProblem(problem)}\n`);
      }
    }
  }
}

const where =
  site === undefined ? `内容 ${entries.length} 个文件` : `内容 ${entries.length} 个文件、网站 ${scanned} 个文件`;
if (contentProblems.length + outputProblems > 0) {
  console.error(`个人信息检查未通过：${contentProblems.length + outputProblems} 处（已检查${where}）。`);
  process.exit(1);
}
console.log(`个人信息检查通过：未发现身份证号、银行卡号或居民手机号（已检查${where}）。`);

/**
 * The commands that judge content, each run the way its user runs it, reduced to one comparable verdict: the
 * sorted list of "file field problem" lines. Line numbers are left out, in the location and in "正文第 N 行" alike:
 * the CMS holds an entry's data, not its file text, so it says "正文中" where the file-based checks name the line.
 * tests/content-gate-agree.test.ts proves they all agree on the same fixtures; a new checker (e.g. the stats
 * importer, which reads stats records only, is `viaImporter`, compared on stats fixtures) joins by adding one line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { checkEntry, loadGateContext } from '../../cms/entry-check.ts';
import { fromFile } from '../../cms/format.ts';
import { GET as gateContextEndpoint } from '../../src/pages/admin/gate-context.json.ts';
import { flatFields, flatValue } from '../../src/lib/open-data/open-data.ts';
import { collections, type CollectionName } from '../../src/schemas/index.ts';
import { statsSchema } from '../../src/schemas/stats.ts';
import type { ContentError } from '../../src/lib/content/friendly-errors.ts';
import { OUTPUT_ROOT, runBuild } from './build.ts';

export const GATE_TODAY = '2026-11-24';

export interface Verdict {
  ok: boolean;
  problems: string[];
}

/** A formatted error block (formatError) → "file field problem". */
const BLOCK = /^(\S+?)(?::\d+)?(?: (\S+?)(?:（.*）)?)?\n {2}问题：(.*)$/gm;

/** The formatted error blocks (location, 问题, 修改) in what validate or the build printed, in order. */
export function errorBlocks(output: string): string[] {
  const text = output.replace(/^\d{2}:\d{2}:\d{2} \[ERROR\] \[[^\]]+\] /gm, '');
  return [...text.matchAll(/^\S.*\n {2}问题：.*\n {2}修改：.*$/gm)].map((m) => m[0]);
}

/** Verdict from the text `npm run validate` or the build prints (Astro's log prefix removed). */
function verdictFromOutput(ok: boolean, output: string): Verdict {
  const text = output.replace(/^\d{2}:\d{2}:\d{2} \[ERROR\] \[[^\]]+\] /gm, '');
  const problems = [...text.matchAll(BLOCK)].map((m) => problem(m[1]!, m[2] ?? '', m[3]!));
  return { ok, problems: problems.sort() };
}

function problem(file: string, field: string, message: string): string {
  return `${file} ${field} ${message.replace(/^正文(?:第 \d+ 行|中)/, '正文')}`;
}

function verdictFromErrors(errors: ContentError[]): Verdict {
  return { ok: errors.length === 0, problems: errors.map((e) => problem(e.file, e.field, e.message)).sort() };
}

/** `npm run validate` with CONTENT_DIR. */
export function validateCli(contentDir: string) {
  return spawnSync(process.execPath, ['scripts/validate.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: GATE_TODAY },
    encoding: 'utf8',
  });
}

async function viaValidate(contentDir: string): Promise<Verdict> {
  const result = validateCli(contentDir);
  return verdictFromOutput(result.status === 0, result.stderr);
}

async function viaBuild(contentDir: string): Promise<Verdict> {
  const outDir = path.join(OUTPUT_ROOT, `gate-${path.basename(contentDir)}`);
  const result = await runBuild({ contentDir, outDir, today: GATE_TODAY });
  return verdictFromOutput(result.code === 0, result.output);
}

/**
 * What the CMS does before each save, for every entry of the folder: the file as Decap reads it (cms/format.ts for
 * Markdown, JSON.parse for JSON), checked by cms/entry-check.ts with the context the /admin/gate-context.json
 * endpoint serves under `npm run cms` (its JSON, as fetched), judged on the test day.
 */
async function viaCms(contentDir: string): Promise<Verdict> {
  // The endpoint as `npm run cms` serves it: astro dev's mode, this content folder, the test day.
  vi.stubEnv('MODE', 'development');
  vi.stubEnv('CONTENT_DIR', contentDir);
  vi.stubEnv('BUILD_DATE', GATE_TODAY);
  const context = await loadGateContext(
    async () => (await gateContextEndpoint({} as never)).json(),
    new Date(`${GATE_TODAY}T12:00:00+08:00`),
  ).finally(() => vi.unstubAllEnvs());
  const errors: ContentError[] = [];
  for (const [collection, spec] of Object.entries(collections) as [CollectionName, { path: string }][]) {
    const target = path.join(contentDir, spec.path);
    const stat = statSync(target, { throwIfNoEntry: false });
    // A fixture without a folder for a collection (no finance ledgers, say) simply has no entries of it.
    if (stat === undefined) continue;
    const files = stat.isDirectory() ? readdirSync(target).map((name) => path.join(target, name)) : [target];
    for (const file of files.sort()) {
      const text = readFileSync(file, 'utf8');
      const data = file.endsWith('.md') ? fromFile(text) : (JSON.parse(text) as Record<string, unknown>);
      errors.push(...checkEntry(collection, data, path.relative(process.cwd(), file), context).errors);
    }
  }
  return verdictFromErrors(errors);
}

/** Every command that decides whether content may be published. Add the importer here. */
export const CHECKERS: Record<string, (contentDir: string) => Promise<Verdict>> = {
  'npm run validate': viaValidate,
  'npm run build': viaBuild,
  'CMS save check': viaCms,
};

/**
 * The stats importer on the stats records of `contentDir` (the only content it imports): the records are written
 * as the rows of one spreadsheet (CSV with the schema's column names, as `/data/stats-records.csv` has them) and
 * imported with `npm run import:stats -- --dry-run --replace` into the content folder without them. Each refusal,
 * reported at a row, is traced back to the record file of that row, so the verdict reads like the others'.
 */
export async function viaImporter(contentDir: string): Promise<Verdict> {
  const statsDir = path.join(contentDir, 'stats');
  const files = readdirSync(statsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const work = path.join(OUTPUT_ROOT, `import-${path.basename(contentDir)}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(contentDir, path.join(work, 'content'), { recursive: true });
  for (const file of files) rmSync(path.join(work, 'content', 'stats', file));
  // The importer's columns (the closedLoop detail is not importable yet).
  const columns = flatFields(statsSchema);
  const cell = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const rows = files.map((file) => {
    const data = JSON.parse(readFileSync(path.join(statsDir, file), 'utf8')) as unknown;
    return columns.map(({ path: at }) => cell(flatValue(data, at))).join(',');
  });
  mkdirSync(work, { recursive: true });
  const csv = path.join(work, 'stats.csv');
  writeFileSync(csv, `${[columns.map((c) => c.field.name).join(','), ...rows].join('\n')}\n`);
  const result = spawnSync(process.execPath, ['scripts/import-stats.ts', csv, '--dry-run', '--replace'], {
    env: { ...process.env, CONTENT_DIR: path.join(work, 'content'), BUILD_DATE: GATE_TODAY },
    encoding: 'utf8',
  });
  // "<csv>:<line> <field>（列“…”）" → the record file of that line (line 1 is the header).
  const text = result.stderr.replace(/^(\S+?):(\d+)(?= )/gm, (_, _csv: string, line: string) =>
    path.relative(process.cwd(), path.join(statsDir, files[Number(line) - 2] ?? `第${line}行`)),
  );
  return verdictFromOutput(result.status === 0, text);
}

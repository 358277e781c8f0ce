/**
 * The layering rules of docs/architecture.md as code, checked by scripts/lib/architecture.test.ts over the real
 * tree (and over planted violations, so the check is shown to fail). Pure: takes file paths and their text.
 *
 * - src/lib is domain logic: it never imports Astro's virtual modules (`astro:*`), the `~/` alias or the layers
 *   above it (src/data, src/components, src/layouts, src/pages), so Node scripts can import it with type stripping.
 * - Disk and processes (`node:fs`, `node:child_process`) only in the named I/O modules of src/ (DISK_MODULES).
 * - src/components holds only .astro files, and components and layouts take props: no runtime import of src/data or
 *   astro:content, no getCollection/getEntry (`import type` is fine: types do not fetch anything).
 */

export interface SourceFile {
  /** Path from the repository root, with forward slashes (src/lib/site/dates.ts). */
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  rule: string;
  detail: string;
}

/** src/ modules allowed to touch the disk or start processes, each for a reason stated in its header comment. */
const DISK_MODULES: readonly string[] = [
  'src/integrations/', // Astro integrations: build hooks that read content and write dist/
  'src/lib/content/content-files.ts', // reads content/ (the one reader of editors' files)
  'src/lib/content/attachment-info.ts', // reads attachments for their type, size and page count
  'src/lib/record/change-history.ts', // runs git log for 更新于 lines
  'src/lib/search/search-index.ts', // runs the Pagefind binary
  'src/lib/site/site-url.ts', // reads siteUrl from site.json for astro.config.mjs
  'src/charts/cache.ts', // the chart SVG cache in node_modules/.cache
  'src/charts/render-svg.ts', // checks the measuring font exists
];

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

/** Static and dynamic imports of a module or an .astro file (its frontmatter and scripts alike). */
export function importsOf(text: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(statement)) found.push({ specifier: match[3]!, typeOnly: match[2] !== undefined });
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: match[1]!, typeOnly: false });
  return found;
}

/** Resolves a specifier to a repository path when it points into the repository (relative or `~/`). */
function resolve(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('~/')) return `src/${specifier.slice(2)}`;
  if (!specifier.startsWith('.')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

export function architectureViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  const add = (path: string, rule: string, detail: string) => violations.push({ path, rule, detail });
  for (const file of files) {
    if (!file.path.startsWith('src/') || isTest(file.path)) continue;
    const imports = importsOf(file.text);
    const inLib = file.path.startsWith('src/lib/');
    const isComponent = file.path.startsWith('src/components/') || file.path.startsWith('src/layouts/');

    if (file.path.startsWith('src/components/') && !file.path.endsWith('.astro'))
      add(file.path, 'components are .astro files', 'move data code to src/data/, browser scripts to src/scripts/');

    for (const { specifier, typeOnly } of imports) {
      const target = resolve(file.path, specifier);
      if (
        /^node:(fs|fs\/promises|child_process)$/.test(specifier) &&
        !DISK_MODULES.some((m) => file.path.startsWith(m))
      )
        add(file.path, 'disk and processes only in named I/O modules', `imports ${specifier}`);
      if (inLib && specifier.startsWith('astro:'))
        add(file.path, 'src/lib does not use Astro', `imports ${specifier}; take the data as an argument`);
      if (inLib && specifier.startsWith('~/'))
        add(file.path, 'src/lib uses relative imports', `imports ${specifier}: Node scripts cannot resolve ~/`);
      if (inLib && target !== undefined && /^src\/(data|components|layouts|pages)\//.test(target))
        add(file.path, 'src/lib does not import the layers above it', `imports ${specifier}`);
      if (isComponent && !typeOnly && (specifier === 'astro:content' || target?.startsWith('src/data/')))
        add(file.path, 'components and layouts take props', `imports ${specifier}; let the page pass the data`);
    }
    if (isComponent && /\b(getCollection|getEntry|getEntries)\s*\(/.test(file.text))
      add(file.path, 'components and layouts take props', 'calls the content collections; let the page pass the data');
  }
  return violations;
}

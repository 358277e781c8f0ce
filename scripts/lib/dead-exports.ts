/**
 * Exports nothing else uses: an exported name that appears in no other file (tests included: exporting a helper so its
 * test can reach it is fine). Pure: takes file paths and their text. The check runs
 * in `npm run check` (scripts/check-dead-exports.ts). Matching is by name, so a name shared with another module's
 * identifier can hide a dead export; it never reports a used one.
 */
import type { SourceFile } from './architecture.ts';

export interface DeadExport {
  path: string;
  name: string;
}

/**
 * Named value exports of a module: `export function f`, `export const x`, `export { a, b as c }`. Exported types and
 * interfaces are left out: they describe a module's functions to its callers even when no caller imports them.
 */
export function exportedNames(text: string): string[] {
  const names = new Set<string>();
  const declaration =
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;
  for (const match of text.matchAll(declaration)) names.add(match[1]!);
  for (const match of text.matchAll(/^export\s+\{([^}]*)\}(?!\s*from)/gm))
    for (const part of match[1]!.split(',')) {
      if (/^\s*type\s/.test(part)) continue;
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  return [...names];
}

/**
 * @param modules the files whose exports are checked
 * @param corpus every file that may use them (modules included)
 * @param frameworkNames names a framework calls by convention (getStaticPaths, GET, default…), never reported
 */
export function deadExports(
  modules: readonly SourceFile[],
  corpus: readonly SourceFile[],
  frameworkNames: ReadonlySet<string> = new Set(),
): DeadExport[] {
  const dead: DeadExport[] = [];
  for (const module of modules) {
    const others = corpus.filter((file) => file.path !== module.path);
    for (const name of exportedNames(module.text)) {
      if (frameworkNames.has(name)) continue;
      const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
      if (!others.some((file) => word.test(file.text))) dead.push({ path: module.path, name });
    }
  }
  return dead;
}

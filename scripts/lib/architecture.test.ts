import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { architectureViolations, importsOf, type SourceFile } from './architecture.ts';

function sourceTree(): SourceFile[] {
  return readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|astro)$/.test(file))
    .map((file) => {
      const repoPath = path.posix.join('src', file.split(path.sep).join('/'));
      return { path: repoPath, text: readFileSync(repoPath, 'utf8') };
    });
}

describe('architecture rules (docs/architecture.md)', () => {
  it('hold for the source tree', () => {
    const tree = sourceTree();
    expect(tree.length).toBeGreaterThan(200);
    expect(architectureViolations(tree)).toEqual([]);
  });

  it('catch each planted violation, naming the file and the rule', () => {
    const planted: SourceFile[] = [
      { path: 'src/lib/site/leak.ts', text: "import { readFileSync } from 'node:fs';\n" },
      { path: 'src/lib/record/astro.ts', text: "import { getCollection } from 'astro:content';\n" },
      { path: 'src/lib/stats/upward.ts', text: "import { getStats } from '../../data/stats.ts';\n" },
      { path: 'src/lib/stats/alias.ts', text: "import { x } from '~/lib/site/dates.ts';\n" },
      { path: 'src/components/load.ts', text: 'export const x = 1;\n' },
      { path: 'src/components/Fetches.astro', text: "---\nimport { getNotices } from '~/data/content.ts';\n---\n" },
      { path: 'src/layouts/Calls.astro', text: "---\nconst all = await getCollection('notices');\n---\n" },
      { path: 'src/pages/shell.ts', text: "import { execFileSync } from 'node:child_process';\n" },
    ];
    const rules = architectureViolations(planted).map((v) => `${v.path}: ${v.rule}`);
    expect(rules).toEqual([
      'src/lib/site/leak.ts: disk and processes only in named I/O modules',
      'src/lib/record/astro.ts: src/lib does not use Astro',
      'src/lib/stats/upward.ts: src/lib does not import the layers above it',
      'src/lib/stats/alias.ts: src/lib uses relative imports',
      'src/components/load.ts: components are .astro files',
      'src/components/Fetches.astro: components and layouts take props',
      'src/layouts/Calls.astro: components and layouts take props',
      'src/pages/shell.ts: disk and processes only in named I/O modules',
    ]);
  });

  it('let through what is allowed: type-only imports in components, disk in named I/O modules, tests', () => {
    const allowed: SourceFile[] = [
      { path: 'src/components/Card.astro', text: "---\nimport type { CollectionEntry } from 'astro:content';\n---\n" },
      { path: 'src/lib/content/content-files.ts', text: "import { readFileSync } from 'node:fs';\n" },
      { path: 'src/lib/site/dates.test.ts', text: "import { readFileSync } from 'node:fs';\n" },
      { path: 'src/pages/index.astro', text: "---\nimport { getNotices } from '~/data/content.ts';\n---\n" },
    ];
    expect(architectureViolations(allowed)).toEqual([]);
  });

  it('reads multi-line, type-only and dynamic imports', () => {
    const text =
      "import {\n  a,\n  b,\n} from './a.ts';\nimport type { T } from 'astro:content';\nconst m = await import('./m.ts');\n";
    expect(importsOf(text)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: 'astro:content', typeOnly: true },
      { specifier: './m.ts', typeOnly: false },
    ]);
  });
});

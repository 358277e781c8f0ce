import { describe, expect, it } from 'vitest';
import { deadExports, exportedNames } from './dead-exports.ts';

describe('dead exports', () => {
  it('lists the value exports a module declares, not its types or default export', () => {
    const text = [
      'export function f() {}',
      'export async function g() {}',
      'export const X = 1;',
      'export class C {}',
      'export interface I {}',
      'export type T = string;',
      'export default class D {}',
      'const a = 1, b = 2;',
      'export { a, b as c, type T2 };',
      "export { z } from './z.ts';",
    ].join('\n');
    expect(exportedNames(text).sort()).toEqual(['C', 'X', 'a', 'c', 'f', 'g']);
  });

  it('reports an export no other file names, and not one a page or a test uses', () => {
    const modules = [
      { path: 'src/lib/a.ts', text: 'export const used = 1;\nexport const unused = 2;\nexport const tested = 3;\n' },
    ];
    const corpus = [
      ...modules,
      { path: 'src/pages/p.astro', text: "---\nimport { used } from '~/lib/a.ts';\n---\n" },
      { path: 'src/lib/a.test.ts', text: "import { tested } from './a.ts';\n" },
      // A longer name containing the export's name is not a use of it.
      { path: 'src/lib/b.ts', text: 'const unusedToo = 1;\n' },
    ];
    expect(deadExports(modules, corpus)).toEqual([{ path: 'src/lib/a.ts', name: 'unused' }]);
  });
});

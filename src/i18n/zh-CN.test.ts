/**
 * Every UI string is used somewhere: a key that no code names is a string nobody reads (and a translator would
 * still keep up to date). Unknown keys already fail type-checking (t() takes a StringKey); this is the other way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from './zh-CN.ts';

const ROOTS = ['src', 'cms'];
const SELF = path.join('src', 'i18n', 'zh-CN.ts');

/** The code that may name a key: scripts, components and pages under src/ and cms/, tests and this file left out. */
function sources(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|astro|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((file) => file !== SELF)
      .map((file) => readFileSync(file, 'utf8')),
  );
}

/**
 * Keys no source names: neither as a quoted string ('nav.home', "nav.home", `nav.home`) nor through a key built in
 * a t()/tf() call from a fixed prefix and one more segment (t(`place.gridWorker.${role}`) uses every
 * place.gridWorker.<x>).
 */
export function unusedKeys(keys: readonly string[], texts: readonly string[]): string[] {
  const text = texts.join('\n');
  const prefixes = [...text.matchAll(/\btf?\(\s*`([\w.]+\.)\$\{/g)].map((m) => m[1] as string);
  return keys.filter(
    (key) =>
      !["'", '"', '`'].some((quote) => text.includes(`${quote}${key}${quote}`)) &&
      !prefixes.some((prefix) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.')),
  );
}

describe('the UI strings', () => {
  const texts = sources();

  it('are each used by some code in src/ or cms/', () => {
    expect(unusedKeys(Object.keys(strings), texts)).toEqual([]);
  });

  it('count a key as used only when code names it, or builds it from a prefix in t()', () => {
    const code = ["t('nav.home')", 'tf("list.count", {})', 't(`place.gridWorker.${w.role}`)', "'search.filter.'"];
    expect(
      unusedKeys(
        ['nav.home', 'list.count', 'place.gridWorker.full-time', 'place.gridWorker.a.b', 'search.filter.x'],
        code,
      ),
    ).toEqual(['place.gridWorker.a.b', 'search.filter.x']);
  });
});

/**
 * Groups the pages of a built site into templates (`notices/:id`, `notices/place/:id`…) so the
 * benchmark can weigh one sample page per template without knowing the site's routes in advance.
 *
 * A path segment becomes `*` when it holds a digit (dates, ids, page numbers), or when more than `fanOut`
 * sibling paths differ only in that segment (place ids, categories). Pure.
 */

/** `notices/2026-01-02-x/index.html` → ['notices', '2026-01-02-x']. The home page is []. */
export function routeSegments(htmlFile: string): string[] {
  return htmlFile
    .replace(/(^|\/)index\.html$/, '')
    .split('/')
    .filter((s) => s !== '');
}

export interface Template {
  /** Route pattern with `*` for variable segments (the home page is `/`). */
  pattern: string;
  /** Number of pages built from it. */
  pages: number;
  /** First page of the template in path order: the one that gets weighed. */
  sample: string;
}

export function groupTemplates(htmlFiles: readonly string[], fanOut = 2): Template[] {
  let keys = htmlFiles.map((file) => routeSegments(file).map((s) => (/\d/.test(s) ? '*' : s)));
  const depth = Math.max(0, ...keys.map((k) => k.length));
  // Top-level sections (notices, meetings, stats…) are always templates of their own: start below them.
  for (let i = 1; i < depth; i += 1) {
    const variants = new Map<string, Set<string>>();
    const shape = (k: string[]) => `${k.slice(0, i).join('/')}|${k.length}|${k.slice(i + 1).join('/')}`;
    for (const k of keys) {
      if (k.length <= i) continue;
      const set = variants.get(shape(k)) ?? new Set<string>();
      set.add(k[i] as string);
      variants.set(shape(k), set);
    }
    keys = keys.map((k) =>
      k.length > i && (variants.get(shape(k))?.size ?? 0) > fanOut ? [...k.slice(0, i), '*', ...k.slice(i + 1)] : k,
    );
  }
  const templates = new Map<string, Template>();
  htmlFiles.forEach((file, n) => {
    const pattern = keys[n]!.join('/') || '/';
    const known = templates.get(pattern);
    if (known === undefined) templates.set(pattern, { pattern, pages: 1, sample: file });
    else {
      known.pages += 1;
      if (file < known.sample) known.sample = file;
    }
  });
  return [...templates.values()].sort((a, b) => b.pages - a.pages || (a.pattern < b.pattern ? -1 : 1));
}

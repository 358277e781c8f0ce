/**
 * One built page per route file of `src/pages/`: the pages the accessibility test checks instead of every URL of
 * the sitemap. The routes are read from the folder, not listed by hand, so a new route file gets its page checked
 * without editing any test, and a route the built site has no page for is reported rather than skipped. Pure.
 */

/** A route file that produces HTML pages, e.g. `notices/[id]/print/index.astro` (relative to `src/pages/`). */
export interface RouteFile {
  file: string;
  /** Matches the URL paths (`/notices/x/print/`) this route builds. */
  pattern: RegExp;
  /** Higher wins when several routes match one URL (a fixed word beats a parameter, a parameter beats `[...rest]`). */
  specificity: number[];
}

/** Route files that produce HTML: `.astro` pages; `.ts` endpoints (feeds, CSV, JSON) have no page to check. */
function isPageRoute(file: string): boolean {
  return file.endsWith('.astro');
}

/** `notices/[id]/print/index.astro` → a pattern for `/notices/<id>/print/`; `404.astro` → `/404.html`. */
export function routeFile(file: string): RouteFile {
  const name = file.replace(/\.astro$/, '');
  if (name === '404') return { file, pattern: /^\/404\.html$/, specificity: [1, 0, 0] };
  const segments = name.split('/').filter((s) => s !== 'index');
  let source = '';
  let fixed = 0;
  let params = 0;
  let rests = 0;
  for (const segment of segments) {
    if (/^\[\.\.\.[^\]]+\]$/.test(segment)) {
      rests += 1;
      source += '(?:/[^/]+)*'; // `[...page]` also matches nothing: page 1 is the route's own folder
    } else if (/^\[[^\]]+\]$/.test(segment)) {
      params += 1;
      source += '/[^/]+';
    } else if (segment.includes('[')) {
      throw new Error(`route ${file}: a segment mixing words and [parameters] is not supported here`);
    } else {
      fixed += 1;
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    }
  }
  return { file, pattern: new RegExp(`^${source}/$`), specificity: [fixed, -rests, -params] };
}

function moreSpecific(a: RouteFile, b: RouteFile): boolean {
  for (let i = 0; i < a.specificity.length; i += 1) {
    const d = (a.specificity[i] as number) - (b.specificity[i] as number);
    if (d !== 0) return d > 0;
  }
  return false;
}

/** A built HTML file (`notices/x/index.html`, `404.html`) as the URL path a reader opens. */
export function urlPath(htmlFile: string): string {
  return `/${htmlFile.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface RoutePages {
  /** Route file → the first built page (in path order) that this route, and no more specific one, matches. */
  pages: Map<string, string>;
  /** Route files that no built page belongs to. */
  missing: string[];
}

/**
 * Assigns each built page to the most specific route that matches it, and keeps the first page of each route.
 * `routeFiles` are paths relative to `src/pages/`; `htmlFiles` are paths relative to the built site.
 */
export function pagePerRoute(routeFiles: readonly string[], htmlFiles: readonly string[]): RoutePages {
  const routes = routeFiles.filter(isPageRoute).map(routeFile);
  const pages = new Map<string, string>();
  for (const url of htmlFiles.map(urlPath).sort()) {
    let owner: RouteFile | undefined;
    for (const route of routes) {
      if (route.pattern.test(url) && (owner === undefined || moreSpecific(route, owner))) owner = route;
    }
    if (owner !== undefined && !pages.has(owner.file)) pages.set(owner.file, url);
  }
  return { pages, missing: routes.map((r) => r.file).filter((f) => !pages.has(f)) };
}

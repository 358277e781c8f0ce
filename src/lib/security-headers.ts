/**
 * The security policy of the published site, defined once. No secrets here.
 *
 * Two layers, because a static site cannot know per-page hashes in a server config:
 * - Astro's `security.csp` writes a <meta> CSP into every page with hashes of its own scripts and styles, plus
 *   CSP_DIRECTIVES below. Pagefind needs `'wasm-unsafe-eval'` (its search runs as WebAssembly) and
 *   `worker-src 'self' blob:`.
 * - The web server adds the HTTP headers of HTTP_HEADERS (deploy/_headers, deploy/nginx.conf): the directives a
 *   <meta> CSP cannot carry (`frame-ancestors`), and nosniff, referrer and permissions policies. Browsers enforce
 *   both policies, so the header deliberately leaves script-src/style-src to the per-page meta.
 * The Decap admin page (/admin/) is a separate app that talks to the git host; it gets its own, documented
 * header block (ADMIN_PATH) and is not indexed or linked from public pages.
 */

/** Directives Astro adds to each page's <meta> CSP (it adds script-src and style-src itself). */
export const CSP_DIRECTIVES: `${'default-src' | 'img-src' | 'font-src' | 'connect-src' | 'worker-src' | 'object-src' | 'base-uri' | 'form-action' | 'manifest-src' | 'media-src' | 'frame-src'}${string}`[] =
  [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "media-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
  ];

/** Extra script-src sources: Pagefind compiles its WebAssembly search. */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** HTTP headers for every path of the public site. */
export const HTTP_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The CMS: same framing and sniffing rules; it loads its own bundle and talks to the git host's API. */
export const ADMIN_PATH = '/admin/*';
export const ADMIN_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  'X-Robots-Tag': 'noindex',
  'Cache-Control': 'no-store',
};

/** `_headers` file text (Netlify / Cloudflare Pages format), as committed in deploy/_headers. */
export function renderHeadersFile(): string {
  const block = (pattern: string, headers: Record<string, string>) =>
    `${pattern}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}\n`;
  return [
    '# Generated from src/lib/security-headers.ts (tests/safety-headers.test.ts keeps them equal). Copy into the',
    '# published folder for Netlify / Cloudflare Pages; nginx users include deploy/nginx.conf instead.',
    block('/*', HTTP_HEADERS),
    block(ADMIN_PATH, ADMIN_HEADERS),
  ].join('\n');
}

/** Parse a `_headers` file into path pattern → headers (comments and blank lines ignored). */
export function parseHeadersFile(text: string): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      result[line.trim()] = current;
      continue;
    }
    const colon = line.indexOf(':');
    if (current !== undefined && colon > 0) current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return result;
}

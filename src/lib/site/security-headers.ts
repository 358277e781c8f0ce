/**
 * The security policy of the published site, defined once. No secrets here.
 *
 * Two layers, because a static site cannot know per-page hashes in a server config:
 * - Astro's `security.csp` writes a <meta> CSP into every page with hashes of its own scripts and styles, plus
 *   CSP_DIRECTIVES below. Pagefind needs `'wasm-unsafe-eval'` (its search runs as WebAssembly) and
 *   `worker-src 'self' blob:`.
 * - The web server adds the HTTP headers of HTTP_HEADERS (deploy/_headers, deploy/nginx.conf): the directives a
 *   <meta> CSP cannot carry (`frame-ancestors`), nosniff, referrer and permissions policies, and a `script-src`
 *   of its own (our bundles, Pagefind's WebAssembly, the text-mode scripts by hash). Browsers enforce both
 *   policies; the header's script-src is the backstop for any HTML file that has no meta policy of ours: no
 *   inline script, handler or javascript: URL runs in it. Styles stay with the per-page meta.
 * - Uploads (`/uploads/*`) get `default-src 'none'; sandbox`: an attachment is a document to read or download,
 *   never a page that runs script or loads anything, whatever a browser sniffs it to be (issue 12).
 * The Decap admin page (/admin/) is a separate app that talks to the git host; it gets its own, documented
 * header block (ADMIN_PATH) and is not indexed or linked from public pages.
 */
import { TEXT_MODE_SCRIPT_HASHES } from './text-mode.ts';

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

/** The header policy's script sources: no inline script except the two text-mode scripts, by hash. */
const HEADER_SCRIPT_SOURCES = [...CSP_SCRIPT_SOURCES, ...TEXT_MODE_SCRIPT_HASHES.map((hash) => `'${hash}'`)];

/** HTTP headers for every path of the public site. */
export const HTTP_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `script-src ${HEADER_SCRIPT_SOURCES.join(' ')}`,
    // Without it workers fall back to script-src, and Pagefind's blob: worker would be blocked.
    "worker-src 'self' blob:",
  ].join('; '),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Attachments: never a document that runs script or loads anything, never framed. */
const UPLOADS_PATH = '/uploads/*';
export const UPLOADS_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

/** The CMS: same framing and sniffing rules; it loads its own bundle and talks to the git host's API. */
const ADMIN_PATH = '/admin/*';
const ADMIN_HEADERS: Record<string, string> = {
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
    '# Generated from src/lib/site/security-headers.ts (tests/safety-headers.test.ts keeps them equal). The build writes',
    '# it into the output folder, where Netlify / Cloudflare Pages read it; nginx users include deploy/nginx.conf.',
    block('/*', HTTP_HEADERS),
    block(UPLOADS_PATH, UPLOADS_HEADERS),
    block(ADMIN_PATH, ADMIN_HEADERS),
  ].join('\n');
}

/**
 * The headers a static host sends for `pathname` under `rules` (a parsed `_headers` file): every matching block in
 * file order, a later block's value replacing an earlier one's for the same header (Netlify's rule). `/*` matches
 * everything, `/dir/*` everything under /dir/, other patterns only themselves. Tests serve the built site with it.
 */
export function headersForPath(
  rules: Record<string, Record<string, string>>,
  pathname: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [pattern, headers] of Object.entries(rules)) {
    const matches = pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
    if (matches) Object.assign(result, headers);
  }
  return result;
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

/**
 * The site's public URL: SITE_URL if set (previews), else `siteUrl` from the editors' site settings.
 * Read by astro.config.mjs and by scripts/build.ts, so the build and the post-build checks agree on what is
 * "this site". A missing or broken site.json gives undefined here; validation reports it properly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function siteUrl(contentDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SITE_URL) return env.SITE_URL;
  const file = path.join(contentDir, 'site.json');
  try {
    const value: unknown = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { siteUrl?: unknown }).siteUrl
      : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the build hooks of one of our Astro integrations on an already-built output folder, outside `astro build`,
 * so the pipeline benchmark can time and measure that phase alone (Pagefind, post-build checks…) with exactly
 * the code the build runs.
 *
 *   node scripts/bench/lib/run-integration-hook.ts src/integrations/pagefind.ts <outDir>
 *
 * Calls `astro:config:done` (with `site` only) when the integration has it, then `astro:build:done`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

const [modulePath, outDir] = process.argv.slice(2);
if (modulePath === undefined || outDir === undefined)
  throw new Error('usage: run-integration-hook.ts <module> <outDir>');

const { default: factory } = (await import(pathToFileURL(path.resolve(modulePath)).href)) as {
  default: () => AstroIntegration;
};
const integration = factory();
const print = (level: string) => (message: string) => console.log(`[${integration.name}] ${level} ${message}`);
const logger = {
  info: print('info'),
  warn: print('warn'),
  error: print('error'),
  debug: () => undefined,
  fork: () => logger,
  label: integration.name,
  options: {},
} as unknown as AstroIntegrationLogger;

type Hook = (options: Record<string, unknown>) => unknown;
const hooks = integration.hooks as Record<string, Hook | undefined>;
await hooks['astro:config:done']?.({ config: { site: process.env.SITE_URL }, logger });
await hooks['astro:build:done']?.({ dir: pathToFileURL(`${path.resolve(outDir)}/`), pages: [], routes: [], logger });

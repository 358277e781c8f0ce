/**
 * Runs the build hooks of one of our Astro integrations on an already-built output folder, outside `astro build`.
 * `scripts/build.ts` uses it to index and check the site in a process of its own (so Astro's memory is released
 * first), and the pipeline benchmark uses it to time each phase alone, with exactly the code the build runs.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

function consoleLogger(name: string): AstroIntegrationLogger {
  const print = (level: string, write: (line: string) => void) => (message: string) =>
    write(`[${name}] ${level === 'info' ? '' : `${level} `}${message}`);
  const logger = {
    info: print('info', console.log),
    warn: print('warn', console.warn),
    error: print('error', console.error),
    debug: () => undefined,
    fork: () => logger,
    label: name,
    options: {},
  };
  return logger as unknown as AstroIntegrationLogger;
}

type Hook = (options: Record<string, unknown>) => unknown;

/** Call `astro:config:done` (with `site` only) when the integration has it, then `astro:build:done` on `outDir`. */
export async function runBuildDoneHooks(integration: AstroIntegration, outDir: string, site: string | undefined) {
  const logger = consoleLogger(integration.name);
  const hooks = integration.hooks as Record<string, Hook | undefined>;
  await hooks['astro:config:done']?.({ config: { site }, logger });
  await hooks['astro:build:done']?.({ dir: pathToFileURL(`${path.resolve(outDir)}/`), pages: [], routes: [], logger });
}

/** Load an integration module (default export: a factory) by path. */
export async function loadIntegration(modulePath: string): Promise<AstroIntegration> {
  const { default: factory } = (await import(pathToFileURL(path.resolve(modulePath)).href)) as {
    default: () => AstroIntegration;
  };
  return factory();
}

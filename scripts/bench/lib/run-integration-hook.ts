/**
 * Runs one integration's build hooks on an already-built output folder (see scripts/lib/integration-hooks.ts),
 * so the pipeline benchmark can time and measure that phase alone.
 *
 *   node scripts/bench/lib/run-integration-hook.ts src/integrations/pagefind.ts <outDir>
 */
import { loadIntegration, runBuildDoneHooks } from '../../lib/integration-hooks.ts';

const [modulePath, outDir] = process.argv.slice(2);
if (modulePath === undefined || outDir === undefined)
  throw new Error('usage: run-integration-hook.ts <module> <outDir>');
await runBuildDoneHooks(await loadIntegration(modulePath), outDir, process.env.SITE_URL);

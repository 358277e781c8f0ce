/**
 * Chart benchmark: renders every chart of the demo site (the same list the pages use) in each layout (wide for
 * desktops, narrow for phones; pages inline both) into an empty cache (cold), then again (warm, from the cache),
 * and prints count, bytes raw and gzip, and time per chart, per layout. Target: ≤ 10 KB gzip per chart and layout
 * (docs/open-data.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderChart } from '../../src/charts/cache.ts';
import { allCharts, statsData } from '../../src/charts/catalogue.ts';
import { CHART_LAYOUTS, type ChartLayout } from '../../src/charts/config.ts';
import { contentDir } from '../../src/lib/content/content-files.ts';
import { INDICATORS } from '../../src/lib/stats/indicators.ts';
import { validateContentDir } from '../../src/lib/content/validate-content.ts';

export default async function bench(): Promise<void> {
  const { content, errors } = await validateContentDir(contentDir(), process.env.BUILD_DATE ?? '2026-11-24');
  if (errors.length > 0 || content.site === undefined)
    throw new Error('demo content does not validate: run npm run validate');
  const data = statsData(
    content.stats.map((s) => s.data),
    content.places.map((p) => ({
      id: p.id,
      name: p.data.name,
      level: p.data.level,
      parent: p.data.parent,
      order: p.data.order,
    })),
    content.site.data.rootPlace,
  );
  const specs = allCharts(data, INDICATORS);
  const cache = mkdtempSync(path.join(os.tmpdir(), 'gkl-bench-charts-'));
  try {
    const pass = (label: string, layout: ChartLayout) => {
      const started = performance.now();
      const sizes = specs.map((spec) => {
        const { svg, hit } = renderChart(spec, cache, layout);
        return { raw: Buffer.byteLength(svg), gzip: gzipSync(svg).length, hit };
      });
      const ms = performance.now() - started;
      const sum = (k: 'raw' | 'gzip') => sizes.reduce((s, x) => s + x[k], 0);
      const max = (k: 'raw' | 'gzip') => Math.max(...sizes.map((x) => x[k]));
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `${label.padEnd(5)} ${layout.padEnd(6)} charts ${specs.length}, cache hits ${sizes.filter((s) => s.hit).length}, ` +
          `${(ms / specs.length).toFixed(1)} ms/chart (${(ms / 1000).toFixed(1)} s total)\n` +
          `      raw total ${kb(sum('raw'))}, avg ${kb(sum('raw') / specs.length)}, max ${kb(max('raw'))}; ` +
          `gzip total ${kb(sum('gzip'))}, avg ${kb(sum('gzip') / specs.length)}, max ${kb(max('gzip'))} (target ≤ 10 KB)`,
      );
    };
    for (const layout of CHART_LAYOUTS) pass('cold', layout);
    for (const layout of CHART_LAYOUTS) pass('warm', layout);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

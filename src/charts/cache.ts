/**
 * Render cache: the SHA-256 of (chart spec, layout, renderer version, Chart.js version) names an SVG file in a cache
 * folder, so a chart whose data did not change is read back instead of drawn again (drawing takes ~50 ms).
 * Rendering is deterministic, so a cached file is byte-identical to a fresh render.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Chart } from 'chart.js';
import { chartConfig, chartSize, type ChartLayout } from './config.ts';
import { RENDERER_VERSION, renderChartSvg } from './render-svg.ts';
import type { ChartSpec } from './spec.ts';

const CHART_JS_VERSION = Chart.version;

/** CHART_CACHE_DIR, else node_modules/.cache/gongkailan-charts (cleared with node_modules, never committed). */
export function chartCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CHART_CACHE_DIR ?? 'node_modules/.cache/gongkailan-charts');
}

export function chartCacheKey(spec: ChartSpec, layout: ChartLayout = 'wide'): string {
  return createHash('sha256')
    .update(`${RENDERER_VERSION}\n${CHART_JS_VERSION}\n${layout}\n${JSON.stringify(spec)}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * The id prefix of a chart's SVG in one layout. Both layouts are inline on the same page (one hidden by CSS), so
 * their ids (title, desc, clip paths) must differ: the wide one keeps the chart id, the narrow one adds "-n".
 */
function svgIdPrefix(spec: ChartSpec, layout: ChartLayout): string {
  return layout === 'wide' ? spec.id : `${spec.id}-n`;
}

/** Draw a spec to SVG in one layout, no cache. */
export function renderSpec(spec: ChartSpec, layout: ChartLayout = 'wide'): string {
  const size = chartSize(spec, layout);
  return renderChartSvg(chartConfig(spec, layout), {
    id: svgIdPrefix(spec, layout),
    ...size,
    title: spec.title,
    summary: spec.summary,
  });
}

export interface CachedChart {
  svg: string;
  /** True when the SVG came from the cache. */
  hit: boolean;
}

/** The SVG for a spec in one layout, from the cache when present; a fresh render is written to the cache atomically. */
export function renderChart(
  spec: ChartSpec,
  cacheDir: string = chartCacheDir(),
  layout: ChartLayout = 'wide',
): CachedChart {
  const file = path.join(cacheDir, `${chartCacheKey(spec, layout)}.svg`);
  if (existsSync(file)) return { svg: readFileSync(file, 'utf8'), hit: true };
  const svg = renderSpec(spec, layout);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename: parallel builds sharing the cache never read a half-written file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, svg);
  renameSync(temporary, file);
  return { svg, hit: false };
}

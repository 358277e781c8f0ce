/** /data/charts/<chart id>.csv: the numbers behind one chart (same as its data table). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts } from '~/charts/catalogue.ts';
import type { ChartSpec } from '~/charts/spec.ts';
import { chartCsv } from '~/charts/table.ts';
import { keyed } from '~/data/cache-keys.ts';
import { loadStats, statsDigest } from '~/data/stats.ts';
import { INDICATORS } from '~/lib/stats/indicators.ts';

export const getStaticPaths = (async () => {
  const data = await loadStats();
  const paths = allCharts(data, INDICATORS).map((spec) => ({ params: { id: spec.id }, props: { spec } }));
  return keyed(paths, statsDigest, { digestProps: false });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartSpec }> = ({ props }) =>
  new Response(chartCsv(props.spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

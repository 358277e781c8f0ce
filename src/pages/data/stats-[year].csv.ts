/** /data/stats-<year>.csv: one year of the long statistics table. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCsv, statsYears } from '~/data/open-data/files.ts';
import { keyed } from '~/data/cache-keys.ts';
import { statsDigest } from '~/data/stats.ts';

export const getStaticPaths = (async () =>
  keyed(
    (await statsYears()).map((year) => ({ params: { year } })),
    statsDigest,
    { digestProps: false },
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await statsCsv(params.year), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

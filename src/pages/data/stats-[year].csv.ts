/** /data/stats-<year>.csv: one year of the long statistics table. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCsv, statsYears } from '~/data/open-data/files.ts';

export const getStaticPaths = (async () =>
  (await statsYears()).map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await statsCsv(params.year), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

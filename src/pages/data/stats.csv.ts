/** /data/stats.csv.ts: statistics in long format, UTF-8 with BOM (see /data/). */
import type { APIRoute } from 'astro';
import { statsCsv } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response(await statsCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

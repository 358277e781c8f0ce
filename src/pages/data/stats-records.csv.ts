/** /data/stats-records.csv.ts: one row per monthly statistics file, columns = the schema fields. */
import type { APIRoute } from 'astro';
import { statsRecordsCsv } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response(await statsRecordsCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

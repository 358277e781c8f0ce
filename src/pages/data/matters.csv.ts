/** /data/matters.csv: public matters, one row each (src/components/stats/matters-data.ts). */
import type { APIRoute } from 'astro';
import { mattersTable } from '../../components/stats/matters-data.ts';

export const GET: APIRoute = async () =>
  new Response((await mattersTable()).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

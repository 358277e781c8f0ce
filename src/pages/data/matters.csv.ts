/** /data/matters.csv: public matters, one row each (src/data/open-data/matters.ts). */
import type { APIRoute } from 'astro';
import { mattersTable } from '~/data/open-data/matters.ts';

export const GET: APIRoute = async () =>
  new Response((await mattersTable()).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

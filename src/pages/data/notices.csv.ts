/** /data/notices.csv.ts: metadata of published notices (no body). */
import type { APIRoute } from 'astro';
import { noticesTable } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response((await noticesTable()).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/** /data/meetings.csv.ts: metadata of published minutes (no body). */
import type { APIRoute } from 'astro';
import { meetingsTable } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response((await meetingsTable()).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/** /data/stats.json.ts: every statistics record as entered. */
import type { APIRoute } from 'astro';
import { statsRecords } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await statsRecords(), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

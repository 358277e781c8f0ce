/** /data/rules.csv (src/data/open-data/rules.ts). */
import type { APIRoute } from 'astro';
import { fileText } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response(await fileText('rules.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

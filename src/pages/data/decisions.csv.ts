/** /data/decisions.csv (see src/data/open-data/files.ts). */
import type { APIRoute } from 'astro';
import { fileText } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response(await fileText('decisions.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/** /data/rules.csv (src/components/rules/open-data.ts). */
import type { APIRoute } from 'astro';
import { fileText } from '../../components/stats/open-data-files.ts';

export const GET: APIRoute = async () =>
  new Response(await fileText('rules.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

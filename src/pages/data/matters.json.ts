/** /data/matters.json: public matters (src/components/stats/matters-data.ts). */
import type { APIRoute } from 'astro';
import { mattersJson } from '../../components/stats/matters-data.ts';

export const GET: APIRoute = async () =>
  new Response(await mattersJson(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

/** /data/matters.json: public matters (src/data/open-data/matters.ts). */
import type { APIRoute } from 'astro';
import { mattersJson } from '~/data/open-data/matters.ts';

export const GET: APIRoute = async () =>
  new Response(await mattersJson(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

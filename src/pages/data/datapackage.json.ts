/** /data/datapackage.json.ts: Frictionless Data Package v2 descriptor of every file here. */
import type { APIRoute } from 'astro';
import { descriptor } from '~/data/open-data/files.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await descriptor(), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

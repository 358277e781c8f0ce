/** /data/assets.csv: the assets of the 三资 registers, one row each (src/lib/register-open-data.ts). */
import type { APIRoute } from 'astro';
import { registerCsv } from '../../components/finance/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(await registerCsv('assets.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

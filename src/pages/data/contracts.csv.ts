/** /data/contracts.csv: the contracts of the 三资 registers, one row each (src/lib/finance/register-open-data.ts). */
import type { APIRoute } from 'astro';
import { registerCsv } from '~/data/open-data/finance.ts';

export const GET: APIRoute = async () =>
  new Response(await registerCsv('contracts.csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

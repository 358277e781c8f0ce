/** /data/finance-balances.csv: one row per village and month with the balances. */
import type { APIRoute } from 'astro';
import { balancesCsv } from '~/data/open-data/finance.ts';

export const GET: APIRoute = async () =>
  new Response(await balancesCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

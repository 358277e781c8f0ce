/** /data/finance-ledger.json: every ledger as entered (amounts in 元). */
import type { APIRoute } from 'astro';
import { financeLedgers } from '~/data/open-data/finance.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await financeLedgers(), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

/** /data/finance-ledger.csv: every income and expense line of every published ledger. */
import type { APIRoute } from 'astro';
import { ledgerCsv } from '~/data/open-data/finance.ts';

export const GET: APIRoute = async () =>
  new Response(await ledgerCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/** /data/notices.json: metadata of published notices (no body). */
import type { APIRoute } from 'astro';
import { getNotices } from '~/data/content.ts';

export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify(
      (await getNotices()).map((n) => ({ id: n.id, ...n.data })),
      null,
      1,
    ),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );

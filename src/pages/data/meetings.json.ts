/** /data/meetings.json: metadata of published minutes (no body). */
import type { APIRoute } from 'astro';
import { getMeetings } from '~/data/content.ts';

export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify(
      (await getMeetings()).map((m) => ({ id: m.id, ...m.data })),
      null,
      1,
    ),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );

/**
 * The test/bench static server behaves like a static host: with `gzip` it compresses text for clients that ask,
 * as deploy/nginx.conf does, and leaves binary and already-compressed files (Pagefind's index) alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './support/static-server.ts';

const PAGE = `<!doctype html><html lang="zh-CN"><title>公告</title>${'<p>村务公开</p>'.repeat(200)}</html>`;
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gkl-static-'));
  writeFileSync(path.join(root, 'index.html'), PAGE);
  writeFileSync(path.join(root, 'chunk.pf_fragment'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function get(url: string, acceptEncoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveStatic', () => {
  it('compresses pages for clients that accept gzip when asked to, like a production host', async () => {
    const server = await serveStatic(root, {}, { gzip: true });
    try {
      const zipped = await get(`${server.url}/`, 'gzip, deflate');
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
      expect(gunzipSync(zipped.body).toString('utf8')).toBe(PAGE);

      const plain = await get(`${server.url}/`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toBe(PAGE);

      const index = await get(`${server.url}/chunk.pf_fragment`, 'gzip');
      expect(index.headers['content-encoding']).toBeUndefined();
      expect([...index.body]).toEqual([0x1f, 0x8b, 1, 2, 3]);
    } finally {
      await server.close();
    }
  });

  it('sends files as they are by default', async () => {
    const server = await serveStatic(root);
    try {
      const response = await get(`${server.url}/`, 'gzip');
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.toString('utf8')).toBe(PAGE);
    } finally {
      await server.close();
    }
  });
});

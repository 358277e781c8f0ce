/**
 * Serves editors' media from `<content>/uploads/` at `/uploads/`: copied into the build output, and served by
 * the dev server. Keeping uploads inside content/ means a deployment replaces one folder, not two.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-files.ts';

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
};

export default function uploads(): AstroIntegration {
  const source = path.join(contentDir(), 'uploads');
  return {
    name: 'gongkailan:uploads',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!url.startsWith('/uploads/')) return next();
          const file = path.join(source, url.slice('/uploads/'.length));
          if (!file.startsWith(source + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir }) => {
        if (existsSync(source)) cpSync(source, path.join(fileURLToPath(dir), 'uploads'), { recursive: true });
      },
    },
  };
}

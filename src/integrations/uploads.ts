/**
 * Serves editors' media from `<content>/uploads/` at `/uploads/`: copied into the build output, and served by
 * the dev server. Keeping uploads inside content/ means a deployment replaces one folder, not two.
 *
 * Uploads are content (issue 12): validation refuses links, SVG/HTML and files over the size limit
 * (src/lib/content/upload-rules.ts); the build copies only the files that an entry public on the build day refers to, so
 * a draft's or a scheduled notice's attachment stays out of the site until the notice is public. The copy is
 * file by file with lstat: a symbolic link is never copied, as a link or as what it points to.
 *
 * The build also writes `_headers` (deploy/_headers, from src/lib/site/security-headers.ts) at the root of the output,
 * where Netlify and Cloudflare Pages read it: its `/uploads/*` block is what keeps an attachment from running
 * script if one ever got past validation.
 */
import { copyFileSync, createReadStream, existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildClock } from '../lib/build/build-clock.ts';
import { contentDir, readContent } from '../lib/content/content-files.ts';
import { renderHeadersFile } from '../lib/site/security-headers.ts';
import { publishedUploads, uploadProblem } from '../lib/content/upload-rules.ts';

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

/** The upload at `name` (relative to `source`) when it may be served: inside the folder, a plain file, allowed. */
function servable(source: string, name: string): string | undefined {
  const file = path.join(source, name);
  if (!file.startsWith(source + path.sep) || !existsSync(file)) return undefined;
  const stat = lstatSync(file);
  const problem = uploadProblem(file, {
    isSymbolicLink: stat.isSymbolicLink(),
    isFile: stat.isFile(),
    size: stat.size,
  });
  return problem === undefined ? file : undefined;
}

export default function uploads(): AstroIntegration {
  const source = path.join(contentDir(), 'uploads');
  return {
    name: 'gongkailan:uploads',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!url.startsWith('/uploads/')) return next();
          const file = servable(source, url.slice('/uploads/'.length));
          if (file === undefined) return next();
          res.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        writeFileSync(path.join(outDir, '_headers'), renderHeadersFile());
        if (!existsSync(source)) return;
        const { entries } = readContent(contentDir());
        const names = publishedUploads(entries, buildClock().today);
        let copied = 0;
        for (const name of names) {
          const file = servable(source, name);
          // A missing or refused file is reported by the link check ("附件 … 不存在") with the page that needs it.
          if (file === undefined) continue;
          const target = path.join(outDir, 'uploads', name);
          mkdirSync(path.dirname(target), { recursive: true });
          copyFileSync(file, target);
          copied += 1;
        }
        logger.info(`copied ${copied} attachments referred to by public entries into uploads/`);
      },
    },
  };
}

/**
 * The /admin/ script (Decap CMS and cms/*.ts) bundled once per change of its sources, not in every build.
 *
 * Decap is several megabytes of JavaScript: bundling it was two thirds of a small site's build (31.6 s → 10.9 s for
 * tests/fixtures/valid-minimal with it left out, measured on this machine) and happened again in every build,
 * every test build and every `npm run cms` start (where Vite also compiled it on the first page load). The bundle
 * depends only on cms/, src/ (the schemas and the content gate it imports) and the installed packages, so it is
 * kept under node_modules/.cache/gongkailan-admin/<key>/ with a key over exactly those files, and copied into
 * each build's /admin/. The page (src/pages/admin/index.astro) loads it by the URL this integration sets.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Environment variable through which the admin page learns its script's URL (set before pages render). */
export const ADMIN_SCRIPT_ENV = 'GONGKAILAN_ADMIN_SCRIPT';

/** Source files the bundle can depend on, relative to the project root, sorted (tests excluded: not bundled). */
function sourceFiles(root: string): string[] {
  const files: string[] = ['package-lock.json', 'src/integrations/admin-bundle.ts'];
  for (const folder of ['cms', 'src']) {
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })) {
      const file = `${folder}/${entry.split(path.sep).join('/')}`;
      if (/\.(ts|tsx|css|json)$/.test(file) && !/\.test\.tsx?$/.test(file)) files.push(file);
    }
  }
  return files.sort();
}

/** Digest of every source file's path and bytes: a new key whenever anything the bundle may contain changes. */
export function adminBundleKey(root: string): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Build the bundle into the cache unless it is there; returns the folder holding admin.js. */
export async function ensureAdminBundle(root: string, log: (message: string) => void): Promise<string> {
  const key = adminBundleKey(root);
  const cacheRoot = path.join(root, 'node_modules', '.cache', 'gongkailan-admin');
  const folder = path.join(cacheRoot, key);
  if (existsSync(path.join(folder, 'admin.js'))) return folder;
  const started = performance.now();
  // Parallel builds (tests) may both miss the cache: each writes a folder of its own and the first rename wins.
  const temporary = path.join(cacheRoot, `.${key}-${process.pid}-${Date.now()}`);
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    plugins: [react()],
    build: {
      outDir: temporary,
      emptyOutDir: true,
      copyPublicDir: false,
      sourcemap: false,
      // Decap is one large chunk by nature; the warning would only repeat that.
      chunkSizeWarningLimit: 20_000,
      rolldownOptions: {
        input: path.join(root, 'cms', 'main.ts'),
        output: {
          format: 'es',
          entryFileNames: 'admin.js',
          assetFileNames: '[name]-[hash][extname]',
          codeSplitting: false,
        },
      },
    },
  });
  mkdirSync(cacheRoot, { recursive: true });
  try {
    renameSync(temporary, folder);
  } catch {
    // Another build got there first with the same key (same sources): use its copy.
    rmSync(temporary, { recursive: true, force: true });
  }
  // Older bundles are dead weight once the sources moved on.
  for (const old of readdirSync(cacheRoot)) {
    if (old !== key && !old.startsWith('.')) rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
  }
  log(`bundled /admin/ (Decap CMS) in ${((performance.now() - started) / 1000).toFixed(1)} s, cached as ${key}`);
  return folder;
}

const VITE_CLIENT = /<script[^>]*\ssrc="\/@vite\/client"[^>]*><\/script>/g;

/**
 * In `astro dev` every saved content file makes Vite reload every open page (Astro sends a full-reload on content
 * changes). For /admin/ that is a lost edit: one tab's save reloaded the other tab and its unsaved form with it.
 * The admin has nothing to hot-reload (its script is prebuilt), so its HTML is served without Vite's client.
 */
function withoutLiveReload(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (request.url?.split('?')[0] !== '/admin/') {
    next();
    return;
  }
  const chunks: Buffer[] = [];
  const end = response.end.bind(response);
  response.write = ((chunk: string | Uint8Array) => {
    chunks.push(Buffer.from(chunk));
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: string | Uint8Array | (() => void)) => {
    if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
    const html = Buffer.concat(chunks).toString('utf8').replace(VITE_CLIENT, '');
    if (!response.headersSent) response.setHeader('Content-Length', Buffer.byteLength(html));
    return end(html);
  }) as typeof response.end;
  next();
}

export default function adminBundle(): AstroIntegration {
  let folder: string | undefined;
  let scriptName = '';
  return {
    name: 'gongkailan:admin-bundle',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        folder = await ensureAdminBundle(root, (m) => logger.info(m));
        // The key is in the file name, so a browser never runs an old admin from its cache after an update.
        scriptName = `admin.${path.basename(folder)}.js`;
        process.env[ADMIN_SCRIPT_ENV] = `/admin/${scriptName}`;
      },
      // `npm run cms` (astro dev) serves the same bundle: no on-demand compile of Decap on the first page load.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(withoutLiveReload);
        server.middlewares.use((request, response, next) => {
          const name = request.url?.split('?')[0]?.match(/^\/admin\/([^/]+\.(?:js|wasm))$/)?.[1];
          const file = name === scriptName ? 'admin.js' : name;
          if (
            folder === undefined ||
            file === undefined ||
            file.startsWith('.') ||
            !existsSync(path.join(folder, file))
          ) {
            next();
            return;
          }
          response.setHeader(
            'Content-Type',
            file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8',
          );
          response.end(readFileSync(path.join(folder, file)));
        });
      },
      'astro:build:done': ({ dir }) => {
        if (folder === undefined) return;
        const target = path.join(fileURLToPath(dir), 'admin');
        mkdirSync(target, { recursive: true });
        copyFileSync(path.join(folder, 'admin.js'), path.join(target, scriptName));
        // Decap's image codecs (WebAssembly), loaded relative to the script.
        for (const asset of readdirSync(folder)) {
          if (asset !== 'admin.js') copyFileSync(path.join(folder, asset), path.join(target, asset));
        }
      },
    },
  };
}

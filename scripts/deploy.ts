/**
 * `npm run deploy`: build the site into a fresh release folder and switch the live site to it atomically.
 *
 *   DEPLOY_ROOT=/srv/gongkailan CONTENT_DIR=content node scripts/deploy.ts
 *
 * Layout under DEPLOY_ROOT: `releases/<UTC timestamp>/` (one per build) and `current` → the live release (point
 * the web server's root at `current`, see deploy/nginx.conf). The build validates content first and runs the
 * post-build checks (privacy, executable markup, links) at the end; only if everything passes is `current`
 * replaced, by renaming a new symlink over it (rename is atomic: readers see the old or the new site, never a mix).
 * A failed build deletes its release folder and leaves `current` untouched. Old releases beyond KEEP_RELEASES
 * (default 5) are deleted; the live one never is. Exit code 0 on success, 1 on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { releaseName, releasesToPrune } from '../src/lib/releases.ts';

const root = path.resolve(process.env.DEPLOY_ROOT ?? 'deploy-root');
const keep = Number(process.env.KEEP_RELEASES ?? '5');
const releasesDir = path.join(root, 'releases');
const current = path.join(root, 'current');
mkdirSync(releasesDir, { recursive: true });

const existing = readdirSync(releasesDir);
const name = releaseName(new Date(), new Set(existing));
const release = path.join(releasesDir, name);
const live = existsSync(current) ? path.basename(readlinkSync(current)) : undefined;

console.log(`deploy: building release ${name} into ${release}`);
// The same pipeline as `npm run build` (pages, then search index and checks in their own process).
const build = spawnSync(process.execPath, [path.resolve('scripts/build.ts')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    OUT_DIR: release,
    // A cache of its own: a build never reads another checkout's stale content.
    ASTRO_CACHE_DIR: path.join(root, '.astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  },
});

const complete = existsSync(path.join(release, 'index.html')) && existsSync(path.join(release, 'build-info.json'));
if (build.status !== 0 || !complete) {
  rmSync(release, { recursive: true, force: true });
  console.error(
    `部署失败：构建或检查未通过，线上网站保持不变（仍为 ${live ?? '无'}）。请看上面的错误信息，改正后重新运行。`,
  );
  process.exit(1);
}

// Atomic switch: a new symlink next to `current`, renamed over it.
const next = path.join(root, `.current-${name}`);
rmSync(next, { force: true });
symlinkSync(path.join('releases', name), next);
renameSync(next, current);
console.log(`deploy: current → releases/${name}（已上线）`);

for (const old of releasesToPrune(readdirSync(releasesDir), keep, [name])) {
  rmSync(path.join(releasesDir, old), { recursive: true, force: true });
  console.log(`deploy: removed old release ${old}`);
}

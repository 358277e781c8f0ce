/**
 * `npm run deploy`: build the site into a fresh release folder and switch the live site to it atomically.
 *
 *   DEPLOY_ROOT=/srv/gongkailan CONTENT_DIR=content node scripts/deploy.ts
 *
 * Layout under DEPLOY_ROOT: `releases/<UTC timestamp>/` (one per build) and `current` → the live release (point
 * the web server's root at `current`, see deploy/nginx.conf). The build validates content first and runs the
 * post-build checks (privacy, executable markup, links) at the end; only if everything passes is the release
 * marked complete (a marker file, written last) and `current` replaced, by renaming a new symlink over it (rename
 * is atomic: readers see the old or the new site, never a mix). A failed build leaves no release folder and
 * `current` untouched.
 *
 * Safety (issue 12):
 * - a lock (`DEPLOY_ROOT/.deploy.lock`, created exclusively) so two deploys never overlap; a lock left by a
 *   deploy that was killed is taken over once its process is gone;
 * - each release folder is claimed with an exclusive mkdir, so two deploys in the same second get two folders;
 * - KEEP_RELEASES (default 5) must be a positive whole number; old releases beyond it are deleted, counting only
 *   complete ones, so an interrupted deploy never pushes a good release out. The live one is never deleted.
 * Exit code 0 on success, 1 on failure.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PREVIOUS_URLS_ENV, URL_MANIFEST } from '../src/integrations/durable-urls.ts';
import { parseKeepReleases, RELEASE_MARKER, releaseName, releasesToPrune } from '../src/lib/build/releases.ts';

const keepSetting = parseKeepReleases(process.env.KEEP_RELEASES);
if ('error' in keepSetting) {
  console.error(`部署未开始：${keepSetting.error}`);
  process.exit(1);
}
const { keep } = keepSetting;

const root = path.resolve(process.env.DEPLOY_ROOT ?? 'deploy-root');
const releasesDir = path.join(root, 'releases');
const current = path.join(root, 'current');
const lockFile = path.join(root, '.deploy.lock');
mkdirSync(releasesDir, { recursive: true });

/** Whether a process with this id is still running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the deploy lock, or say who holds it. A lock whose process is gone is stale and is taken over. */
function lock(): boolean {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; started?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockFile, 'utf8')) as typeof holder;
      } catch {
        // Written by a deploy killed between creating and filling the file: nobody holds it.
      }
      if (typeof holder.pid === 'number' && running(holder.pid)) {
        console.error(
          `部署未开始：另一个部署正在进行（进程 ${holder.pid}，开始于 ${holder.started ?? '未知时间'}）。` +
            `请等它结束后再运行；如确认没有部署在运行，删除 ${lockFile}。`,
        );
        return false;
      }
      rmSync(lockFile, { force: true });
    }
  }
  return false;
}

if (!lock()) process.exit(1);
process.on('exit', () => {
  try {
    if ((JSON.parse(readFileSync(lockFile, 'utf8')) as { pid?: number }).pid === process.pid) rmSync(lockFile);
  } catch {
    // Already gone.
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

// With the lock held no build is running here: temporary folders of killed builds are garbage.
for (const entry of readdirSync(releasesDir)) {
  if (/^\..+\.(?:building|old)-\d+$/.test(entry))
    rmSync(path.join(releasesDir, entry), { recursive: true, force: true });
}

/** Claim a fresh release folder: mkdir fails if the name exists, so no two deploys ever share one. */
function claimRelease(): string {
  const taken = new Set(readdirSync(releasesDir));
  for (;;) {
    const name = releaseName(new Date(), taken);
    try {
      mkdirSync(path.join(releasesDir, name));
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      taken.add(name);
    }
  }
}

const name = claimRelease();
const release = path.join(releasesDir, name);
const live = existsSync(current) ? path.basename(readlinkSync(current)) : undefined;

console.log(`deploy: building release ${name} into ${release}`);
// The same pipeline as `npm run build`: it builds beside the release folder and swaps it in only when every
// step passed, and writes its report beside it (moved to DEPLOY_ROOT/build-report.json below).
const build = spawnSync(process.execPath, [path.resolve('scripts/build.ts')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    OUT_DIR: release,
    // A cache of its own: a build never reads another checkout's stale content.
    ASTRO_CACHE_DIR: path.join(root, '.astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Durable URLs (issue 18): every URL of the live release must survive in this one, or be redirected.
    ...(live === undefined ? {} : { [PREVIOUS_URLS_ENV]: path.join(releasesDir, live, URL_MANIFEST) }),
  },
});

// The build's report (passing or failing) becomes DEPLOY_ROOT/build-report.json: the last deploy's outcome.
const report = path.join(releasesDir, `${name}.build-report.json`);
if (existsSync(report)) renameSync(report, path.join(root, 'build-report.json'));

const built = existsSync(path.join(release, 'index.html')) && existsSync(path.join(release, 'build-info.json'));
if (build.status !== 0 || !built) {
  rmSync(release, { recursive: true, force: true });
  console.error(
    `部署失败：构建或检查未通过，线上网站保持不变（仍为 ${live ?? '无'}）。请看上面的错误信息，改正后重新运行。`,
  );
  process.exit(1);
}
// Last write of a good release: from here on it counts as complete and may be kept in place of older ones.
writeFileSync(path.join(release, RELEASE_MARKER), `${JSON.stringify({ name, completed: new Date().toISOString() })}\n`);

// Atomic switch: a new symlink next to `current`, renamed over it.
const next = path.join(root, `.current-${name}`);
rmSync(next, { force: true });
symlinkSync(path.join('releases', name), next);
renameSync(next, current);
console.log(`deploy: current → releases/${name}（已上线）`);

const releases = readdirSync(releasesDir).map((entry) => ({
  name: entry,
  complete: existsSync(path.join(releasesDir, entry, RELEASE_MARKER)),
}));
for (const old of releasesToPrune(releases, keep, [name])) {
  rmSync(path.join(releasesDir, old), { recursive: true, force: true });
  const complete = releases.find((r) => r.name === old)?.complete === true;
  console.log(`deploy: removed ${complete ? 'old' : 'incomplete'} release ${old}`);
}

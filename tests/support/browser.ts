/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core. Never downloads a browser.
 * A private fontconfig file gives Chromium the vendored Noto Sans SC, so screenshots show Chinese characters
 * on a machine without CJK fonts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONT_DIR = path.resolve('src/assets/fonts');

/**
 * Chromium reads system fonts with its own FreeType, which cannot open WOFF2 (fontconfig can, so `fc-list` looks
 * fine while every glyph renders as a box). Decompress the vendored WOFF2 files to TrueType for Chromium.
 */
async function truetypeFonts(dir: string): Promise<void> {
  const { decompress } = createRequire(import.meta.url)('wawoff2') as {
    decompress: (data: Uint8Array) => Promise<Uint8Array>;
  };
  for (const file of readdirSync(FONT_DIR).filter((f) => f.endsWith('.woff2'))) {
    const ttf = await decompress(readFileSync(path.join(FONT_DIR, file)));
    writeFileSync(path.join(dir, file.replace(/\.woff2$/, '.ttf')), ttf);
  }
}

async function fontconfigFile(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-fontconfig-'));
  const cache = path.join(dir, 'cache');
  const fonts = path.join(dir, 'fonts');
  mkdirSync(cache);
  mkdirSync(fonts);
  await truetypeFonts(fonts);
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fonts}</dir>
  <cachedir>${cache}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Noto Sans SC</family></prefer></alias>
  <alias><family>PingFang SC</family><prefer><family>Noto Sans SC</family></prefer></alias>
</fontconfig>
`,
  );
  return file;
}

let fontconfig: Promise<string> | undefined;

/** Where the test run's shared Chromium listens (set by the site tests' global setup, startSharedBrowser). */
const SHARED_BROWSER_ENV = 'GONGKAILAN_BROWSER_WS';

/** The flags this sandbox needs (no background networking, fresh profile), plus the caller's. */
async function launchOptions(options: LaunchOptions): Promise<LaunchOptions> {
  fontconfig ??= fontconfigFile();
  const { args: extraArgs = [], ...rest } = options;
  return {
    executablePath: CHROMIUM_PATH,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: await fontconfig },
    ...rest,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  };
}

/**
 * Launch headless Chromium. `options.args` are added to the sandbox's flags, not put in their place (Lighthouse adds
 * a debugging port).
 *
 * In the test suite, a call without options connects to the one Chromium the run shares instead (startSharedBrowser):
 * the suite is CPU-bound on two cores, and a launch per test file cost about 0.9 CPU-seconds. Each connection is
 * its own browser to the test: its contexts are its own, and `close()` closes them and disconnects.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_ENV];
  if (shared !== undefined && Object.keys(options).length === 0) return chromium.connect(shared);
  return chromium.launch(await launchOptions(options));
}

/**
 * Launch the Chromium every test file of a run connects to; tells the test workers where through the environment.
 * One renderer process serves every tab (`--renderer-process-limit=1`): a renderer started for each new context
 * was work the suite repeated hundreds of times. Over 18 browser test files, three runs each way, interleaved:
 * 70–82 CPU-seconds with one renderer against 87–92 with a renderer per tab (measured on this machine). How a page
 * renders and runs does not depend on which process it is in.
 */
export async function startSharedBrowser(): Promise<BrowserServer> {
  const server = await chromium.launchServer(await launchOptions({ args: ['--renderer-process-limit=1'] }));
  process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
  return server;
}

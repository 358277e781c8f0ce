/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core. Never downloads a browser.
 * A private fontconfig file gives Chromium the vendored Noto Sans SC, so screenshots show Chinese characters
 * on a machine without CJK fonts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

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

/**
 * Launch headless Chromium with the flags this sandbox needs (no background networking, fresh profile).
 * `options.args` are added to these flags, not put in their place (Lighthouse adds a debugging port).
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  fontconfig ??= fontconfigFile();
  const { args: extraArgs = [], ...rest } = options;
  return chromium.launch({
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
  });
}

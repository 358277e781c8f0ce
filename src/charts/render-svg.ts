/**
 * Thin renderer: a Chart.js configuration → a static SVG string with real `<text>` elements.
 *
 * How it works (tested in src/charts/charts.test.ts; docs/open-data.md): Chart.js draws into an
 * `svgcanvas` Context (a Canvas-2D API that records SVG), inside a jsdom document. Chart.js lays out labels with
 * `measureText`, which svgcanvas forwards to a real `@napi-rs/canvas` context that has the vendored Noto Sans SC
 * registered, so Chinese labels are measured correctly on a machine without system fonts. The text stays text
 * (small, selectable, drawn with the reader's own fonts); the font-family is rewritten to a Chinese stack whose
 * widths match the measured ones.
 *
 * Output is deterministic: svgcanvas's random ids are renamed in order of appearance, prefixed with the chart id
 * so several inline charts on one page never share an id.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, DOMMatrix, DOMPoint, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { JSDOM } from 'jsdom';
import { Context as SvgContext } from 'svgcanvas';

/** Bump when the renderer's output changes for the same input, so cached SVGs are not reused. */
export const RENDERER_VERSION = 'svg-6';

/** The font stack written into the SVG: the reader's Chinese UI font, then the font we measured with. */
const CHART_FONT_STACK = '"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif';
const MEASURE_FAMILY = 'Noto Sans SC';

/**
 * Resolved from the project root, not from import.meta.url: inside Astro's bundled build this module lives in a
 * build chunk, where a relative URL would point at a missing file and measurements would silently use a font
 * without Chinese glyphs (labels then overflow their axis).
 */
const FONT_FILE = 'src/assets/fonts/noto-sans-sc-chinese-simplified-400-normal.woff2';

let measureContext: SKRSContext2D | undefined;
let dom: JSDOM | undefined;

function setUp(): { measure: SKRSContext2D; window: JSDOM['window'] } {
  if (measureContext === undefined) {
    if (!GlobalFonts.has(MEASURE_FAMILY)) {
      const file = path.resolve(process.env.CHART_FONT_FILE ?? FONT_FILE);
      if (!existsSync(file) || GlobalFonts.registerFromPath(file, MEASURE_FAMILY) === null) {
        throw new Error(
          `chart font ${file} is missing or unreadable: run from the project root or set CHART_FONT_FILE`,
        );
      }
    }
    measureContext = createCanvas(10, 10).getContext('2d');
    Chart.register(...registerables);
    Chart.defaults.font.family = MEASURE_FAMILY;
  }
  dom ??= new JSDOM('<!doctype html><html><body></body></html>');
  return { measure: measureContext, window: dom.window };
}

/** Run `fn` with the browser globals svgcanvas expects, then restore them (other build code must not see a DOM). */
function withGlobals<T>(window: JSDOM['window'], fn: () => T): T {
  const names = ['document', 'XMLSerializer', 'DOMMatrix', 'DOMPoint'] as const;
  const g = globalThis as Record<string, unknown>;
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)] as const);
  g.document = window.document;
  g.XMLSerializer = window.XMLSerializer;
  g.DOMMatrix = DOMMatrix;
  g.DOMPoint = DOMPoint;
  try {
    return fn();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor === undefined) delete g[name];
      else Object.defineProperty(g, name, descriptor);
    }
  }
}

export interface SvgOptions {
  /** Unique on the page; prefixes internal ids and names the `<title>`/`<desc>` for aria-labelledby. */
  id: string;
  width: number;
  height: number;
  /** Accessible name (the chart title). */
  title: string;
  /** Text summary for screen readers (what the chart shows). */
  summary: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Make svgcanvas's output stable and accessible: fixed ids, a viewBox instead of a fixed size (scales down on a
 * 360 px phone), role="img" with <title>/<desc>, the Chinese font stack, and shorter numbers.
 */
function finishSvg(raw: string, options: SvgOptions): string {
  const ids = new Map<string, string>();
  for (const match of raw.matchAll(/\bid="([^"]+)"/g)) {
    const old = match[1] as string;
    if (!ids.has(old)) ids.set(old, `${options.id}-d${ids.size + 1}`);
  }
  let svg = raw.replace(/\bid="([^"]+)"/g, (_, old: string) => `id="${ids.get(old) ?? old}"`);
  svg = svg.replace(/url\(#([^)]+)\)/g, (_, old: string) => `url(#${ids.get(old) ?? old})`);
  // Font: one stack, written once on the root; text elements inherit it.
  svg = svg.replace(/ font-family="[^"]*"/g, '');
  // Coordinates: two decimals are far below a pixel and keep the file small.
  svg = svg.replace(/(\d+\.\d{3,})/g, (n) => String(Math.round(Number(n) * 100) / 100));
  // Full circles (point markers): svgcanvas writes one arc from a point back to itself, which SVG draws as
  // nothing. Split it into two half arcs. Chart.js starts a circle at angle 0, i.e. (centre x + r, centre y).
  svg = svg.replace(
    /M ([\d.-]+) ([\d.-]+) A ([\d.]+) ([\d.]+) 0 1 1 \1 \2 Z/g,
    (_, x: string, y: string, r: string) => {
      const opposite = Math.round((Number(x) - 2 * Number(r)) * 100) / 100;
      return `M ${x} ${y} A ${r} ${r} 0 1 1 ${opposite} ${y} A ${r} ${r} 0 1 1 ${x} ${y} Z`;
    },
  );
  // Empty groups and the no-op transforms svgcanvas writes around every save/restore.
  svg = svg.replace(/ transform="translate\(0,\s*0\)"/g, '');
  let previous;
  do {
    previous = svg;
    svg = svg.replace(/<g>\s*<\/g>/g, '').replace(/<g\s*\/>/g, '');
  } while (svg !== previous);
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  svg = svg.replace(
    /^<svg [^>]*>/,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${options.width} ${options.height}" role="img" ` +
      `aria-labelledby="${titleId} ${descId}" font-family='${CHART_FONT_STACK}' class="chart-svg">` +
      `<title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(options.summary)}</desc>`,
  );
  svg = svg.replace(/<defs\/>|<defs><\/defs>/, '');
  return svg;
}

/** Render a Chart.js configuration to SVG text (synchronous, no animation, 1 device pixel per unit). */
export function renderChartSvg(config: ChartConfiguration, options: SvgOptions): string {
  const { measure, window } = setUp();
  return withGlobals(window, () => {
    const svgContext = new SvgContext({
      width: options.width,
      height: options.height,
      document: window.document,
      ctx: measure as unknown as CanvasRenderingContext2D,
    });
    const canvasStandIn = {
      width: options.width,
      height: options.height,
      style: {},
      getContext: () => svgContext,
    };
    const chart = new Chart(canvasStandIn as unknown as HTMLCanvasElement, {
      ...config,
      options: {
        ...config.options,
        animation: false,
        responsive: false,
        devicePixelRatio: 1,
        events: [],
      },
    });
    try {
      return finishSvg(svgContext.getSerializedSvg(true), options);
    } finally {
      chart.destroy();
    }
  });
}

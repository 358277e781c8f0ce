/**
 * Charts are readable on a phone without JavaScript: each chart is inline twice (wide and narrow layouts) and CSS
 * shows one. Measured in Chromium on the built demo: at 360 px the narrow SVG is the one shown and its smallest
 * text is at least 12 CSS px; at 1280 px the wide one is shown. Only one role="img" per chart is exposed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoInBrowser } from './support/demo-browser.ts';

const demo = demoInBrowser();

interface ChartView {
  /** Which layouts are visible (rendered with a size) in this figure. */
  visible: string[];
  /** Visible SVGs with role="img" that are not hidden from assistive technology. */
  exposedImages: number;
  /** Smallest rendered height of the visible SVG's text, CSS px. */
  minTextPx: number;
  /** Smallest font size × SVG scale of the visible SVG's text, CSS px. */
  minFontPx: number;
  texts: number;
}

let tab: Page | undefined;

/** The charts of `pathname` loaded at `width` in the file's one tab (a new tab per view costs a new renderer). */
async function chartViews(width: number, pathname: string): Promise<ChartView[]> {
  tab ??= await demo.browser.newPage();
  const page = tab;
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${demo.url}${pathname}`);
  const views = await page.evaluate(() =>
    [...document.querySelectorAll('figure.stats-chart')].map((figure) => {
      const shown = [...figure.querySelectorAll<HTMLElement>('.stats-chart-svg')].filter(
        (d) => d.getBoundingClientRect().width > 0 && getComputedStyle(d).display !== 'none',
      );
      const svgs = shown.flatMap((d) => [...d.querySelectorAll('svg')]);
      const texts = svgs.flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')]
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => ({
            height: t.getBoundingClientRect().height,
            font: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
          }));
      });
      return {
        visible: shown.map((d) => (d.classList.contains('stats-chart-narrow') ? 'narrow' : 'wide')),
        exposedImages: [...figure.querySelectorAll('svg[role="img"]')].filter(
          (svg) => svg.getBoundingClientRect().width > 0,
        ).length,
        minTextPx: Math.min(...texts.map((t) => t.height)),
        minFontPx: Math.min(...texts.map((t) => t.font)),
        texts: texts.length,
      };
    }),
  );
  return views;
}

describe('statistics charts in Chromium', () => {
  for (const pathname of ['/stats/', '/stats/place/nanling/']) {
    it(`shows the narrow chart at 360 px with text of at least 12 CSS px: ${pathname}`, async () => {
      const views = await chartViews(360, pathname);
      expect(views.length).toBeGreaterThanOrEqual(3);
      for (const view of views) {
        expect(view.visible).toEqual(['narrow']);
        expect(view.exposedImages).toBe(1);
        expect(view.texts).toBeGreaterThan(3);
        expect(view.minTextPx).toBeGreaterThanOrEqual(12);
        expect(view.minFontPx).toBeGreaterThanOrEqual(12);
      }
    });

    it(`shows the wide chart at 1280 px: ${pathname}`, async () => {
      const views = await chartViews(1280, pathname);
      expect(views.length).toBeGreaterThanOrEqual(3);
      for (const view of views) {
        expect(view.visible).toEqual(['wide']);
        expect(view.exposedImages).toBe(1);
        expect(view.minFontPx).toBeGreaterThanOrEqual(14);
      }
    });
  }
});

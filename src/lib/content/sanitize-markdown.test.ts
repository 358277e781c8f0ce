import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { alignmentOf, sanitizeMarkdownPlugin } from './sanitize-markdown.ts';

/** Astro's Markdown processor (Sätteri) with the plugin, as astro.config.mjs sets it up. */
function render(markdown: string): string {
  return markdownToHtml(markdown, { hastPlugins: [sanitizeMarkdownPlugin] }).html;
}

describe('tables in Markdown (issue 18)', () => {
  it('keep a right-aligned column (---:) as a class, never as a style', async () => {
    const html = render('| 项目 | 金额（元） |\n| --- | ---: |\n| 路灯 | 12,000 |\n');
    expect(html).toContain('<th class="align-right">金额（元）</th>');
    expect(html).toContain('<td class="align-right">12,000</td>');
    expect(html).not.toContain('style=');
  });

  it('are focusable, so a table that scrolls sideways on a phone can be scrolled by keyboard', async () => {
    expect(render('| a |\n| --- |\n| 1 |\n')).toContain('<table tabindex="0">');
  });

  it('take nothing but the alignment from a style', () => {
    expect(alignmentOf('text-align: right')).toBe('right');
    expect(alignmentOf('text-align:center;')).toBe('center');
    expect(alignmentOf('text-align: right; background: url(x)')).toBeUndefined();
    expect(alignmentOf(undefined)).toBeUndefined();
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatsPreview } from './previews.tsx';

/** Render the stats preview for form data as Decap hands it over (an Immutable map with toJS). */
function preview(data: Record<string, unknown>): string {
  const props = { entry: { get: (key: string) => (key === 'data' ? { toJS: () => data } : undefined) } };
  return renderToStaticMarkup(createElement(StatsPreview, props as never));
}

describe('the statistics preview', () => {
  it('computes the rates of a half-filled form with the site model, blanks and invalid numbers as 0', () => {
    const html = preview({
      place: 'taoyuan',
      month: '2026-03',
      demands: { received: 10, responded: 10, resolved: 9, rated: '', satisfied: -1 },
      gridEvents: { safety: 4, sanitation: 1.5 },
    });
    expect(html).toContain('<th scope="row">解题率（办结率）</th><td>90.0%</td><td>已办结诉求 ÷ 受理诉求 × 100%</td>');
    expect(html).toContain('<th scope="row">满意率</th><td>—</td>');
    expect(html).toContain('<li>安全隐患：4 件</li>');
    expect(html).toContain('<li>环境卫生：0 件</li>');
  });

  it('says a rate over 100% is a mistake instead of printing it', () => {
    const html = preview({ demands: { received: 2, responded: 3, resolved: 0, rated: 0, satisfied: 0 } });
    expect(html).toContain('数字有误（150.0%，不可能超过 100%）');
  });
});

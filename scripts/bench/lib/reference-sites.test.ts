import { describe, expect, it } from 'vitest';
import { statsAsHugoPage } from './reference-sites.ts';

describe('Hugo reference content', () => {
  it('turns a statistics JSON file into a Hugo page with the same figures as JSON front matter and a title', () => {
    const json = JSON.stringify({ place: 'taoyuan', month: '2026-03', demands: { received: 46 } });
    const page = statsAsHugoPage(json, 'taoyuan-2026-03');
    expect(page.startsWith('{')).toBe(true);
    expect(JSON.parse(page)).toEqual({
      title: 'taoyuan 2026-03 治理统计',
      place: 'taoyuan',
      month: '2026-03',
      demands: { received: 46 },
      id: 'taoyuan-2026-03',
    });
  });
});

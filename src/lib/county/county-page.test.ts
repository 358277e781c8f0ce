import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { countyPage } from './county-page.ts';
import type { MergeStep } from './county-plan.ts';

const towns = [
  { name: '云溪街道', url: 'https://yunxi.example/' },
  { name: '枫溪</script><b>街道', url: 'https://fengxi.example/' },
];
const plan: MergeStep[] = [
  { town: '云溪街道', part: 'all', bundle: 'https://yunxi.example/pagefind/', baseUrl: 'https://yunxi.example/' },
  {
    town: '枫溪</script><b>街道',
    part: 'all',
    bundle: 'https://fengxi.example/pagefind/',
    baseUrl: 'https://fengxi.example/',
  },
];
// Without running its script: what a reader without JavaScript gets.
const document = new JSDOM(countyPage({ county: '溪山区', towns, plan })).window.document;

describe('the county page', () => {
  it('lists every town with a link to its own site, without JavaScript', () => {
    const links = [...document.querySelectorAll('ul a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['云溪街道', 'https://yunxi.example/'],
      ['枫溪</script><b>街道', 'https://fengxi.example/'],
    ]);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('溪山区村务公开');
  });

  it('keeps the search hidden until its script shows it (it cannot work without one)', () => {
    expect(document.querySelector<HTMLElement>('[data-county-search]')?.hidden).toBe(true);
  });

  it('carries the merge plan intact, even a name that would close a script element', () => {
    expect(JSON.parse(document.getElementById('county-plan')?.textContent ?? '')).toEqual(plan);
    expect(document.querySelectorAll('script')).toHaveLength(2);
    expect([...document.querySelectorAll('select[name="town"] option')].map((o) => o.textContent)).toEqual([
      '全部',
      '云溪街道',
      '枫溪</script><b>街道',
    ]);
  });
});

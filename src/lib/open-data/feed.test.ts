import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderRss, rfc822 } from './feed.ts';

const feed = {
  title: '东村 村务公开',
  link: 'https://example.org/places/dongcun/',
  self: 'https://example.org/places/dongcun/feed.xml',
  description: '东村发布的公告',
  items: [
    { title: '老公告', link: 'https://example.org/notices/a/', date: '2026-10-01' },
    {
      title: '低保 <名单> & “公示”',
      link: 'https://example.org/notices/b/',
      date: '2026-11-20',
      description: '本月 3 户',
      category: '村务公开',
    },
  ],
};

describe('RSS feeds', () => {
  it('is well-formed XML that a feed reader can parse, newest item first', () => {
    const doc = new JSDOM(renderRss(feed), { contentType: 'application/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const titles = [...doc.querySelectorAll('item > title')].map((n) => n.textContent);
    expect(titles).toEqual(['低保 <名单> & “公示”', '老公告']);
    expect(doc.querySelector('channel > language')?.textContent).toBe('zh-CN');
  });

  it('dates items at midnight China time', () => {
    expect(rfc822('2026-11-20')).toBe('Thu, 19 Nov 2026 16:00:00 GMT');
  });

  it('escapes markup and strips control characters', () => {
    expect(escapeXml('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});

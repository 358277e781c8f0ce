import { describe, expect, it } from 'vitest';
import {
  isDurable,
  nginxMap,
  redirectPage,
  redirectsFile,
  redirectsFor,
  urlManifest,
  vanishedUrls,
} from './durable-urls.ts';

const renamed = {
  collection: 'notices' as const,
  id: '2024-12-10-zhengbing-tonggao',
  movedFrom: ['2024-12-10-zhengbing'],
  file: 'content/notices/2024-12-10-zhengbing-tonggao.md',
};

describe('redirects from movedFrom', () => {
  it('send the old page and its print copy to the new ones', () => {
    expect(redirectsFor([renamed])).toEqual({
      redirects: [
        { from: '/notices/2024-12-10-zhengbing/', to: '/notices/2024-12-10-zhengbing-tonggao/' },
        { from: '/notices/2024-12-10-zhengbing/print/', to: '/notices/2024-12-10-zhengbing-tonggao/print/' },
      ],
      errors: [],
    });
  });

  it('refuse an old id that is still an entry, or one claimed twice, naming the file and field', () => {
    const live = {
      collection: 'notices' as const,
      id: '2024-12-10-zhengbing',
      movedFrom: [],
      file: 'content/notices/2024-12-10-zhengbing.md',
    };
    const { errors } = redirectsFor([renamed, live]);
    expect(errors).toEqual([
      {
        file: 'content/notices/2024-12-10-zhengbing-tonggao.md',
        field: 'movedFrom.0',
        label: '原编号（改名前）',
        message: '原编号 2024-12-10-zhengbing 还是另一条内容现在的编号，旧网址不能同时指向两处',
        fix: '删去 2024-12-10-zhengbing，或先把编号为 2024-12-10-zhengbing 的文件改名',
      },
    ]);
    const twice = redirectsFor([renamed, { ...renamed, id: 'other', file: 'content/notices/other.md' }]);
    expect(twice.errors.map((e) => e.message)).toEqual([
      '原编号 2024-12-10-zhengbing 已写在 content/notices/2024-12-10-zhengbing-tonggao.md 中',
    ]);
  });

  it('become a page that works without JavaScript, a _redirects file and an nginx map', () => {
    const [first] = redirectsFor([renamed]).redirects;
    const html = redirectPage(first!, 'https://gongkai.example.org', '云溪街道村务公开栏');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/notices/2024-12-10-zhengbing-tonggao/">');
    expect(html).toContain(
      '<link rel="canonical" href="https://gongkai.example.org/notices/2024-12-10-zhengbing-tonggao/">',
    );
    expect(html).toContain('<a href="/notices/2024-12-10-zhengbing-tonggao/">');
    expect(redirectsFile([first!])).toContain(
      '/notices/2024-12-10-zhengbing/ /notices/2024-12-10-zhengbing-tonggao/ 301',
    );
    expect(nginxMap([first!])).toContain('    /notices/2024-12-10-zhengbing /notices/2024-12-10-zhengbing-tonggao/;');
  });
});

describe('the URL check against the previous release', () => {
  const previous = urlManifest('https://x.example', '2026年11月23日 08:00', [
    'index.html',
    'notices/a/index.html',
    'notices/a/print/index.html',
    'notices/page/3/index.html',
    'admin/index.html',
    'notices/feed.xml',
  ]);

  it('lists public pages only', () => {
    expect(previous.urls).toEqual(['/', '/notices/a/', '/notices/a/print/', '/notices/page/3/']);
    expect(isDurable('/notices/page/3/')).toBe(false);
  });

  it('fails for a page that disappeared without a redirect, naming the likely content file and the fix', () => {
    const errors = vanishedUrls(previous, new Set(['/', '/notices/a/print/']), 'content');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'content/notices/a.md',
      message:
        '网址 /notices/a/ 在上次发布（2026年11月23日 08:00）的网站中存在，本次构建中没有了，也没有跳转：已张贴的二维码和别人保存的链接会打不开',
    });
    expect(errors[0]?.fix).toContain('movedFrom: [a]');
  });

  it('names a list page itself, not a content file, and does not suggest movedFrom for it', () => {
    const lists = urlManifest('https://x.example', '2026年11月23日', ['legal/topic/fraud/index.html']);
    const [error] = vanishedUrls(lists, new Set(), 'content');
    expect(error?.file).toBe('/legal/topic/fraud/');
    expect(error?.fix).toBe('恢复这个页面；如确需下线，设置 ALLOW_REMOVED_URLS=1 重新构建');
  });

  it('passes when every old page is still there or redirected, and ignores list pages past the first', () => {
    expect(vanishedUrls(previous, new Set(['/', '/notices/a/', '/notices/a/print/']), 'content')).toEqual([]);
  });
});

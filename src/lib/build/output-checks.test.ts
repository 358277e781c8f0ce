import { describe, expect, it } from 'vitest';
import {
  brokenInternalLinks,
  executableMarkup,
  externalLinks,
  internalLinks,
  personalDataInOutput,
} from './output-checks.ts';

describe('personal data in the built site', () => {
  const phones = new Set(['13800000001']);

  it('finds an ID number with its line and masked form, in any file', () => {
    const [problem] = personalDataInOutput('data/dibao.csv', '姓名,身份证\n张三,110105199001011232\n', phones);
    expect(problem).toMatchObject({
      file: 'data/dibao.csv',
      line: 2,
      kind: 'resident-id',
      masked: '110105********1232',
    });
  });

  it('allows published work phones and tel: links, but not a resident’s mobile in the text', () => {
    const html = '<p>网格员 13800000001</p><a href="tel:13900000002">拨打</a><p>户主电话 13912345678</p>';
    expect(personalDataInOutput('places/a/index.html', html, phones).map((p) => p.masked)).toEqual(['139****5678']);
  });

  it('looks for IDs and cards in script bundles and the CMS, but not for the schemas’ example mobiles', () => {
    const js = 'const hint="如 13812345678"; const id="110105199001011232";';
    expect(personalDataInOutput('_astro/app.js', js, phones).map((p) => p.kind)).toEqual(['resident-id']);
    expect(personalDataInOutput('admin/index.html', js, phones).map((p) => p.kind)).toEqual(['resident-id']);
  });
});

describe('executable markup in pages', () => {
  it('flags inline event handlers and javascript: URLs, with their line', () => {
    const html = '<p>ok</p>\n<img src="x" onerror="alert(1)">\n<a href=" javascript:alert(1)">x</a>';
    expect(executableMarkup('a/index.html', html).map((p) => p.line)).toEqual([2, 3]);
  });

  it('judges the DOM: escaped look-alikes in code spans, titles and attributes are text, not script', () => {
    // How Astro renders a 普法 item quoting a scam link in a code span, and HTML-looking text in a title.
    const html =
      '<title>&lt;img src=x onerror=alert(1)&gt; 骗局</title>\n' +
      '<p><code>&lt;a href=&quot;javascript:alert(1)&quot;&gt;</code> <code>&lt;a href="javascript:x"&gt;</code></p>\n' +
      '<meta property="og:title" content="<img src=x onerror=alert(1)> 骗局">\n' +
      '<a href="/legal/a/" title="&lt;a href=&quot;javascript:alert(1)&quot; onclick=x&gt;">ok</a>';
    expect(executableMarkup('legal/a/index.html', html)).toEqual([]);
    expect(internalLinks('legal/a/index.html', html).map((l) => l.url)).toEqual(['/legal/a/']);
  });

  it('sees script URLs hidden by entities, tabs and case, and handlers on any element', () => {
    const html =
      '<a href="jav&#x61;script:alert(1)">1</a>\n<a href="java\tscript:alert(1)">2</a>\n' +
      '<iframe src="DATA:text/html,x"></iframe>\n<svg/onload=alert(1)>';
    expect(executableMarkup('a/index.html', html).map((p) => `${p.line} ${p.message}`)).toEqual([
      '1 页面中有 javascript: 地址（href 属性）',
      '2 页面中有 javascript: 地址（href 属性）',
      '3 页面中有 data: 地址（src 属性）',
      '4 页面中有内联事件属性 onload（可执行脚本）',
    ]);
  });

  it('ignores code inside scripts and harmless data: images', () => {
    const html = '<script>const s = "<b onclick=1>";</script><img src="data:image/png;base64,AAAA" alt="">';
    expect(executableMarkup('a/index.html', html)).toEqual([]);
  });
});

describe('internal links and attachments', () => {
  const files = new Set(['index.html', 'notices/index.html', 'notices/a/index.html', 'uploads/a.pdf', '404.html']);
  const exists = (p: string) => files.has(p);

  it('resolves absolute, relative and same-site absolute URLs to output files', () => {
    const html =
      '<a href="/notices/">列表</a><a href="../">上级</a><a href="a/">同级</a><a href="/uploads/a.pdf">附件</a>' +
      '<link rel="canonical" href="https://gk.example.org/notices/"><a href="/404/">404</a><a href="#top">顶部</a>' +
      '<a href="https://www.gov.cn/">外部</a><a href="tel:12345">电话</a>';
    const links = internalLinks('notices/index.html', html, 'https://gk.example.org');
    expect(links.map((l) => l.target)).toEqual(['notices/', '', 'notices/a/', 'uploads/a.pdf', 'notices/', '404/']);
    expect(brokenInternalLinks('notices/index.html', links, exists)).toEqual([]);
  });

  it('reports a missing page and a missing attachment with a fix', () => {
    const links = internalLinks('index.html', '<a href="/stats/">统计</a>\n<a href="/uploads/b.pdf">附件</a>');
    const problems = brokenInternalLinks('index.html', links, exists);
    expect(problems.map((p) => `${p.line} ${p.message} | ${p.fix}`)).toEqual([
      '1 链接 /stats/ 指向的页面不存在 | 改正链接地址，或确认目标内容已发布（草稿和定时发布的内容不会生成页面）',
      '2 附件 /uploads/b.pdf 不存在 | 把文件上传到 content/uploads/b.pdf，或改正附件路径',
    ]);
  });

  it('lists external links once each, without the site’s own URLs', () => {
    const html =
      '<a href="https://www.gov.cn/a#x">1</a><a href="https://www.gov.cn/a">2</a><a href="https://gk.example.org/">3</a>';
    expect(externalLinks(html, 'https://gk.example.org')).toEqual(['https://www.gov.cn/a']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  hasCriteria,
  MAX_QUERY_LENGTH,
  MAX_WHOLE_WORDS,
  EXCERPT_LEAD,
  EXCERPT_MAX,
  mergeResults,
  monthInQuery,
  monthStatsSearch,
  resultDateLabel,
  orderFilterValues,
  pagefindOptions,
  parseSearchParams,
  safeExcerptHtml,
  sentenceExcerpt,
  toSearchParams,
  type SearchRequest,
  wholeWordSearches,
  wholeWordsFirst,
} from './search-query.ts';

describe('search state in the URL', () => {
  it('reads the words, the chosen filters and the sort order from a shared link', () => {
    const request = parseSearchParams(new URLSearchParams('q=%20低保%20&type=公告&place=桃源村&sort=date&x=1'));
    expect(request).toEqual({ query: '低保', filters: { type: '公告', place: '桃源村' }, sort: 'date' });
  });

  it('falls back to relevance order for an unknown sort value', () => {
    expect(parseSearchParams(new URLSearchParams('q=a&sort=oldest')).sort).toBe('relevance');
  });

  it('ignores empty filter values, as sent by a form whose select is left at 全部', () => {
    const request = parseSearchParams(new URLSearchParams('q=宅基地&type=&year=%20'));
    expect(request.filters).toEqual({});
  });

  it('cuts absurdly long queries', () => {
    expect(parseSearchParams(new URLSearchParams({ q: '村'.repeat(500) })).query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('writes back the same state it reads, without default values', () => {
    const request = parseSearchParams(new URLSearchParams('q=矛盾纠纷&year=2025&sort=date'));
    expect(toSearchParams(request).toString()).toBe(new URLSearchParams('q=矛盾纠纷&year=2025&sort=date').toString());
    expect(toSearchParams({ query: '低保', filters: {}, sort: 'relevance' }).toString()).toBe('q=%E4%BD%8E%E4%BF%9D');
  });

  it('treats a filter alone as something to search for, and an empty form as nothing', () => {
    expect(hasCriteria(parseSearchParams(new URLSearchParams('type=统计')))).toBe(true);
    expect(hasCriteria(parseSearchParams(new URLSearchParams('q=&sort=date')))).toBe(false);
  });
});

describe('pagefindOptions', () => {
  it('passes the chosen filters and sorts newest first by date', () => {
    expect(pagefindOptions({ query: 'x', filters: { type: '纪要', year: '2026' }, sort: 'date' })).toEqual({
      filters: { type: '纪要', year: '2026' },
      sort: { date: 'desc' },
    });
  });

  it('sends no options for a plain relevance search', () => {
    expect(pagefindOptions({ query: 'x', filters: {}, sort: 'relevance' })).toEqual({});
  });
});

describe('orderFilterValues', () => {
  it('lists types in the fixed order 公告, 纪要, 统计, 普法, 地点', () => {
    expect(orderFilterValues('type', ['地点', '统计', '公告', '普法', '纪要'])).toEqual([
      '公告',
      '纪要',
      '统计',
      '普法',
      '地点',
    ]);
  });

  it('lists years newest first', () => {
    expect(orderFilterValues('year', ['2024', '2026', '2025'])).toEqual(['2026', '2025', '2024']);
  });

  it('lists places in pinyin order', () => {
    expect(orderFilterValues('place', ['桃源村', '清河社区', '云溪街道'])).toEqual(['清河社区', '桃源村', '云溪街道']);
  });
});

describe('chineseDate', () => {
  it('writes a date the way notices do, without leading zeros', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
  });
  it('leaves other text alone', () => {
    expect(chineseDate('2026-03')).toBe('2026-03');
  });
});

describe('safeExcerptHtml', () => {
  it('keeps the <mark> highlighting of matched words', () => {
    expect(safeExcerptHtml('群众说事、干部<mark>解题</mark>')).toBe('群众说事、干部<mark>解题</mark>');
  });
  it('neutralises any other markup so it shows as text', () => {
    expect(safeExcerptHtml('<img src=x onerror=alert(1)><mark>低保</mark></p>')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<mark>低保</mark>&lt;/p&gt;',
    );
  });
});

describe('monthInQuery', () => {
  it.each([
    ['矛盾纠纷 2025年3月', '2025-03', '矛盾纠纷'],
    ['2025年03月份桃源村信访', '2025-03', '桃源村信访'],
    ['2026年 10 月', '2026-10', ''],
    ['调解 2025-3', '2025-03', '调解'],
    ['2025.12 满意率', '2025-12', '满意率'],
    ['2025/7', '2025-07', ''],
  ])('reads the month in %s', (query, month, rest) => {
    expect(monthInQuery(query)).toEqual({ month, rest });
  });

  it.each([['2025年度征兵'], ['2025年13月'], ['电话 0999-8666'], ['10,230 元'], ['2025-03-01']])(
    'finds no month in %s',
    (query) => {
      expect(monthInQuery(query)).toBeUndefined();
    },
  );
});

describe('monthStatsSearch', () => {
  it("searches the rest of the query in that month's statistics, keeping the chosen place", () => {
    const request = parseSearchParams(new URLSearchParams({ q: '矛盾纠纷 2025年3月', place: '桃源村' }));
    expect(monthStatsSearch(request)).toEqual({
      query: '矛盾纠纷',
      options: { filters: { place: '桃源村', type: '统计', month: '2025-03' } },
    });
  });

  it('lists all statistics of the month when the query is only a month', () => {
    expect(monthStatsSearch(parseSearchParams(new URLSearchParams({ q: '2025年3月' })))?.query).toBeNull();
  });

  it('does not apply when sorting by date, when another type is chosen, or without a month', () => {
    expect(monthStatsSearch(parseSearchParams(new URLSearchParams('q=2025年3月&sort=date')))).toBeUndefined();
    expect(monthStatsSearch(parseSearchParams(new URLSearchParams('q=2025年3月&type=公告')))).toBeUndefined();
    expect(monthStatsSearch(parseSearchParams(new URLSearchParams('q=矛盾纠纷')))).toBeUndefined();
  });
});

describe('mergeResults', () => {
  it('keeps the first list in order and adds the others once', () => {
    const ids = (...list: string[]) => list.map((id) => ({ id }));
    expect(mergeResults(ids('m', 'n'), ids('a', 'm', 'b')).map((r) => r.id)).toEqual(['m', 'n', 'a', 'b']);
  });
});

describe('resultDateLabel', () => {
  it('shows the month of a statistics page and the day of anything else', () => {
    expect(resultDateLabel('2025-03-01', '统计')).toBe('2025年3月');
    expect(resultDateLabel('2025-03-01', '公告')).toBe('2025年3月1日');
  });
});

describe('wholeWordSearches', () => {
  const request = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
    query,
    filters: {},
    sort: 'relevance',
    ...more,
  });

  it('looks up each typed word as an exact phrase, with the chosen filters', () => {
    expect(wholeWordSearches(request('路灯改造 决议', { filters: { place: '桃源村' } }))).toEqual([
      { query: '"路灯改造"', options: { filters: { place: '桃源村' } } },
      { query: '"决议"', options: { filters: { place: '桃源村' } } },
    ]);
  });

  it('leaves out single characters, repeated words and quotes the resident typed', () => {
    expect(wholeWordSearches(request('“低保” 村 低保 "医保"')).map((s) => s.query)).toEqual(['"低保"', '"医保"']);
    expect(wholeWordSearches(request('村'))).toEqual([]);
  });

  it('does nothing when sorting by date, and looks up at most a few words', () => {
    expect(wholeWordSearches(request('低保', { sort: 'date' }))).toEqual([]);
    expect(wholeWordSearches(request('低保 医保 党费 征兵 宅基地 彩礼'))).toHaveLength(MAX_WHOLE_WORDS);
  });
});

describe('wholeWordsFirst', () => {
  const r = (id: string, from = 'ranked') => ({ id, from });

  it('puts pages with the whole word first, keeping the ranked order within each group', () => {
    const ranked = [r('lift'), r('dibao'), r('services'), r('qa')];
    const exact = [r('qa', 'exact'), r('dibao', 'exact')];
    expect(wholeWordsFirst(ranked, [exact]).map((x) => x.id)).toEqual(['dibao', 'qa', 'lift', 'services']);
  });

  it("shows a single word's exact result (its excerpt is centred on the whole word)", () => {
    expect(wholeWordsFirst([r('a'), r('b')], [[r('b', 'exact')]])).toEqual([r('b', 'exact'), r('a')]);
  });

  it('with several words, ranks pages by how many of them they contain whole, keeping the ranked results', () => {
    const ranked = [r('none'), r('one'), r('both')];
    const first = [r('one', 'exact'), r('both', 'exact')];
    const second = [r('both', 'exact')];
    expect(wholeWordsFirst(ranked, [first, second])).toEqual([r('both'), r('one'), r('none')]);
  });

  it('keeps the ranked order when there is nothing to look up or nothing matched', () => {
    const ranked = [r('a'), r('b')];
    expect(wholeWordsFirst(ranked, [])).toEqual(ranked);
    expect(wholeWordsFirst(ranked, [[]])).toEqual(ranked);
  });
});

describe('sentenceExcerpt', () => {
  const content =
    '石桥村 · 村务公开. 石桥村宅基地申请审查公示. 根据《土地管理法》第六十二条，以下村民的宅基地申请已经村“两委”审查。公示期满无异议的，报街道办事处审批。';

  it('reaches back to the start of the sentence when Pagefind began mid-sentence', () => {
    expect(sentenceExcerpt('六十二条，以下村民的<mark>宅</mark><mark>基地</mark>申请已经', content)).toBe(
      '根据《土地管理法》第六十二条，以下村民的<mark>宅</mark><mark>基地</mark>申请已经',
    );
  });

  it('drops the end of the previous sentence when the sentence starts inside the excerpt', () => {
    expect(sentenceExcerpt('村“两委”审查。公示期满<mark>无异议</mark>的，报街道', content)).toBe(
      '公示期满<mark>无异议</mark>的，报街道',
    );
  });

  it('treats the start of the page and a block break (". ") as sentence starts', () => {
    expect(sentenceExcerpt('<mark>石桥村</mark> · 村务', content)).toBe('<mark>石桥村</mark> · 村务');
    expect(sentenceExcerpt('公开. 石桥村<mark>宅基地</mark>申请', content)).toBe('石桥村<mark>宅基地</mark>申请');
  });

  it('starts a very long sentence at the nearest clause, after an ellipsis', () => {
    const long = `前文。${'甲'.repeat(EXCERPT_LEAD)}，乙丙丁<mark>低保</mark>戊`.replace(/<\/?mark>/g, '');
    expect(sentenceExcerpt('丙丁<mark>低保</mark>戊', long)).toBe('…乙丙丁<mark>低保</mark>戊');
    const noClause = `前文。${'甲'.repeat(EXCERPT_LEAD + 10)}低保戊`;
    expect(sentenceExcerpt('甲甲<mark>低保</mark>戊', noClause)).toBe('…甲甲<mark>低保</mark>戊');
  });

  it('cuts the text to about EXCERPT_MAX characters but keeps the first highlight whole', () => {
    const text = `起。${'字'.repeat(EXCERPT_MAX + 40)}`;
    const out = sentenceExcerpt(`<mark>起</mark>。${'字'.repeat(EXCERPT_MAX + 40)}`, text);
    expect(out.replace(/<\/?mark>/g, '')).toHaveLength(EXCERPT_MAX);
    expect(out.startsWith('<mark>起</mark>')).toBe(true);
  });

  it('keeps every highlight and neutralises markup in the page text', () => {
    // As Pagefind gives it: page text escaped, but a raw tag must not get through either.
    const page = '上一句。<script>alert(1)</script>说明：&lt;b&gt;低保和医保都在这里。';
    expect(sentenceExcerpt('说明：&lt;b&gt;<mark>低保</mark>和<mark>医保</mark>', page)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;说明：&lt;b&gt;<mark>低保</mark>和<mark>医保</mark>',
    );
    expect(sentenceExcerpt('x<img src=y onerror=alert(1)><mark>a</mark>', '')).toBe(
      'x&lt;img src=y onerror=alert(1)&gt;<mark>a</mark>',
    );
  });

  it('works on the excerpt alone when the page text does not contain it', () => {
    expect(sentenceExcerpt('说明。新的一句<mark>低保</mark>在这', '别的内容')).toBe('新的一句<mark>低保</mark>在这');
  });
});

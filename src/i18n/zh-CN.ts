/**
 * Every UI string of the public site, with dotted keys. Labels of content values (categories, levels…) live
 * next to their schema enums in src/schemas, so editors and readers see the same words.
 */
export const strings = {
  'site.demoBanner': '示例数据：本站内容为虚构的演示数据，不代表任何真实地区、单位或个人。',
  'site.skipToContent': '跳到正文',
  'site.updatedAt': '数据更新于',
  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.notices': '村务公开',
  'nav.meetings': '议事纪要',
  'nav.stats': '治理数据',
  'nav.legal': '普法园地',
  'nav.places': '村社区',
  'nav.search': '搜索',
  'nav.data': '开放数据',
  'footer.feedback': '意见反映',
  'footer.feedbackLaw':
    '对村务公开内容有疑问，或应公开而未公开的，可向以下机关反映（《村民委员会组织法》第三十一条）：',
  'footer.office': '主办',
  'breadcrumb.label': '当前位置',
  'a11y.largeText': '大字模式',
  'a11y.largeTextOff': '标准字号',
  // Search page (/search/): src/pages/search/index.astro and src/components/search/search-page.ts.
  'search.title': '搜索',
  'search.intro':
    '搜索村务公开、议事纪要、治理数据、普法园地和村社区信息。可以输入地名、事项、法律名称或数字，多个词用空格隔开。',
  'search.label': '搜索关键词',
  'search.hint': '例如：低保、宅基地、桃源村、矛盾纠纷 2025年3月',
  'search.submit': '搜索',
  'search.filters': '筛选和排序',
  'search.filter.type': '类型',
  'search.filter.place': '村社区',
  'search.filter.year': '年份',
  'search.filter.category': '类别',
  'search.filter.all': '全部',
  'search.sort': '排序',
  'search.sort.relevance': '最相关的在前',
  'search.sort.date': '最新的在前',
  'search.status.loading': '正在搜索……',
  'search.status.empty': '请输入搜索关键词，或选择筛选条件。',
  'search.status.none': '没有找到相关内容。可以换一个词，或减少筛选条件。',
  'search.status.count': '找到 {count} 条结果。',
  'search.status.error': '搜索暂时无法使用。请直接浏览下面的栏目。',
  'search.more': '显示更多结果',
  'search.results': '搜索结果',
  'search.noscript': '搜索功能需要浏览器开启 JavaScript。您也可以直接浏览以下栏目：',
  'search.browse': '按栏目浏览',
} as const;

export type StringKey = keyof typeof strings;

/** Look up a UI string. Unknown keys fail type-checking, so there are no silent gaps. */
export function t(key: StringKey): string {
  return strings[key];
}

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
} as const;

export type StringKey = keyof typeof strings;

/** Look up a UI string. Unknown keys fail type-checking, so there are no silent gaps. */
export function t(key: StringKey): string {
  return strings[key];
}

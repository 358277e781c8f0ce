/**
 * One way to write a statute reference everywhere (pages, feeds, search results): 《民法典》第1032条.
 * Arabic article numbers, as courts and 普法 material commonly print them.
 */
export interface StatuteReference {
  /** Short title without 《》. */
  law: string;
  /** Article (条) number. */
  article?: number | undefined;
}

/** 《民法典》第1032条, or 《民法典》 when no article is given. Strips 《》 an editor may have typed anyway. */
export function formatStatute(ref: StatuteReference): string {
  const law = `《${ref.law.replace(/[《》]/g, '').trim()}》`;
  return ref.article === undefined ? law : `${law}第${ref.article}条`;
}

/** Several references joined with the Chinese enumeration comma: 《民法典》第293条、《土地管理法》第62条. */
export function formatStatutes(refs: readonly StatuteReference[]): string {
  return refs.map(formatStatute).join('、');
}

/**
 * Small rules for the 联系我们 block (src/components/site/ContactBlock.astro).
 */

/** How the complaint route's legal basis is cited: 村民委员会组织法 第三十一条. */
const ART31 = '第三十一条';

/**
 * Whether the editor's own feedback note already cites Art. 31. The block then does not add its standard
 * sentence, so a page cites the law once (the demo's note does; a portal without a note still gets it).
 */
export function complaintNoteCitesLaw(note: string | undefined): boolean {
  return note !== undefined && note.includes(ART31);
}

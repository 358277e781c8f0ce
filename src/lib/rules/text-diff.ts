/**
 * What changed between two versions of a rule's text: a paragraph diff of the Markdown bodies (blocks separated
 * by blank lines, whitespace inside a block ignored), computed at build time with the `diff` package. Pages show
 * each block as unchanged, <ins> 新增 or <del> 删除, so the difference is read as text, not only seen as colour.
 */
import { diffArrays } from 'diff';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffBlock {
  kind: DiffKind;
  /** The paragraph's Markdown source, trimmed. */
  text: string;
}

/** The paragraphs of a Markdown text: blocks separated by blank lines, each trimmed, empty ones dropped. */
export function paragraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

/** Whitespace-insensitive key of a paragraph, so reflowing a line does not show as a change. */
const key = (text: string) => text.replace(/\s+/g, ' ');

/** The paragraph diff of `before` → `after`, in reading order (a replaced paragraph: removed first, then added). */
export function paragraphDiff(before: string, after: string): DiffBlock[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  const parts = diffArrays(a.map(key), b.map(key));
  const blocks: DiffBlock[] = [];
  let i = 0;
  let j = 0;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.added) {
      for (let k = 0; k < n; k += 1) blocks.push({ kind: 'added', text: b[j + k] as string });
      j += n;
    } else if (part.removed) {
      for (let k = 0; k < n; k += 1) blocks.push({ kind: 'removed', text: a[i + k] as string });
      i += n;
    } else {
      for (let k = 0; k < n; k += 1) blocks.push({ kind: 'same', text: b[j + k] as string });
      i += n;
      j += n;
    }
  }
  return blocks;
}

/** How many paragraphs were added and removed. */
export function diffCounts(blocks: readonly DiffBlock[]): { added: number; removed: number } {
  return {
    added: blocks.filter((b) => b.kind === 'added').length,
    removed: blocks.filter((b) => b.kind === 'removed').length,
  };
}

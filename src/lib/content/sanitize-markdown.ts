/**
 * The second lock on Markdown (the first is validation, which rejects raw HTML and unsafe links): a HAST plugin
 * for Astro's Markdown processor (Sätteri) that makes rendered Markdown inert whatever slips through.
 *
 * Astro does not sanitize Markdown. With this plugin:
 * - raw HTML is never emitted as HTML: it becomes visible text (`<script>` shows as the characters <script>);
 * - only elements Markdown itself produces survive (allow-list); any other element is replaced by its text;
 * - attributes are limited to an allow-list per purpose, so no `on*` handler or `style` can appear;
 * - `href`/`src` keep only http(s), mailto, tel, relative and fragment URLs;
 * - a table column's alignment (`---:` in Markdown, which the renderer writes as a `style`) survives as a class
 *   (`align-right`…), so amounts in financial tables stay right-aligned without allowing `style` (issue 18);
 * - a table is focusable (`tabindex="0"`): on a phone it scrolls sideways in its own box, and keyboard users
 *   must be able to scroll it too (axe `scrollable-region-focusable`).
 */
import { isUnsafeLink } from './content-safety.ts';

/** Elements the Markdown renderer (CommonMark + GFM: tables, footnotes, task lists) produces. */
const ALLOWED_ELEMENTS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'span',
  'strong',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
] as const;

/** HAST property names allowed on any element (footnotes, code highlighting, tables, task lists, headings). */
const ALLOWED_PROPERTIES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'id',
  'className',
  'align',
  'start',
  'type',
  'checked',
  'disabled',
  'colSpan',
  'rowSpan',
  'dataFootnotes',
  'dataFootnoteRef',
  'dataFootnoteBackref',
  'dataLanguage',
  'ariaLabel',
  'ariaLabelledBy',
  'ariaDescribedBy',
  'ariaHidden',
  'tabIndex',
]);

const URL_PROPERTIES = new Set(['href', 'src']);
const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);

interface HastElementLike {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
}
interface HastRawLike {
  type: 'raw';
  value: string;
}
interface Context {
  replaceNode(node: never, replacement: unknown): void;
  setProperty(node: never, key: string, value: unknown): void;
  textContent(node: never): string;
}

/** The alignment a GFM table cell carries as `style="text-align: right"`, and nothing else from a style. */
export function alignmentOf(style: unknown): 'left' | 'right' | 'center' | undefined {
  if (typeof style !== 'string') return undefined;
  return /^\s*text-align:\s*(left|right|center)\s*;?\s*$/.exec(style)?.[1] as 'left' | 'right' | 'center' | undefined;
}

/** The plugin object Sätteri's `hastPlugins` accepts (typed loosely so this module does not import Sätteri). */
export const sanitizeMarkdownPlugin = {
  name: 'gongkailan-sanitize-markdown',
  raw(node: HastRawLike, ctx: Context) {
    ctx.replaceNode(node as never, { type: 'text', value: node.value });
  },
  element: {
    // An empty filter visits every element (checked in sanitize-markdown.test.ts).
    filter: [] as string[],
    visit(node: HastElementLike, ctx: Context) {
      if (!ALLOWED.has(node.tagName)) {
        ctx.replaceNode(node as never, { type: 'text', value: ctx.textContent(node as never) });
        return;
      }
      if (node.tagName === 'table') ctx.setProperty(node as never, 'tabIndex', 0);
      const align = alignmentOf(node.properties.style);
      if (align !== undefined) ctx.setProperty(node as never, 'className', [`align-${align}`]);
      for (const [key, value] of Object.entries(node.properties)) {
        const unsafeUrl = URL_PROPERTIES.has(key) && typeof value === 'string' && isUnsafeLink(value);
        if (!ALLOWED_PROPERTIES.has(key) || unsafeUrl) ctx.setProperty(node as never, key, undefined);
      }
    },
  },
};

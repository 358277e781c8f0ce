/**
 * The last check before the CMS writes a file: the same zod schema and friendly messages as `npm run validate`,
 * so an entry the build would reject is never saved. Decap's own field checks (required, pattern, min/max) run
 * first and catch most mistakes next to the field; this catches the rules that span fields
 * (公示结束日期 after 开始, 实到 ≤ 应到, 已办结 ≤ 受理…) and everything Decap cannot express.
 *
 * Pure functions, no Decap imports: cms/main.ts adapts them to Decap's preSave event.
 */
import type { z } from 'astro/zod';
import { parseWithFriendlyErrors, type ContentError } from '../src/lib/friendly-errors.ts';
import { contentSafetyErrors } from '../src/lib/content-safety.ts';
import { collections, type CollectionName } from '../src/schemas/index.ts';
import { MARKDOWN_FIELD } from './config.ts';

type Path = (string | number)[];

function isBlankValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Paths of the values an editor left blank: empty strings, cleared numbers (Decap keeps them as "" or NaN), blank
 * list rows, and lists and groups left with nothing in them. The schema means "not given" by a missing key, so these
 * are removed before checking and saving. Children come before their parents and list rows in descending order,
 * so deleting the paths one by one (as Decap's Immutable `deleteIn` does) never shifts a later path.
 */
export function blankPaths(data: unknown): Path[] {
  const paths: Path[] = [];
  const visit = (node: unknown, path: Path): boolean => {
    if (Array.isArray(node)) {
      let kept = 0;
      for (let i = node.length - 1; i >= 0; i -= 1) {
        if (visit(node[i], [...path, i])) paths.push([...path, i]);
        else kept += 1;
      }
      return kept === 0;
    }
    if (node !== null && typeof node === 'object') {
      let kept = 0;
      for (const [key, value] of Object.entries(node)) {
        if (visit(value, [...path, key])) paths.push([...path, key]);
        else kept += 1;
      }
      return kept === 0;
    }
    return isBlankValue(node);
  };
  visit(data, []);
  return paths;
}

/** A deep copy of `data` without the blank values (see {@link blankPaths}). */
export function withoutBlanks<T>(data: T): T {
  const copy = structuredClone(data) as unknown;
  for (const path of blankPaths(copy)) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy);
    const key = path.at(-1) as string | number;
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[key];
  }
  return copy as T;
}

export interface EntryCheck {
  ok: boolean;
  errors: ContentError[];
}

/** Check an entry's data (as the CMS holds it) against its collection's schema. */
export function checkEntry(collection: CollectionName, data: Record<string, unknown>, file: string): EntryCheck {
  const { [MARKDOWN_FIELD]: _body, ...frontMatter } = withoutBlanks(data);
  const schema: z.ZodType = collections[collection].schema;
  const result = parseWithFriendlyErrors(schema, frontMatter, file);
  // TEMPORARY (issue 13 branch, until issue 12's full gate lands here): personal data and unsafe markup too.
  const safety = contentSafetyErrors({
    collection,
    file,
    data: frontMatter,
    ...(typeof _body === 'string' ? { body: _body } : {}),
  });
  const errors = [...safety, ...(result.ok ? [] : result.errors)];
  return { ok: errors.length === 0, errors };
}

/** The message the editor sees when saving is refused: each problem with its field and its fix. */
export function refusalMessage(errors: ContentError[]): string {
  const lines = errors.map((e) => `【${e.label || '整条内容'}】${e.message}。修改方法：${e.fix}`);
  return `未保存，请先改正 ${errors.length} 处问题：\n${lines.join('\n')}`;
}

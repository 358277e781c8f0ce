/**
 * Reads the shape of a zod schema: field types, required-ness, enum options, limits, check messages and the Chinese
 * metadata attached with `field()`. The CMS config builder, the open-data table schemas and the friendly error
 * messages all read schemas through here, so they cannot disagree with the schemas themselves, and no other module
 * needs to know how zod stores a schema.
 *
 * Kinds come from zod's schema types and from metadata the schemas carry (`stringKind` of isoDate and isoMonth, in
 * src/schemas/common.ts), never from the text of a regex. What zod's public API does not expose (a wrapper's inner
 * schema, an array's item-count checks, a check's message, the patterns of a string) is read by `defOf` alone.
 */
import { z } from 'astro/zod';
import type { FieldMeta } from '../../schemas/common.ts';

type AnySchema = z.ZodType;
type ErrorFn = (issue: object) => unknown;
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  error?: ErrorFn;
}
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: { _zod: { def: CheckDef } }[];
  options?: AnySchema[];
  /** String formats (z.email(), z.url()): the format's name, its own pattern and message. */
  format?: string;
  pattern?: RegExp;
  error?: ErrorFn;
}

/**
 * The one adapter to zod's internals: zod 4 keeps a schema's definition in `_zod.def` (the surface zod documents
 * for library authors), and its public API offers no other way to the facts listed above. A zod
 * upgrade that changes it fails the schema-agreement tests (cms/config.test.ts, schema-walk.test.ts) loudly.
 */
function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The message a check or a format schema carries (zod keeps `{ message }` as an error function), if a string. */
function messageOf(def: { error?: ErrorFn }): string | undefined {
  const message = def.error?.({});
  return typeof message === 'string' ? message : undefined;
}

export type FieldKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'enum' | 'date' | 'month' | 'unknown';

export interface FieldInfo {
  kind: FieldKind;
  /** False when the field may be left out (optional, or has a default). */
  required: boolean;
  default?: unknown;
  /** Merged metadata of the wrappers and the inner schema (outer wins). */
  meta: Partial<FieldMeta>;
  /** Enum options, in declared order. */
  options?: string[];
  /** For strings: length limits; for numbers: value limits; for arrays: item-count limits. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** Regex patterns a string must match. */
  patterns?: RegExp[];
  /**
   * For strings: the Chinese messages set in the schema, the format schema's own (z.email's) first, then those
   * of its pattern and length checks, without repeats.
   */
  messages?: string[];
  /** For zod's string formats (z.email(), z.url()): the format's name and the pattern it keeps outside the checks. */
  format?: string;
  formatPattern?: RegExp;
  /** Object fields, in declared order. */
  fields?: Record<string, FieldInfo>;
  /** Array element. */
  element?: FieldInfo;
  /** The innermost schema after unwrapping optional/default/preprocess. */
  schema: AnySchema;
}

function mergeMeta(target: Partial<FieldMeta>, schema: AnySchema) {
  const meta = z.globalRegistry.get(schema) as Partial<FieldMeta> | undefined;
  if (meta === undefined) return;
  for (const [key, value] of Object.entries(meta)) {
    if (!(key in target)) (target as Record<string, unknown>)[key] = value;
  }
}

/** Describe a schema (recursively for objects and arrays). */
export function describe(schema: AnySchema): FieldInfo {
  const meta: Partial<FieldMeta> = {};
  let required = true;
  let defaultValue: unknown;
  let current = schema;
  // Peel wrappers; metadata may sit on any layer.
  for (;;) {
    mergeMeta(meta, current);
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') {
      required = false;
      current = def.innerType as AnySchema;
    } else if (def.type === 'default' || def.type === 'prefault') {
      required = false;
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      current = def.out as AnySchema;
    } else {
      break;
    }
  }
  const def = defOf(current);
  const info: FieldInfo = { kind: 'unknown', required, meta, schema: current };
  if (defaultValue !== undefined) info.default = defaultValue;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const patterns = checks
    .filter((c) => c.check === 'string_format' && c.pattern instanceof RegExp)
    .map((c) => c.pattern as RegExp);
  switch (def.type) {
    case 'object':
      info.kind = 'object';
      info.fields = Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, describe(v)]));
      break;
    case 'array': {
      info.kind = 'array';
      info.element = describe(def.element as AnySchema);
      for (const c of checks) {
        if (c.check === 'min_length') info.min = c.minimum as number;
        if (c.check === 'max_length') info.max = c.maximum as number;
      }
      break;
    }
    case 'string': {
      const s = current as z.ZodString;
      info.kind = meta.stringKind ?? 'string';
      if (s.minLength !== null) info.min = s.minLength;
      if (s.maxLength !== null) info.max = s.maxLength;
      if (patterns.length > 0) info.patterns = patterns;
      const messages: string[] = [];
      for (const message of [
        messageOf(def),
        ...checks
          .filter((c) => c.check === 'string_format' || c.check === 'min_length' || c.check === 'max_length')
          .map(messageOf),
      ]) {
        if (message !== undefined && !messages.includes(message)) messages.push(message);
      }
      if (messages.length > 0) info.messages = messages;
      if (def.format !== undefined) info.format = def.format;
      if (def.pattern instanceof RegExp) info.formatPattern = def.pattern;
      break;
    }
    case 'number': {
      const n = current as z.ZodNumber;
      info.kind = 'number';
      if (Number.isFinite(n.minValue)) info.min = n.minValue as number;
      if (Number.isFinite(n.maxValue)) info.max = n.maxValue as number;
      info.integer = n.format === 'safeint' || n.format === 'int32' || n.format === 'uint32';
      break;
    }
    case 'boolean':
      info.kind = 'boolean';
      break;
    case 'enum':
      info.kind = 'enum';
      info.options = Object.values(def.entries ?? {});
      break;
    default:
      break;
  }
  return info;
}

/** The field info at a dotted/array path (numeric segments step into arrays), or undefined. */
export function fieldAt(root: FieldInfo, path: readonly PropertyKey[]): FieldInfo | undefined {
  let node: FieldInfo | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') node = node.element;
    else if (node.kind === 'array') node = node.element?.fields?.[String(segment)];
    else node = node.fields?.[String(segment)];
  }
  return node;
}

/** Chinese labels along a path, e.g. ['公示期', '公示结束日期'] (array indexes become 第N项). */
export function labelsAt(root: FieldInfo, path: readonly PropertyKey[]): string[] {
  const labels: string[] = [];
  let node: FieldInfo | undefined = root;
  for (const segment of path) {
    if (node === undefined) break;
    if (typeof segment === 'number') {
      labels.push(`第 ${segment + 1} 项`);
      node = node.element;
    } else {
      node = node.kind === 'array' ? node.element?.fields?.[String(segment)] : node.fields?.[String(segment)];
      labels.push(node?.meta.title ?? String(segment));
    }
  }
  return labels;
}

/**
 * Compares Decap field definitions with a zod schema and lists every disagreement, in words: a missing or extra
 * field, a different label, required-ness, options, limits, or a pattern that accepts what the schema rejects (or
 * the reverse). cms/config.test.ts runs it on the generated configuration (must find nothing) and on deliberately
 * drifted copies (must find the drift), so the check itself is known to work.
 */
import type { FieldInfo } from '../src/lib/content/schema-walk.ts';
import { ENTRY_WIDGET, PLACE_WIDGET, PUBLIC_FOLDER, type CmsField } from './config.ts';

/** Strings that exercise the length limits and patterns of our schemas (slugs, months, names, phones, paths…). */
const PROBES = [
  'a',
  'ab',
  'abc',
  'taoyuan',
  'taoyuan-g1',
  'Taoyuan',
  'tao yuan',
  '-a',
  'a--b',
  '2025-03',
  '2025-13',
  '2025-03-01',
  '桃源村',
  '张三',
  '张3',
  '欧阳',
  '13812345678',
  '23812345678',
  '0571-88001234',
  '12345',
  '/uploads/a.pdf',
  '/uploads/A.PDF',
  '/uploads/a.exe',
  '/uploads/中.pdf',
  '《民法典》',
  '民法典',
  'https://gongkai.example.cn',
  'gongkai.example.cn',
  'a@example.cn',
  'a@',
  ...[1, 2, 3, 4, 5, 10, 19, 20, 21, 30, 31, 39, 40, 41, 59, 60, 61, 79, 80, 81, 99, 100, 101, 199, 200, 201, 299, 300]
    .concat([301, 499, 500, 501])
    .map((n) => '字'.repeat(n)),
];

/** Fields that pick another entry (a place, a notice) from a list instead of taking typed text, or a list of them. */
function isReference(field: CmsField): boolean {
  if (field.widget === 'list' && field.field !== undefined) return isReference(field.field);
  return field.widget === 'relation' || field.widget === PLACE_WIDGET || field.widget === ENTRY_WIDGET;
}

function accepts(pattern: [string, string] | undefined, value: string): boolean {
  return pattern === undefined || new RegExp(pattern[0]).test(value);
}

/** Differences between one schema field and its CMS field; `path` names the field in messages. */
function fieldDrift(path: string, info: FieldInfo, field: CmsField | undefined, parentRequired = true): string[] {
  if (field === undefined) return [`${path}: missing from the CMS`];
  const drift: string[] = [];
  const expectRequired = parentRequired && info.required;
  if (info.meta.title !== undefined && field.label !== info.meta.title)
    drift.push(`${path}: label "${field.label}" ≠ "${info.meta.title}"`);
  // A field without a schema title still needs a Chinese label (not its code name, e.g. "office").
  if (info.meta.title === undefined && /^[A-Za-z]/.test(field.label)) drift.push(`${path}: no Chinese label`);
  if (field.required !== expectRequired) drift.push(`${path}: required ${field.required} ≠ ${expectRequired}`);
  // Pickers show names, so a hint about ids ("村/社区的编号") is left out on purpose.
  if (
    info.meta.description !== undefined &&
    !isReference(field) &&
    !(field.hint ?? '').includes(info.meta.description)
  ) {
    drift.push(`${path}: hint lacks the schema description`);
  }
  const enumInfo =
    info.kind === 'enum' ? info : info.kind === 'array' && info.element?.kind === 'enum' ? info.element : undefined;
  if (enumInfo !== undefined && !isReference(field)) {
    const values = (field.options ?? []).map((o) => o.value);
    if (JSON.stringify(values) !== JSON.stringify(enumInfo.options)) {
      drift.push(`${path}: options ${values.join(',')} ≠ ${(enumInfo.options ?? []).join(',')}`);
    }
    const labels = info.meta.optionLabels ?? enumInfo.meta.optionLabels ?? {};
    for (const option of field.options ?? []) {
      if (labels[option.value] !== undefined && option.label !== labels[option.value]) {
        drift.push(`${path}: option ${option.value} labelled "${option.label}" ≠ "${labels[option.value]}"`);
      }
    }
    if (info.kind === 'array' && field.multiple !== true) drift.push(`${path}: should allow several options`);
  }
  if (info.kind === 'number' || info.kind === 'array') {
    if (field.min !== info.min) drift.push(`${path}: min ${field.min} ≠ ${info.min}`);
    if (field.max !== info.max) drift.push(`${path}: max ${field.max} ≠ ${info.max}`);
  }
  if (info.kind === 'number' && (field.value_type === 'int') !== (info.integer === true)) {
    drift.push(`${path}: value_type ${field.value_type} but integer=${info.integer}`);
  }
  if (
    info.kind === 'date' &&
    (field.widget !== 'datetime' || field.date_format !== 'YYYY-MM-DD' || field.time_format !== false)
  ) {
    drift.push(`${path}: a date must be picked as YYYY-MM-DD without time`);
  }
  if ((info.kind === 'string' || info.kind === 'month') && !isReference(field)) {
    for (const probe of PROBES) {
      // A file field holds public_folder + the picked file's name, and Decap checks the name alone.
      const byCms =
        field.widget === 'file'
          ? probe.startsWith(`${PUBLIC_FOLDER}/`) && accepts(field.pattern, probe.slice(PUBLIC_FOLDER.length + 1))
          : accepts(field.pattern, probe);
      const bySchema = info.schema.safeParse(probe).success;
      if (byCms !== bySchema) {
        drift.push(
          `${path}: "${probe.length > 12 ? `${probe.slice(0, 12)}…(${probe.length})` : probe}" ${bySchema ? 'accepted by the schema, refused by the CMS' : 'refused by the schema, accepted by the CMS'}`,
        );
        break;
      }
    }
  }
  if (info.kind === 'object') drift.push(...fieldsDrift(path, info.fields ?? {}, field.fields ?? [], expectRequired));
  if (info.kind === 'array' && info.element !== undefined) {
    const element = info.element;
    if (element.kind === 'object') drift.push(...fieldsDrift(path, element.fields ?? {}, field.fields ?? [], true));
    else if (element.kind !== 'enum' && !isReference(field)) {
      drift.push(
        ...fieldDrift(`${path}[]`, { ...element, meta: { ...element.meta, title: field.label } }, field.field, true),
      );
    }
  }
  return drift;
}

/** Differences between a schema's object fields and a list of CMS fields (same names, same order). */
export function fieldsDrift(
  path: string,
  fields: Record<string, FieldInfo>,
  cmsFields: readonly CmsField[],
  parentRequired = true,
  cmsOnly: readonly string[] = [],
): string[] {
  const drift: string[] = [];
  const schemaNames = Object.keys(fields);
  const cmsNames = cmsFields.map((f) => f.name).filter((n) => !cmsOnly.includes(n));
  if (JSON.stringify(schemaNames) !== JSON.stringify(cmsNames)) {
    const extra = cmsNames.filter((n) => !schemaNames.includes(n));
    if (extra.length > 0) drift.push(`${path}: CMS fields not in the schema: ${extra.join(', ')}`);
    if (extra.length === 0 && cmsNames.length === schemaNames.length)
      drift.push(`${path}: fields in a different order`);
  }
  for (const [name, info] of Object.entries(fields)) {
    drift.push(
      ...fieldDrift(
        path === '' ? name : `${path}.${name}`,
        info,
        cmsFields.find((f) => f.name === name),
        parentRequired,
      ),
    );
  }
  return drift;
}

/**
 * Open data: the tables published under /data/ and their Frictionless Data Package descriptor. Table schemas
 * (field names, types, Chinese titles, descriptions, units) are generated from the zod schemas through
 * schema-walk, so the published description cannot disagree with the content model.
 *
 * Flattening rule: nested objects become dotted column names (period.start, demands.received); lists become
 * JSON arrays in one cell (Table Schema type `array`).
 */
import type { z } from 'astro/zod';
import { statsSchema, type Stats } from '../../schemas/stats.ts';
import { toCsv, type CsvValue } from './csv.ts';
import { COUNT_INDICATORS, INDICATORS, RATE_INDICATORS, indicatorValue } from '../stats/indicators.ts';
import { describe, type FieldInfo } from '../content/schema-walk.ts';

/** A Table Schema field (Frictionless v2). `unit` is a custom property (allowed by the spec). */
export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'yearmonth' | 'array';
  title: string;
  description?: string;
  unit?: string;
  constraints?: { required?: boolean; minimum?: number; enum?: string[] };
}

function tableType(info: FieldInfo): TableField['type'] {
  switch (info.kind) {
    case 'number':
      return info.integer === true ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'month':
      return 'yearmonth';
    case 'array':
      return 'array';
    default:
      return 'string';
  }
}

export interface FlatField {
  field: TableField;
  /** Path into an entry's data. */
  path: string[];
  /** For a `<code>_label` column: the Chinese label of each code (the column shows the label, not the code). */
  labels?: Record<string, string>;
}

/**
 * Flatten a zod object schema into table fields, in schema order, optionally leaving some out. Optional groups
 * (the stats record's `closedLoop` detail) are left out unless `optionalGroups` is set: the importer reads this
 * list as the columns every spreadsheet must have, and those groups are not in every record. The open-data
 * tables include them (labelledFields).
 */
export function flatFields(
  schema: z.ZodType,
  exclude: readonly string[] = [],
  options: { optionalGroups?: boolean } = {},
): FlatField[] {
  const walk = (info: FieldInfo, path: string[], titles: string[], required: boolean): FlatField[] => {
    const name = path.join('.');
    if (exclude.includes(name)) return [];
    if (info.kind === 'object' && info.fields !== undefined) {
      if (path.length > 0 && !info.required && options.optionalGroups !== true) return [];
      const title = path.length === 0 ? [] : [info.meta.title ?? path.at(-1) ?? ''];
      return Object.entries(info.fields).flatMap(([key, child]) =>
        walk(child, [...path, key], [...titles, ...title], required && info.required),
      );
    }
    const field: TableField = {
      name,
      type: tableType(info),
      title: [...titles, info.meta.title ?? name].join(' › '),
    };
    if (info.meta.description !== undefined) field.description = info.meta.description;
    if (info.meta.unit !== undefined) field.unit = info.meta.unit;
    const constraints: NonNullable<TableField['constraints']> = {};
    if (required && info.required) constraints.required = true;
    if (info.kind === 'number' && info.min !== undefined) constraints.minimum = info.min;
    if (info.kind === 'enum' && info.options !== undefined) constraints.enum = info.options;
    if (Object.keys(constraints).length > 0) field.constraints = constraints;
    return [{ field, path }];
  };
  return walk(describe(schema), [], [], true);
}

/** The value of a flat field in an entry, ready for CSV (lists as JSON, missing as empty). */
export function flatValue(data: unknown, path: readonly string[]): CsvValue {
  let value: unknown = data;
  for (const key of path)
    value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  if (Array.isArray(value)) return JSON.stringify(value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value as CsvValue;
}

/**
 * The published columns of a schema: flatFields, with a `<field>_label` column (the Chinese label) right after
 * every coded field (category = village → category_label = 村务公开). Header names stay codes in every data file
 * (one header language per file, stable for scripts); the Chinese title of each column is in datapackage.json
 * and on /data/ (docs/open-data.md).
 */
export function labelledFields(schema: z.ZodType, exclude: readonly string[] = []): FlatField[] {
  const info = describe(schema);
  const at = (path: readonly string[]): FieldInfo | undefined =>
    path.reduce<FieldInfo | undefined>((node, key) => node?.fields?.[key], info);
  return flatFields(schema, exclude, { optionalGroups: true }).flatMap((f) => {
    const labels = at(f.path)?.meta.optionLabels;
    if (labels === undefined || f.field.type !== 'string') return [f];
    const label: FlatField = {
      field: { name: `${f.field.name}_label`, type: 'string', title: `${f.field.title}（中文）` },
      path: f.path,
      labels,
    };
    return [f, label];
  });
}

function cellOf(data: unknown, f: FlatField): CsvValue {
  const value = flatValue(data, f.path);
  return f.labels === undefined ? value : (f.labels[String(value)] ?? value);
}

/** Table of entries, one row each, columns from the schema (plus leading id columns). */
export function flatTable(
  schema: z.ZodType,
  entries: readonly { id: string; data: unknown }[],
  idField: TableField,
  exclude: readonly string[] = [],
  /** Columns after the schema's, computed per entry id (e.g. `revised`). */
  extra: readonly { field: TableField; value: (id: string) => CsvValue }[] = [],
): { fields: TableField[]; csv: string } {
  const fields = labelledFields(schema, exclude);
  return {
    fields: [idField, ...fields.map((f) => f.field), ...extra.map((x) => x.field)],
    csv: toCsv(
      [idField.name, ...fields.map((f) => f.field.name), ...extra.map((x) => x.field.name)],
      entries.map((e) => [e.id, ...fields.map((f) => cellOf(e.data, f)), ...extra.map((x) => x.value(e.id))]),
    ),
  };
}

const statsInfo = describe(statsSchema);

/**
 * Fields of the long statistics table: one row per place, month and indicator. `place` and `month` are the
 * schema's own fields; indicator ids are the schema's dotted count fields and the rate ids of rates.ts.
 */
export const STATS_LONG_FIELDS: TableField[] = [
  {
    name: 'place',
    type: 'string',
    title: statsInfo.fields?.place?.meta.title ?? 'place',
    description: '地点编号（content/places 的文件名）',
    constraints: { required: true },
  },
  { name: 'place_name', type: 'string', title: '地点名称' },
  {
    name: 'month',
    type: 'yearmonth',
    title: statsInfo.fields?.month?.meta.title ?? 'month',
    constraints: { required: true },
  },
  {
    name: 'indicator',
    type: 'string',
    title: '指标编号',
    description: '计数为统计表字段名（如 demands.received），比率为比率编号（如 resolutionRate）',
    constraints: { required: true, enum: INDICATORS.map((i) => i.id) },
  },
  { name: 'indicator_title', type: 'string', title: '指标名称' },
  {
    name: 'value',
    type: 'number',
    title: '数值',
    description: '计数为整数；比率为百分数，保留一位小数（分母为 0 时留空）',
  },
  { name: 'unit', type: 'string', title: '单位' },
  {
    name: 'note',
    type: 'string',
    title: '数据说明（口径）',
    description: '填报单位对当月数字的说明，如统计口径变化；与数字同行，不会被漏看',
  },
];

/** Rates as percentages with exactly one decimal ("100.0", "97.6"), the same text the chart CSVs write. */
function percentCell(fraction: number | null): string {
  return fraction === null ? '' : (Math.round(fraction * 1000) / 10).toFixed(1);
}

/** Rows of the long table for the given records (as entered: no roll-ups, so nothing is counted twice). */
function statsLongRows(records: readonly Stats[], placeNames: ReadonlyMap<string, string>): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const r of records) {
    const name = placeNames.get(r.place) ?? '';
    const note = r.note ?? '';
    for (const ind of COUNT_INDICATORS) {
      rows.push([r.place, name, r.month, ind.id, ind.title, indicatorValue(ind, r), ind.unit, note]);
    }
    for (const ind of RATE_INDICATORS) {
      rows.push([r.place, name, r.month, ind.id, ind.title, percentCell(indicatorValue(ind, r)), '%', note]);
    }
  }
  return rows;
}

export function statsLongCsv(records: readonly Stats[], placeNames: ReadonlyMap<string, string>): string {
  return toCsv(
    STATS_LONG_FIELDS.map((f) => f.name),
    statsLongRows(records, placeNames),
  );
}

export interface DataResource {
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv' | 'json';
  mediatype: string;
  encoding: 'utf-8';
  schema?: { fields: TableField[]; primaryKey?: string[] };
  /** Size of the file in bytes, when known. */
  bytes?: number;
}

export function csvResource(
  name: string,
  path: string,
  title: string,
  description: string,
  fields: TableField[],
  primaryKey?: string[],
): DataResource {
  return {
    name,
    path,
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: primaryKey === undefined ? { fields } : { fields, primaryKey },
  };
}

export function jsonResource(name: string, path: string, title: string, description: string): DataResource {
  return { name, path, title, description, format: 'json', mediatype: 'application/json', encoding: 'utf-8' };
}

/** The Data Package v2 descriptor. */
export function dataPackage(options: {
  title: string;
  description: string;
  homepage: string;
  created: string;
  resources: DataResource[];
}) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'gongkailan-open-data',
    title: options.title,
    description: options.description,
    homepage: options.homepage,
    created: options.created,
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0',
      },
    ],
    resources: options.resources,
  };
}

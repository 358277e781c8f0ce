import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { noticeSchema } from '../../schemas/notice.ts';
import { statsSchema, type Stats } from '../../schemas/stats.ts';
import { emptyCounts } from '../stats/model.ts';
import { parseCsv } from './csv.ts';
import { COUNT_INDICATORS, INDICATORS } from '../stats/indicators.ts';
import { csvResource, dataPackage, flatFields, labelledFields, statsLongCsv, STATS_LONG_FIELDS } from './open-data.ts';
import { describe as describeSchema, type FieldInfo } from '../content/schema-walk.ts';

/** Dotted names of every leaf field of a schema, walked independently of open-data.ts. */
function leafNames(info: FieldInfo, prefix = ''): string[] {
  if (info.kind === 'object' && info.fields) {
    return Object.entries(info.fields).flatMap(([k, v]) => leafNames(v, prefix === '' ? k : `${prefix}.${k}`));
  }
  return [prefix];
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync('tests/fixtures/frictionless/data-package-v2.schema.json', 'utf8')) as object;
  return ajv.compile(schema);
}

const record: Stats = {
  ...emptyCounts(),
  place: 'dongcun',
  month: '2026-10',
  demands: { received: 158_835, responded: 158_835, resolved: 155_055, rated: 0, satisfied: 0 },
};

describe('open data', () => {
  it('publishes exactly the fields of the zod schemas, with their Chinese titles and units', () => {
    const fields = flatFields(statsSchema, [], { optionalGroups: true });
    expect(fields.map((f) => f.field.name)).toEqual(leafNames(describeSchema(statsSchema)));
    // By default (the importer's required columns) the optional closed-loop detail is left out.
    expect(flatFields(statsSchema).map((f) => f.field.name)).toEqual(
      leafNames(describeSchema(statsSchema)).filter((n) => !n.startsWith('closedLoop.')),
    );
    expect(fields.find((f) => f.field.name === 'demands.received')?.field).toMatchObject({
      type: 'integer',
      title: '群众诉求 › 群众说事（受理诉求）',
      unit: '件',
      constraints: { required: true, minimum: 0 },
    });
    expect(fields.find((f) => f.field.name === 'month')?.field.type).toBe('yearmonth');
    const notice = flatFields(noticeSchema, ['draft'], { optionalGroups: true }).map((f) => f.field);
    expect(notice.map((f) => f.name)).toEqual(leafNames(describeSchema(noticeSchema)).filter((n) => n !== 'draft'));
    expect(notice.find((f) => f.name === 'category')?.constraints?.enum).toEqual([
      'party',
      'village',
      'finance',
      'other',
    ]);
    expect(notice.find((f) => f.name === 'period.end')?.type).toBe('date');
  });

  it('writes the long table with a BOM, one row per indicator, rates as percentages and "no rate" as empty', () => {
    const csv = statsLongCsv([record], new Map([['dongcun', '东村']]));
    expect(csv.startsWith('\uFEFFplace,place_name,month,indicator,indicator_title,value,unit,note\r\n')).toBe(true);
    const rows = parseCsv(csv).slice(1);
    expect(rows).toHaveLength(INDICATORS.length);
    const cells = (id: string) => rows.find((r) => r.cells[3] === id)?.cells;
    expect(cells('demands.received')).toEqual([
      'dongcun',
      '东村',
      '2026-10',
      'demands.received',
      '群众说事（受理诉求）',
      '158835',
      '件',
      '',
    ]);
    expect(cells('resolutionRate')?.[5]).toBe('97.6');
    expect(cells('responseRate')?.[5]).toBe('100.0'); // as the chart CSVs write it, not "100"
    const noted = parseCsv(statsLongCsv([{ ...record, note: '本月起按新口径统计' }], new Map())).slice(1);
    expect(noted.every((r) => r.cells[7] === '本月起按新口径统计')).toBe(true);
    expect(cells('satisfactionRate')?.[5]).toBe('');
    expect(STATS_LONG_FIELDS.find((f) => f.name === 'indicator')?.constraints?.enum).toEqual(
      INDICATORS.map((i) => i.id),
    );
    expect(COUNT_INDICATORS.every((i) => leafNames(describeSchema(statsSchema)).includes(i.id))).toBe(true);
  });

  it('describes the files as a valid Frictionless Data Package 2.0', () => {
    const validate = validator();
    const descriptor = dataPackage({
      title: '示例开放数据',
      description: '测试',
      homepage: 'https://example.org/data/',
      created: '2026-11-24T00:00:00+08:00',
      resources: [
        csvResource('stats', 'stats.csv', '治理统计', '长表', STATS_LONG_FIELDS, ['place', 'month', 'indicator']),
        csvResource(
          'stats-records',
          'stats-records.csv',
          '宽表',
          '宽表',
          flatFields(statsSchema).map((f) => f.field),
        ),
      ],
    });
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a descriptor that breaks the standard, so the validation test can fail', () => {
    const validate = validator();
    expect(validate({ resources: [{ name: 'x', path: '../secret.csv' }] })).toBe(false);
    expect(
      validate({ resources: [{ name: 'x', path: 'x.csv', schema: { fields: [{ name: 'a', type: 'int' }] } }] }),
    ).toBe(false);
    expect(validate({ resources: [] })).toBe(false);
  });

  it('puts the Chinese label beside every coded value, keeping one header language (codes) per file', () => {
    const fields = labelledFields(noticeSchema, ['draft']);
    const names = fields.map((f) => f.field.name);
    expect(names.slice(names.indexOf('category'), names.indexOf('category') + 2)).toEqual([
      'category',
      'category_label',
    ]);
    expect(fields.find((f) => f.field.name === 'category_label')?.field.title).toBe('公开类别（中文）');
    expect(names.every((n) => /^[A-Za-z0-9._]+$/.test(n))).toBe(true);
  });
});

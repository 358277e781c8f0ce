/**
 * The statistics pages and open-data files of the built demo (evaluated on DEMO_TODAY): what journalists and
 * residents rely on, read from the real build output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { flatFields, labelledFields } from '../src/lib/open-data/open-data.ts';
import { statsSchema } from '../src/schemas/stats.ts';
import { DEMO_OUT_DIR } from './support/build.ts';

const read = (file: string) => readFileSync(path.join(DEMO_OUT_DIR, file), 'utf8');

describe('statistics pages of the demo', () => {
  it('publishes a month page at a permalink, with every chart as inline SVG with real Chinese text and no script', () => {
    const html = read('stats/2025/03/index.html');
    const svgs = html.match(/<svg [^>]*role="img"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    for (const svg of svgs) expect(svg).toMatch(/<text[^>]*>[^<]*[\u4e00-\u9fff][^<]*<\/text>/);
    expect(html).not.toMatch(/<script[^>]*chart/i);
    expect(html).toContain('比去年同月（同比）');
  });

  it('gives every chart a summary, a collapsed data table and a CSV link that exists', () => {
    const html = read('stats/index.html');
    const figures = html.match(/<figure class="stats-chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBeGreaterThanOrEqual(4);
    for (const figure of figures) {
      expect(figure).toMatch(/<figcaption[^>]*>[^<]{10,}<\/figcaption>/);
      expect(figure).toMatch(/<details[^>]*>\s*<summary[^>]*>查看数据表<\/summary>[\s\S]*<table/);
      const csv = /href="(\/data\/charts\/[^"]+\.csv)"/.exec(figure)?.[1];
      expect(csv && existsSync(path.join(DEMO_OUT_DIR, csv)), csv).toBe(true);
    }
  });

  it('lets the comparison be sorted without JavaScript: header links, aria-sort on the sorted column', () => {
    const html = read('stats/compare/by-resolution-rate/index.html');
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*>\s*<a href="\/stats\/compare\/by-resolution-rate\/"/);
    expect(html).toContain('href="/stats/compare/by-demands-received/"');
    // The sortable table only (the per-capita table below it has rows of its own).
    const table = /<table class="compare-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const rates = [...table.matchAll(/<tr[^>]*>\s*<th[^>]*scope="row"[\s\S]*?<\/tr>/g)].map((row) => {
      const cells = [...row[0].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]);
      return Number.parseFloat(cells[2] ?? '');
    });
    expect(rates.length).toBe(7);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });
});

describe('open data of the demo', () => {
  it('describes every file it links in a valid Data Package, and every described file exists', () => {
    const descriptor = JSON.parse(read('data/datapackage.json')) as { resources: { path: string }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync('tests/fixtures/frictionless/data-package-v2.schema.json', 'utf8')) as object,
    );
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    for (const resource of descriptor.resources)
      expect(existsSync(path.join(DEMO_OUT_DIR, 'data', resource.path)), resource.path).toBe(true);
  });

  it('writes CSV with a BOM whose header is exactly the described fields (wide table = the zod schema)', () => {
    const descriptor = JSON.parse(read('data/datapackage.json')) as {
      resources: { name: string; path: string; format: string; schema?: { fields: { name: string }[] } }[];
    };
    for (const resource of descriptor.resources.filter((r) => r.format === 'csv')) {
      const text = read(`data/${resource.path}`);
      expect(text.startsWith('\uFEFF'), resource.path).toBe(true);
      expect(parseCsv(text)[0]?.cells).toEqual(resource.schema?.fields.map((f) => f.name));
    }
    const wide = descriptor.resources.find((r) => r.name === 'stats-records');
    // Every schema field (lists such as closedLoop.units have a table of their own), each code with its label.
    expect(wide?.schema?.fields.slice(1).map((f) => f.name)).toEqual([
      ...labelledFields(statsSchema, ['closedLoop.units']).map((f) => f.field.name),
      'revised',
    ]);
    expect(flatFields(statsSchema, [], { optionalGroups: true }).map((f) => f.field.name)).toEqual(
      expect.arrayContaining(wide!.schema!.fields.slice(1, -1).map((f) => f.name)),
    );
  });
});

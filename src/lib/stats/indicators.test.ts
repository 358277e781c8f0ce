import { describe, expect, it } from 'vitest';
import { statsSchema } from '../../schemas/stats.ts';
import { emptyCounts } from './model.ts';
import {
  COUNT_INDICATORS,
  countValue,
  indicator,
  indicatorValue,
  INDICATORS,
  KEY_FIGURES,
  RATE_INDICATORS,
} from './indicators.ts';
import { RATES } from './rates.ts';
import { describe as describeSchema, fieldAt } from '../content/schema-walk.ts';

describe('the indicator catalogue', () => {
  it('lists every count field of the stats schema, with the title and unit the schema gives it', () => {
    const info = describeSchema(statsSchema);
    expect(COUNT_INDICATORS.length).toBeGreaterThan(15);
    for (const ind of COUNT_INDICATORS) {
      const fieldInfo = fieldAt(info, ind.path);
      expect(fieldInfo?.kind, ind.id).toBe('number');
      expect(ind.title).toBe(fieldInfo?.meta.title);
      expect(ind.unit).toBe(fieldInfo?.meta.unit);
    }
    expect(indicator('demands.received')).toMatchObject({
      title: '群众说事（受理诉求）',
      unit: '件',
      group: '群众诉求',
    });
  });

  it('leaves out place, month and the note, which are not counts', () => {
    const ids = COUNT_INDICATORS.map((i) => i.id);
    expect(ids).not.toContain('place');
    expect(ids).not.toContain('month');
    expect(ids).not.toContain('note');
  });

  it('lists every rate of rates.ts with its definition, and gives every indicator a unique URL slug', () => {
    expect(RATE_INDICATORS.map((r) => r.id)).toEqual(RATES.map((r) => r.id));
    expect(indicator('resolution-rate')).toMatchObject({
      id: 'resolutionRate',
      definition: '已办结诉求 ÷ 受理诉求 × 100%',
    });
    const slugs = INDICATORS.map((i) => i.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('marks grid workers and volunteers as end-of-month stocks and nothing else', () => {
    expect(COUNT_INDICATORS.filter((i) => i.stock).map((i) => i.id)).toEqual(['staff.gridWorkers', 'staff.volunteers']);
  });

  it('reads values from records, with a rate of nothing received as null', () => {
    const counts = emptyCounts();
    counts.hazards.found = 7;
    expect(countValue(indicator('hazards.found') as never, counts)).toBe(7);
    expect(indicatorValue(indicator('resolutionRate'), counts)).toBeNull();
  });

  it('names the known indicators when asked for an unknown one', () => {
    expect(() => indicator('demands.recieved')).toThrow(
      /unknown indicator "demands.recieved"; known: demands.received/,
    );
  });

  it('gives every indicator a short title for the key figures: the title unless a shorter name is set', () => {
    expect(indicator('resolutionRate')).toMatchObject({ title: '解题率（办结率）', shortTitle: '解题率' });
    expect(indicator('disputes.received')).toMatchObject({ title: '受理矛盾纠纷', shortTitle: '矛盾纠纷受理' });
    expect(indicator('satisfactionRate')).toMatchObject({ title: '满意率', shortTitle: '满意率' });
    for (const ind of INDICATORS) expect(ind.shortTitle, ind.id).not.toBe('');
  });

  it('lists the key figures from the catalogue, with its short titles and units', () => {
    for (const def of KEY_FIGURES.filter((d) => d.id !== 'gridEvents')) {
      expect(def, def.id).toMatchObject({ label: indicator(def.id).shortTitle, unit: indicator(def.id).unit });
    }
    expect(KEY_FIGURES.find((d) => d.id === 'gridEvents')).toMatchObject({ label: '网格事件', unit: '件' });
  });
});

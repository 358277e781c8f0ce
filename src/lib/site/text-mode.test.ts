import { describe, expect, it } from 'vitest';
import { APPLY_TEXT_MODE_SCRIPT, cspHash, TEXT_MODE_SCRIPT_HASHES, TOGGLE_TEXT_MODE_SCRIPT } from './text-mode.ts';

describe('the large-text mode scripts', () => {
  it('hash the way browsers check CSP hashes (sha256 of the exact text, base64)', () => {
    // Reference value from the CSP spec's example: `alert('Hello, world.');`
    expect(cspHash("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
  });

  it('allows exactly the two scripts the pages embed', () => {
    expect(TEXT_MODE_SCRIPT_HASHES).toEqual([cspHash(APPLY_TEXT_MODE_SCRIPT), cspHash(TOGGLE_TEXT_MODE_SCRIPT)]);
  });

  it('are valid JavaScript', () => {
    expect(() => new Function(APPLY_TEXT_MODE_SCRIPT)).not.toThrow();
    expect(() => new Function(TOGGLE_TEXT_MODE_SCRIPT)).not.toThrow();
  });
});

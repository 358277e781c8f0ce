import { describe, expect, it } from 'vitest';
import { formatStatute, formatStatutes } from './statute.ts';

describe('statute references', () => {
  it('prints law and article as 《民法典》第1032条', () => {
    expect(formatStatute({ law: '民法典', article: 1032 })).toBe('《民法典》第1032条');
  });

  it('prints only the title when there is no article', () => {
    expect(formatStatute({ law: '村民委员会组织法' })).toBe('《村民委员会组织法》');
  });

  it('never doubles the title marks an editor typed by mistake', () => {
    expect(formatStatute({ law: '《土地管理法》', article: 62 })).toBe('《土地管理法》第62条');
  });

  it('joins several references with 、', () => {
    expect(
      formatStatutes([
        { law: '民法典', article: 293 },
        { law: '土地管理法', article: 62 },
      ]),
    ).toBe('《民法典》第293条、《土地管理法》第62条');
  });
});

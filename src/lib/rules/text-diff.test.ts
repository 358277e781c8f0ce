import { describe, expect, it } from 'vitest';
import { diffCounts, paragraphDiff, paragraphs } from './text-diff.ts';

describe('paragraphs', () => {
  it('splits on blank lines, trims and drops empty blocks', () => {
    expect(paragraphs('一、总则\n\n\n第一条 爱党爱国。\r\n\r\n  第二条 遵纪守法。  \n')).toEqual([
      '一、总则',
      '第一条 爱党爱国。',
      '第二条 遵纪守法。',
    ]);
  });
});

describe('paragraphDiff', () => {
  it('marks added, removed and unchanged paragraphs in reading order', () => {
    const before = '第一条 爱党爱国。\n\n第二条 禁止燃放烟花。\n\n第三条 红白喜事从简。';
    const after = '第一条 爱党爱国。\n\n第二条 禁止在禁燃区燃放烟花。\n\n第三条 红白喜事从简。\n\n第四条 垃圾分类。';
    expect(paragraphDiff(before, after)).toEqual([
      { kind: 'same', text: '第一条 爱党爱国。' },
      { kind: 'removed', text: '第二条 禁止燃放烟花。' },
      { kind: 'added', text: '第二条 禁止在禁燃区燃放烟花。' },
      { kind: 'same', text: '第三条 红白喜事从简。' },
      { kind: 'added', text: '第四条 垃圾分类。' },
    ]);
  });

  it('ignores reflowed whitespace inside a paragraph', () => {
    const blocks = paragraphDiff('第一条  爱党\n爱国。', '第一条 爱党 爱国。');
    expect(blocks).toEqual([{ kind: 'same', text: '第一条 爱党 爱国。' }]);
  });

  it('counts the changes', () => {
    expect(diffCounts(paragraphDiff('甲\n\n乙', '甲\n\n丙\n\n丁'))).toEqual({ added: 2, removed: 1 });
    expect(diffCounts(paragraphDiff('', '甲'))).toEqual({ added: 1, removed: 0 });
  });
});

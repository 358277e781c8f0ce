import { describe, expect, it } from 'vitest';
import { entryIsPublic, isPublic } from './publishing.ts';

describe('what is public on a day', () => {
  it('a dated item from its publish day on, never as a draft', () => {
    expect(isPublic({ published: '2026-11-24' }, '2026-11-23')).toBe(false);
    expect(isPublic({ published: '2026-11-24' }, '2026-11-24')).toBe(true);
    expect(isPublic({ published: '2026-11-01', draft: true }, '2026-11-24')).toBe(false);
  });

  it('reads each dated collection’s own day field (minutes by their meeting date) from raw entry data', () => {
    expect(entryIsPublic('notices', { published: '2026-11-25' }, '2026-11-24')).toBe(false);
    expect(entryIsPublic('notices', { published: '2026-11-24' }, '2026-11-24')).toBe(true);
    expect(entryIsPublic('meetings', { date: '2026-11-20', published: '2026-12-01' }, '2026-11-24')).toBe(true);
    expect(entryIsPublic('rules', { published: '2026-01-01', draft: true }, '2026-11-24')).toBe(false);
  });

  it('keeps a dated entry without a readable day off the site, and undated collections always on it', () => {
    expect(entryIsPublic('legal', { title: '无日期' }, '2026-11-24')).toBe(false);
    expect(entryIsPublic('legal', undefined, '2026-11-24')).toBe(false);
    expect(entryIsPublic('places', { name: '桃源村' }, '2026-11-24')).toBe(true);
  });
});

/**
 * Drafts and scheduled items leave no trace in the built site — not in pages, lists, feeds, the sitemap, open data,
 * charts or the (decompressed) search index — and a scheduled item appears on its publish day in China, even
 * when the build runs on a UTC machine the evening before. Also: the build writes build-info.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutputText } from '../src/integrations/post-build-checks.ts';
import { sharedBuild } from './support/build.ts';
import { BEFORE_PUBLISH_DAY, HIDDEN_ITEMS, ON_PUBLISH_DAY } from './support/scenarios.ts';

/** Unique words and ids of the hidden items: none may appear anywhere in the output while they are hidden. */
const SCHEDULED = { id: '2026-12-03-qx7-weilai', word: '翠微定时公告甲' };
const DRAFT_NOTICE = { id: '2026-11-21-qx7-caogao', word: '青岚草稿公告乙' };
const DRAFT_LEGAL = { id: 'qx7-caogao-pufa', word: '紫陌草稿普法丙' };
const DRAFT_MEETING = { id: '2026-11-02-qx7-caogao', word: '玄霜草稿会议丁' };

/** Every output file's text (Pagefind files decompressed) that mentions one of `needles`, with the needle. */
function traces(outDir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(outDir, name);
    if (!statSync(file).isFile()) continue;
    const text = readOutputText(file);
    if (text === undefined) continue;
    for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle}`);
  }
  return found;
}

let beforeDir: string;
let onDayDir: string;

beforeAll(async () => {
  // The scenario's content is tests/fixtures/sites/hidden-items (the items above); tests/search-leak.test.ts
  // reads the same two builds (made once, by whichever file asks first).
  const [before, after] = await Promise.all([
    sharedBuild({ content: HIDDEN_ITEMS, today: BEFORE_PUBLISH_DAY }),
    sharedBuild({ content: HIDDEN_ITEMS, today: ON_PUBLISH_DAY }),
  ]);
  beforeDir = before.outDir;
  onDayDir = after.outDir;
}, 300_000);

const hidden = [SCHEDULED, DRAFT_NOTICE, DRAFT_LEGAL, DRAFT_MEETING].flatMap((item) => [item.word, item.id]);

describe('drafts and scheduled items', () => {
  it('leave no trace anywhere in the output before their publish day, search index included', () => {
    const files = readdirSync(beforeDir, { recursive: true, encoding: 'utf8' }).map(String);
    // The scan must have covered pages, feeds, the sitemap and the compressed search index.
    expect(files.some((f) => f.endsWith('sitemap.xml'))).toBe(true);
    expect(files.some((f) => f.endsWith('.xml') && f.includes('feed'))).toBe(true);
    expect(files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(traces(beforeDir, hidden)).toEqual([]);
  });

  it('publish a scheduled notice on its day in China when a UTC runner builds at 16:30 the evening before', () => {
    const found = traces(onDayDir, [SCHEDULED.word, SCHEDULED.id]);
    expect(found).toContain(`notices/${SCHEDULED.id}/index.html: ${SCHEDULED.word}`);
    expect(found.some((f) => f.endsWith(`.pf_fragment: ${SCHEDULED.word}`))).toBe(true);
    expect(found.some((f) => f.startsWith('sitemap') && f.endsWith(SCHEDULED.id))).toBe(true);
  });

  it('keep drafts out even after their dates have passed', () => {
    const drafts = [DRAFT_NOTICE, DRAFT_LEGAL, DRAFT_MEETING].flatMap((item) => [item.word, item.id]);
    expect(traces(onDayDir, drafts)).toEqual([]);
  });
});

describe('build-info.json', () => {
  it('records the build instant, the day in Asia/Shanghai, public counts and the checks that ran', () => {
    const info = JSON.parse(readFileSync(path.join(onDayDir, 'build-info.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({
      today: '2026-12-03',
      timeZone: 'Asia/Shanghai',
      buildDate: '2026-12-02T16:30:00Z',
      counts: { notices: 2, legal: 1, meetings: 1 },
      checks: { problems: 0 },
    });
    expect(Date.parse(String(info.builtAt))).not.toBeNaN();
    const checks = info.checks as { filesScanned: number; searchIndexFilesScanned: number; linksChecked: number };
    expect(checks.searchIndexFilesScanned).toBeGreaterThan(0);
    expect(checks.linksChecked).toBeGreaterThan(0);
  });
});

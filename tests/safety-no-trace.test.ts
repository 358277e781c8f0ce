/**
 * Drafts and scheduled items leave no trace in the built site — not in pages, lists, feeds, the sitemap, open data,
 * charts or the (decompressed) search index — and a scheduled item appears on its publish day in China, even
 * when the build runs on a UTC machine the evening before. Also: the build writes build-info.json.
 *
 * Issue 12 adds the other channels: the hidden notices' attachments (uploads/), a PUBLIC meeting whose decision
 * names the scheduled notice (its page, data/meetings.json and .csv, feeds, search), and the change history of a
 * public notice edited in the same commit that added the scheduled one (the content folder is a git repository
 * here, as in production). Ids count as traces too, in file names as well as in text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutputText } from '../src/integrations/post-build-checks.ts';
import { sharedBuild } from './support/build.ts';
import { BEFORE_PUBLISH_DAY, HIDDEN_ITEMS, ON_PUBLISH_DAY } from './support/scenarios.ts';

/** Unique words and ids of the hidden items (tests/fixtures/sites/hidden-items): none may appear while hidden. */
const SCHEDULED = { id: '2026-12-03-qx7-weilai', word: '翠微定时公告甲' };
const DRAFT_NOTICE = { id: '2026-11-21-qx7-caogao', word: '青岚草稿公告乙' };
const DRAFT_LEGAL = { id: 'qx7-caogao-pufa', word: '紫陌草稿普法丙' };
const DRAFT_MEETING = { id: '2026-11-02-qx7-caogao', word: '玄霜草稿会议丁' };
const PUBLIC_MEETING_ID = '2026-11-10-ludeng-daibiao';

/** Every output file's text (Pagefind files decompressed) that mentions one of `needles`, with the needle. */
function traces(outDir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(outDir, name);
    if (!statSync(file).isFile()) continue;
    for (const needle of needles) if (name.includes(needle)) found.push(`${name}: (file name) ${needle}`);
    const text = readOutputText(file);
    if (text === undefined) continue;
    for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle}`);
  }
  return found;
}

let beforeDir: string;
let onDayDir: string;

beforeAll(async () => {
  // The scenario's content is tests/fixtures/sites/hidden-items in a git repository (one commit per layer);
  // tests/search-leak.test.ts reads the same two builds (made once, by whichever file asks first).
  const [before, after] = await Promise.all([
    sharedBuild({ ...HIDDEN_ITEMS, today: BEFORE_PUBLISH_DAY }),
    sharedBuild({ ...HIDDEN_ITEMS, today: ON_PUBLISH_DAY }),
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

describe('every channel (issue 12)', () => {
  it('before the day: no attachment, no id in a public meeting or its open data, no hidden commit subject', () => {
    const files = readdirSync(beforeDir, { recursive: true, encoding: 'utf8' }).map(String);
    // The channels this covers were really built and scanned.
    expect(files).toContain(`meetings/${PUBLIC_MEETING_ID}/index.html`);
    expect(files).toEqual(expect.arrayContaining(['data/meetings.json', 'data/meetings.csv', 'data/notices.csv']));
    const history = readFileSync(path.join(beforeDir, 'notices/2026-11-20-caiwu-10yue/index.html'), 'utf8');
    // Newest first: the commit of this file alone by its subject; the commits of several files (the one that
    // also added the hidden items, and the first one) as plain 修改 and 新建.
    const items = [
      ...history.matchAll(/<li><time datetime="[\d-]+">[^<]+<\/time>\s*([^<]+?)\s*<span class="commit">/g),
    ];
    expect(items.map((m) => m[1])).toEqual(['补充十月财务经手人', '修改', '新建']);
    expect(files.filter((f) => f.startsWith('uploads/'))).toEqual([]);
    expect(traces(beforeDir, hidden)).toEqual([]);
  });

  it('on the day: the scheduled notice’s attachment and the meeting’s reference to it are published', () => {
    const files = readdirSync(onDayDir, { recursive: true, encoding: 'utf8' }).map(String);
    expect(files.filter((f) => f.startsWith('uploads/'))).toEqual([`uploads/${SCHEDULED.id}-fujian.csv`]);
    const meetings = JSON.parse(readFileSync(path.join(onDayDir, 'data/meetings.json'), 'utf8')) as {
      id: string;
      decisions: { notices: string[] }[];
    }[];
    expect(meetings.find((m) => m.id === PUBLIC_MEETING_ID)?.decisions[0]?.notices).toEqual([SCHEDULED.id]);
    expect(readFileSync(path.join(onDayDir, `meetings/${PUBLIC_MEETING_ID}/index.html`), 'utf8')).toContain(
      `/notices/${SCHEDULED.id}/`,
    );
  });
});

describe('build-info.json', () => {
  it('records the build instant, the day in Asia/Shanghai, public counts and the checks that ran', () => {
    const info = JSON.parse(readFileSync(path.join(onDayDir, 'build-info.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({
      today: '2026-12-03',
      timeZone: 'Asia/Shanghai',
      buildDate: '2026-12-02T16:30:00Z',
      counts: { notices: 2, legal: 1, meetings: 2 },
      checks: { problems: 0 },
    });
    expect(Date.parse(String(info.builtAt))).not.toBeNaN();
    const checks = info.checks as { filesScanned: number; searchIndexFilesScanned: number; linksChecked: number };
    expect(checks.searchIndexFilesScanned).toBeGreaterThan(0);
    expect(checks.linksChecked).toBeGreaterThan(0);
  });
});

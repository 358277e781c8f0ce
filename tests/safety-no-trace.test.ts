/**
 * Drafts and scheduled items leave no trace in the built site — not in pages, lists, feeds, the sitemap, open data,
 * charts or the (decompressed) search index — and a scheduled item appears on its publish day in China, even
 * when the build runs on a UTC machine the evening before. Also: the build writes build-info.json.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutputText } from '../src/integrations/post-build-checks.ts';
import { buildSite, OUTPUT_ROOT } from './support/build.ts';

/** Unique words and ids of the hidden items: none may appear anywhere in the output while they are hidden. */
const SCHEDULED = { id: '2026-12-03-qx7-weilai', word: '翠微定时公告甲' };
const DRAFT_NOTICE = { id: '2026-11-21-qx7-caogao', word: '青岚草稿公告乙' };
const DRAFT_LEGAL = { id: 'qx7-caogao-pufa', word: '紫陌草稿普法丙' };
const DRAFT_MEETING = { id: '2026-11-02-qx7-caogao', word: '玄霜草稿会议丁' };

function writeHiddenItems(dir: string) {
  const notice = (id: string, title: string, published: string, body: string, draft: boolean) =>
    writeFileSync(
      path.join(dir, 'notices', `${id}.md`),
      `---
title: ${title}
category: other
place: dongcun
published: ${published}
period:
  start: ${published}
  end: 2026-12-20
summary: ${title}摘要
keywords: [${title}]
contact:
  name: 李会计
  phone: 0999-86660002
draft: ${draft}
---

${body}
`,
    );
  notice(SCHEDULED.id, `${SCHEDULED.word}通知`, '2026-12-03', `定时发布的${SCHEDULED.word}正文。`, false);
  notice(DRAFT_NOTICE.id, `${DRAFT_NOTICE.word}通知`, '2026-11-21', `尚未定稿的${DRAFT_NOTICE.word}正文。`, true);
  writeFileSync(
    path.join(dir, 'legal', `${DRAFT_LEGAL.id}.md`),
    `---
title: ${DRAFT_LEGAL.word}标题
type: article
topic: family
published: 2026-11-01
keywords: [${DRAFT_LEGAL.word}]
draft: true
---

${DRAFT_LEGAL.word}的正文。
`,
  );
  writeFileSync(
    path.join(dir, 'meetings', `${DRAFT_MEETING.id}.md`),
    `---
title: ${DRAFT_MEETING.word}会议
body: two-committees
step: consult
date: 2026-11-02
place: dongcun
draft: true
attendance:
  expected: 5
  present: 5
agenda:
  - ${DRAFT_MEETING.word}议题
decisions:
  - title: ${DRAFT_MEETING.word}决定
    stage: consult
---

${DRAFT_MEETING.word}的记录。
`,
  );
}

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

let contentDir: string;
const beforeDir = path.join(OUTPUT_ROOT, 'safety-no-trace-before');
const onDayDir = path.join(OUTPUT_ROOT, 'safety-no-trace-onday');

beforeAll(async () => {
  contentDir = mkdtempSync(path.join(os.tmpdir(), 'gkl-no-trace-'));
  cpSync('tests/fixtures/valid-minimal', contentDir, { recursive: true });
  writeHiddenItems(contentDir);
  await buildSite({ contentDir, outDir: beforeDir, today: '2026-11-24' });
  // 16:30 UTC on 2 December is 00:30 on 3 December in China: the scheduled notice's publish day.
  await buildSite({ contentDir, outDir: onDayDir, today: '2026-12-02T16:30:00Z' });
}, 300_000);

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
});

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

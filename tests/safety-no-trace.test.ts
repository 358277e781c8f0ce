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
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
const PUBLIC_MEETING_ID = '2026-11-10-ludeng-daibiao';
const PUBLIC_NOTICE = 'notices/2026-11-20-caiwu-10yue.md';

function writeHiddenItems(dir: string) {
  const notice = (id: string, title: string, published: string, body: string, draft: boolean) => {
    // Each hidden notice has an attachment named after it, whose text carries its word.
    mkdirSync(path.join(dir, 'uploads'), { recursive: true });
    writeFileSync(path.join(dir, 'uploads', `${id}-fujian.csv`), `项目,说明\r\n${title},附件\r\n`);
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
attachments:
  - title: ${title}附件
    file: /uploads/${id}-fujian.csv
contact:
  name: 李会计
  phone: 0999-86660002
draft: ${draft}
---

${body}
`,
    );
  };
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
  // A PUBLIC meeting whose decision names the scheduled notice as the one that will announce it.
  writeFileSync(
    path.join(dir, 'meetings', `${PUBLIC_MEETING_ID}.md`),
    `---
title: 关于路灯改造的村民代表会议
body: representatives
step: resolve
date: 2026-11-10
place: dongcun
attendance:
  expected: 20
  present: 18
agenda:
  - 表决路灯改造方案
decisions:
  - title: 同意实施主干道路灯改造
    votes: { for: 17, against: 0, abstain: 1 }
    stage: announce-decision
    notices: [${SCHEDULED.id}]
---

会议表决通过路灯改造方案，决议将按期公告。
`,
  );
}

/** Make the content folder a git repository, as in production, whose history mixes public and hidden edits. */
function commitHistory(dir: string) {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=村务编辑', '-c', 'user.email=editor@example.org', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', '初始内容');
  // One commit (as a CMS `git add .` makes) edits the public notice and adds the hidden items, and is named
  // after the scheduled one: the public notice's 修改记录 must not quote it.
  appendFileSync(path.join(dir, PUBLIC_NOTICE), '\n更正：支出含路灯电费 300 元。\n');
  writeHiddenItems(dir);
  git('add', '.');
  git('commit', '-q', '-m', `发布${SCHEDULED.word}通知（${SCHEDULED.id}），更正十月财务`);
  // A commit of the public notice alone keeps its subject.
  appendFileSync(path.join(dir, PUBLIC_NOTICE), '\n经手人：李会计。\n');
  git('commit', '-q', '-am', '补充十月财务经手人');
}

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

let contentDir: string;
const beforeDir = path.join(OUTPUT_ROOT, 'safety-no-trace-before');
const onDayDir = path.join(OUTPUT_ROOT, 'safety-no-trace-onday');

beforeAll(async () => {
  contentDir = mkdtempSync(path.join(os.tmpdir(), 'gkl-no-trace-'));
  cpSync('tests/fixtures/valid-minimal', contentDir, { recursive: true });
  commitHistory(contentDir);
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

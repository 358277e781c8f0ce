/**
 * The exact words an editor sees for rules that had no test of their own: each rule once accepted and once
 * refused, on the valid fixture (tests/fixtures/valid-minimal) with one file edited. A refusal is asserted as
 * `npm run validate` prints it (file:line field（label）, 问题, 修改, through formatError) and, the same words, as
 * the CMS save check gives it (checkEntry against the context of the other files).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../schemas/index.ts';
import { parseContentFile, readContent, type RawEntry } from './content-files.ts';
import { checkContent, checkEntry, gateContext, parseContent } from './content-gate.ts';
import { formatError } from './friendly-errors.ts';

const FIXTURE = 'tests/fixtures/valid-minimal';
const TODAY = '2026-11-24';
const fixture = readContent(FIXTURE).entries;

/** A fixture file after `edit`, or a new file with `text` (read as the validator reads files on disk). */
function entryOf(collection: CollectionName, name: string, text: (original: string) => string): RawEntry {
  const file = `${FIXTURE}/${name}`;
  const original = fixture.find((e) => e.file === file);
  const id = name.replace(/^.*\//, '').replace(/\.(md|json)$/, '');
  const parsed = parseContentFile(collection, text(original === undefined ? '' : readFileSync(file, 'utf8')), file, id);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.entry;
}

const edit =
  (from: string, to: string) =>
  (text: string): string => {
    if (!text.includes(from)) throw new Error(`fixture text changed: no "${from}"`);
    return text.replace(from, to);
  };

/** What `npm run validate` reports for the fixture with `entry` in place of its file. */
function validate(entry: RawEntry): string[] {
  const entries = fixture.filter((e) => e.file !== entry.file);
  return checkContent([...entries, entry], TODAY).errors.map(formatError);
}

/** What the CMS reports when `entry` is saved, with the rest of the fixture as its context. */
function save(entry: RawEntry): string[] {
  const context = gateContext(parseContent(fixture.filter((e) => e.file !== entry.file)), TODAY);
  return checkEntry(entry, context).map(formatError);
}

/** Both paths, which must agree. */
function problems(entry: RawEntry): string[] {
  const reported = validate(entry);
  expect(save(entry)).toEqual(reported);
  return reported;
}

const NOTICE = 'notices/2026-11-20-caiwu-10yue.md';

describe('the words editors see for each content rule', () => {
  it('accepts the fixture as it is', () => {
    expect(checkContent(fixture, TODAY).errors).toEqual([]);
  });

  it('a notice reviewed after it was published (审核日期 later than 发布日期)', () => {
    // Reviewed on the day of publishing is fine: 先审核后发布 means not later.
    expect(problems(entryOf('notices', NOTICE, edit('  date: 2026-11-18', '  date: 2026-11-20')))).toEqual([]);
    expect(problems(entryOf('notices', NOTICE, edit('  date: 2026-11-18', '  date: 2026-11-21')))).toEqual([
      `${FIXTURE}/${NOTICE}:15 review.date（监督委员会审核 › 审核日期）\n` +
        '  问题：审核日期 2026-11-21 晚于发布日期 2026-11-20\n' +
        '  修改：先审核后发布：审核日期应不晚于发布日期',
    ]);
  });

  it('a notice whose 公示期 starts before it is published', () => {
    expect(problems(entryOf('notices', NOTICE, edit('start: 2026-11-20', 'start: 2026-11-21')))).toEqual([]);
    expect(problems(entryOf('notices', NOTICE, edit('start: 2026-11-20', 'start: 2026-11-19')))).toEqual([
      `${FIXTURE}/${NOTICE}:7 period.start（公示期 › 公示开始日期）\n` +
        '  问题：公示开始日期 2026-11-19 早于发布日期 2026-11-20\n' +
        '  修改：公示期从发布当天或之后开始：改开始日期，或把发布日期提前',
    ]);
  });

  it('a 普法 question-and-answer without its question', () => {
    const LEGAL = 'legal/xianglin-guanxi.md';
    const noQuestion = edit('question: 邻居加盖二层，挡住了我家的阳光，可以要求拆除吗？\n', '');
    // An article needs no question; the fixture's Q&A has one.
    expect(problems(entryOf('legal', LEGAL, (t) => noQuestion(t).replace('type: qa', 'type: article')))).toEqual([]);
    expect(problems(entryOf('legal', LEGAL, noQuestion))).toEqual([
      `${FIXTURE}/${LEGAL}:2 question（群众提问）\n` +
        '  问题：法律问答缺少“群众提问”\n' +
        '  修改：填写群众的原始提问，正文写回答',
    ]);
  });

  it('a matter marked 已完成 whose last progress milestone is below 100%', () => {
    // Checked on the matter alone: a finished matter also needs its whole procedure (meetings, result notice),
    // which the matter rules of src/lib/matters check against every document (src/lib/matters/matters.test.ts).
    const matter = (last: number) =>
      entryOf('matters', 'matters/dongcun-ludeng-2026.json', () =>
        JSON.stringify(
          {
            title: '东村主干道路灯改造',
            place: 'dongcun',
            procedure: 'four-two',
            status: 'done',
            steps: [{ step: 'propose', meeting: '2026-10-10-ludeng-tiyi' }],
            milestones: [
              { date: '2026-10-20', label: '开工', progress: 10 },
              { date: '2026-11-10', label: '验收合格', progress: last },
            ],
          },
          null,
          2,
        ),
      );
    const alone = (entry: RawEntry) => checkEntry(entry).map(formatError);
    expect(alone(matter(100))).toEqual([]);
    expect(alone(matter(90))).toEqual([
      `${FIXTURE}/matters/dongcun-ludeng-2026.json:5 status（状态）\n` +
        '  问题：状态为“已完成”，但最后一个进展节点的完成进度只有 90%\n' +
        '  修改：补一个完成进度为 100 的节点（如“验收合格”），或把状态改为“实施中”',
    ]);
  });

  it('a village without its parent place (only the 街道/乡镇 at the top has none)', () => {
    const VILLAGE = 'places/dongcun.json';
    const noParent = edit('"parent": "ceshi", ', '');
    expect(problems(entryOf('places', 'places/ceshi.json', (t) => t))).toEqual([]);
    const refused =
      `${FIXTURE}/${VILLAGE}:1 parent（上级）\n` + '  问题：缺少上级\n' + '  修改：填写所属村/社区或街道的编号';
    expect(save(entryOf('places', VILLAGE, noParent))).toEqual([refused]);
    // npm run validate says the same and nothing more: the notices, minutes, statistics and grids naming 东村 are not
    // reported as naming an unknown place (东村's file exists; its own error is the one to fix).
    expect(validate(entryOf('places', VILLAGE, noParent))).toEqual([refused]);
  });

  it('a meeting decision naming a notice that does not exist', () => {
    const MEETING = 'meetings/2026-10-10-ludeng-tiyi.md';
    const naming = (id: string) =>
      edit(
        '    votes: { for: 5, against: 0, abstain: 0 }',
        `    votes: { for: 5, against: 0, abstain: 0 }\n    notices: [${id}]`,
      );
    expect(problems(entryOf('meetings', MEETING, naming('2026-11-20-caiwu-10yue')))).toEqual([]);
    expect(problems(entryOf('meetings', MEETING, naming('2026-10-20-ludeng-fangan')))).toEqual([
      `${FIXTURE}/${MEETING}:14 decisions.0.notices.0（决定事项 › 相关公告）\n` +
        '  问题：找不到公告“2026-10-20-ludeng-fangan”\n' +
        '  修改：填写 content/notices 中公告的文件名（不含 .md）',
    ]);
  });

  it('a site whose root place is a village, not a 街道 or 乡镇', () => {
    const SITE = 'site.json';
    expect(problems(entryOf('site', SITE, (t) => t))).toEqual([]);
    expect(problems(entryOf('site', SITE, edit('"rootPlace": "ceshi"', '"rootPlace": "dongcun"')))).toEqual([
      `${FIXTURE}/${SITE}:4 rootPlace（本级街道/乡镇）\n` +
        '  问题：“东村”是村，不是街道或乡镇\n' +
        '  修改：填写最上级（街道或乡镇）的编号',
    ]);
  });
});

/**
 * Matter rules on real fixture files (tests/fixtures/invalid-matters: one planted fault per rule), through the
 * same validateContentDir that npm run validate and the build call; the exact Chinese wording is in
 * tests/fixtures/invalid-matters.expected*.txt. Pure helpers are tested on small inputs below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_IDS, procedureSteps } from '../../schemas/matter.ts';
import { formatError } from '../content/friendly-errors.ts';
import { decisionNoticeDelay, type ResolvedStep } from './matters.ts';
import { validateContentDir } from '../content/validate-content.ts';

const FIXTURE = 'tests/fixtures/invalid-matters';
const TODAY = '2026-11-24';

describe('matter rules on the invalid-matters fixture', () => {
  it('reports each planted fault with file, field, Chinese label and fix, in the exact words', async () => {
    const { errors } = await validateContentDir(FIXTURE, TODAY);
    const expected = readFileSync(`${FIXTURE}.expected.txt`, 'utf8');
    const printed = `${errors.map((e) => `${formatError(e)}\n`).join('\n')}\n`;
    expect(expected.startsWith(printed)).toBe(true);
    expect(errors).toHaveLength(13);
  });

  it('warns (without failing) about a late 决议公开 with the count of days, using site.json decisionNoticeDays', async () => {
    const { warnings } = await validateContentDir(FIXTURE, TODAY);
    const expected = readFileSync(`${FIXTURE}.expected-warnings.txt`, 'utf8');
    for (const w of warnings) expect(expected).toContain(`提醒：${formatError(w)}`);
    expect(warnings.map((w) => w.message)).toEqual([
      '决议公开晚了 7 天：决议于 2026-10-01 作出，公告 2026-10-11 才发布（应在 3 天内）',
      '决议于 2026-10-20 作出，已过 35 天仍没有“分流落实”公告（应在 3 天内）',
      '会议日期 2026-11-10 已过，仍是“即将召开”，网站上已不再显示',
    ]);
  });

  it('names the rule behind each error: order, body, quorum, vote, result notice, kind, 决算, references', async () => {
    const { errors } = await validateContentDir(FIXTURE, TODAY);
    const at = (file: string, field: string) => errors.find((e) => e.file.endsWith(file) && e.field === field)?.message;
    expect(at('dongcun-daolu-2026.json', 'steps.2.step')).toBe(
      '环节““两委”商议”排在“党员大会审议”之后，不合四议两公开的顺序',
    );
    expect(at('dongcun-daolu-2026.json', 'steps.3.meeting')).toBe(
      '党支部委员会会议“东村党支部会议（道路决定）”不能作为“村民（代表）会议决议”环节',
    );
    expect(at('dongcun-ludeng-2026.json', 'steps.0.meeting')).toBe(
      '决议会议“东村村民代表会议（路灯决议）”实到 15 人，不足法定的 20 人（应到 30 人），不能作出决议',
    );
    expect(at('dongcun-ludeng-2026.json', 'status')).toBe('状态为“已完成”，但没有“实施结果公开”公告');
    expect(at('dongcun-shuiqu-2026.json', 'steps.0.meeting')).toBe(
      '决定“同意东村水渠修缮筹资方案”赞成 10 票，未达到通过所需的 13 票',
    );
    expect(at('dongcun-shuiqu-2026.json', 'steps.1.meeting')).toBe(
      '“筹资方案公示”是公开环节，应关联公告，不是会议纪要',
    );
    expect(at('dongcun-qiaoliang-2026.json', 'actual.note')).toBe('决算 56000 元超出预算 50000 元，但没有说明');
    expect(at('dongcun-tingche-2026.json', 'steps.0.step')).toBe('“review”不是五步议事的环节');
    expect(at('2026-11-02-zaxiang.md', 'decisions.1.matter')).toBe('事项“东村路灯改造”的议事环节中没有这份会议纪要');
    expect(at('2026-11-30-wuding-yugao.md', 'attend')).toBe('会议预告没有说明群众能否列席或旁听');
    expect(at('2026-11-12-tingche-zhengqiu.md', 'consultation.received')).toBe(
      '采纳 1 条、未采纳 1 条，多于收到的 1 条',
    );
  });

  it('accepts the demo content: every matter passes, and the late 决议公开 are warnings', async () => {
    // The demo's meeting announcements are dated after this day, so none of them is reported as past.
    const { errors, warnings, counts } = await validateContentDir('content', TODAY);
    expect(errors).toEqual([]);
    expect(counts.matters).toBeGreaterThanOrEqual(6);
    // The demo's registers warn too (contracts about to expire, 逾期未付): only the matters' warnings are read here.
    const matterWarnings = warnings.filter((w) => w.file.includes('/matters/'));
    expect(matterWarnings.length).toBeGreaterThanOrEqual(1);
    expect(matterWarnings.every((w) => /晚了 \d+ 天/.test(w.message))).toBe(true);
  });
});

describe('procedures', () => {
  it('五步议事 has its own five steps and 四议两公开 its six, in order', () => {
    expect(procedureSteps('five-step').map((s) => s.label)).toEqual([
      '收集问题',
      '确定议题',
      '协商议事',
      '分流落实',
      '监督评审',
    ]);
    expect(procedureSteps('four-two')).toHaveLength(6);
  });

  it('every procedure has exactly one deciding step, one decision notice and one result notice', () => {
    for (const id of PROCEDURE_IDS) {
      for (const role of ['decision', 'decision-notice', 'result-notice']) {
        expect(procedureSteps(id).filter((s) => s.role === role)).toHaveLength(1);
      }
    }
  });
});

describe('decisionNoticeDelay', () => {
  const decision = procedureSteps('four-two').find((s) => s.role === 'decision');
  const notice = procedureSteps('four-two').find((s) => s.role === 'decision-notice');
  const steps = (noticeDate?: string): ResolvedStep[] => [
    { index: 0, def: decision, date: '2026-10-01' },
    ...(noticeDate ? [{ index: 1, def: notice, date: noticeDate }] : []),
  ];

  it('is on time on the last allowed day and late the day after', () => {
    expect(decisionNoticeDelay(steps('2026-10-06'), TODAY, 5)?.late).toBe(false);
    expect(decisionNoticeDelay(steps('2026-10-07'), TODAY, 5)).toMatchObject({ late: true, days: 6 });
  });

  it('counts the days up to today when there is no notice yet, and nothing before a decision', () => {
    expect(decisionNoticeDelay(steps(), '2026-10-03', 5)).toMatchObject({ late: false, days: 2 });
    expect(decisionNoticeDelay([], TODAY, 5)).toBeUndefined();
  });
});

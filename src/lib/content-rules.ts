/**
 * Rules that span several files: references between entries, uniqueness, and dates relative to the build day.
 * Pure: takes parsed entries, returns errors. Single-file rules live in the schemas.
 */
import type { Legal } from '../schemas/legal.ts';
import type { Matter } from '../schemas/matter.ts';
import type { Meeting } from '../schemas/meeting.ts';
import type { Notice } from '../schemas/notice.ts';
import { PARENT_LEVELS, PLACE_LEVEL_LABELS, type Place } from '../schemas/place.ts';
import type { Site } from '../schemas/site.ts';
import type { Stats } from '../schemas/stats.ts';
import { monthOf } from './dates.ts';
import type { ContentError } from './friendly-errors.ts';
import { DEFAULT_DECISION_NOTICE_DAYS, matterProblems } from './matters.ts';

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  body?: string;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export interface Content {
  site: Entry<Site> | undefined;
  places: Entry<Place>[];
  notices: Entry<Notice>[];
  meetings: Entry<Meeting>[];
  matters: Entry<Matter>[];
  stats: Entry<Stats>[];
  legal: Entry<Legal>[];
}

function error(entry: Entry<unknown>, path: PropertyKey[], label: string, message: string, fix: string): ContentError {
  const e: ContentError = { file: entry.file, field: path.map(String).join('.'), label, message, fix };
  const line = entry.lineOf?.(path);
  if (line !== undefined) e.line = line;
  return e;
}

/** All cross-file errors for `content` built on `today` (YYYY-MM-DD, Asia/Shanghai). */
export function crossFileErrors(content: Content, today: string): ContentError[] {
  const errors: ContentError[] = [];
  const places = new Map(content.places.map((p) => [p.id, p]));
  const placeHint = () => {
    const ids = content.places.filter((p) => p.data.level !== 'grid').map((p) => `${p.id}（${p.data.name}）`);
    return `改为已有的编号：${ids.slice(0, 12).join('、')}${ids.length > 12 ? ' 等' : ''}`;
  };

  if (content.site !== undefined) {
    const root = places.get(content.site.data.rootPlace);
    if (root === undefined) {
      errors.push(
        error(content.site, ['rootPlace'], '本级街道/乡镇', `找不到地点“${content.site.data.rootPlace}”`, placeHint()),
      );
    } else if (root.data.level !== 'street' && root.data.level !== 'township') {
      errors.push(
        error(
          content.site,
          ['rootPlace'],
          '本级街道/乡镇',
          `“${root.data.name}”是${PLACE_LEVEL_LABELS[root.data.level]}，不是街道或乡镇`,
          '填写最上级（街道或乡镇）的编号',
        ),
      );
    }
  }

  for (const place of content.places) {
    const parentId = place.data.parent;
    if (parentId === undefined) continue;
    const parent = places.get(parentId);
    if (parent === undefined) {
      errors.push(error(place, ['parent'], '上级', `找不到上级地点“${parentId}”`, placeHint()));
      continue;
    }
    const allowed = PARENT_LEVELS[place.data.level];
    if (!allowed.includes(parent.data.level)) {
      errors.push(
        error(
          place,
          ['parent'],
          '上级',
          `${PLACE_LEVEL_LABELS[place.data.level]}不能直接隶属于${PLACE_LEVEL_LABELS[parent.data.level]}“${parent.data.name}”`,
          `上级应为：${allowed.map((l) => PLACE_LEVEL_LABELS[l]).join('或')}`,
        ),
      );
    }
  }

  const checkPlace = (entry: Entry<{ place: string }>, label: string) => {
    if (!places.has(entry.data.place)) {
      errors.push(error(entry, ['place'], label, `找不到地点“${entry.data.place}”`, placeHint()));
    }
  };
  content.notices.forEach((n) => checkPlace(n, '发布单位'));
  content.meetings.forEach((m) => checkPlace(m, '村/社区'));
  content.stats.forEach((s) => checkPlace(s, '村/社区'));
  content.matters.forEach((m) => checkPlace(m, '村/社区'));
  errors.push(...mattersOf(content, today).errors);

  const noticeIds = new Set(content.notices.map((n) => n.id));
  for (const meeting of content.meetings) {
    meeting.data.decisions.forEach((decision, i) => {
      decision.notices.forEach((id, j) => {
        if (!noticeIds.has(id)) {
          errors.push(
            error(
              meeting,
              ['decisions', i, 'notices', j],
              '决定事项 › 相关公告',
              `找不到公告“${id}”`,
              '填写 content/notices 中公告的文件名（不含 .md）',
            ),
          );
        }
      });
    });
  }

  const thisMonth = monthOf(today);
  const seen = new Map<string, Entry<Stats>>();
  for (const record of content.stats) {
    const { place, month } = record.data;
    const key = `${place}-${month}`;
    if (record.id !== key) {
      errors.push(
        error(
          record,
          ['month'],
          '月份',
          `文件名“${record.id}”与地点、月份不一致`,
          `把文件改名为 ${key}.json，或改正文件中的地点和月份`,
        ),
      );
    }
    if (month > thisMonth) {
      errors.push(
        error(
          record,
          ['month'],
          '月份',
          `${month} 还没到（今天是 ${today}）`,
          '统计只能填报已经开始的月份：检查年份和月份',
        ),
      );
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(
        error(
          record,
          ['month'],
          '月份',
          `${place} 在 ${month} 已有一份统计（${earlier.file}）`,
          '每个地点每月只保留一份统计：合并两份文件的数字，删除其中一份',
        ),
      );
    } else {
      seen.set(key, record);
    }
  }
  return errors;
}

function mattersOf(content: Content, today: string) {
  const days = content.site?.data.decisionNoticeDays ?? DEFAULT_DECISION_NOTICE_DAYS;
  return matterProblems(content.matters, content.meetings, content.notices, today, days);
}

/** Cross-file problems that are printed but do not stop the build (a 决议公开 published late). */
export function crossFileWarnings(content: Content, today: string): ContentError[] {
  const late = content.meetings
    .filter((m) => m.data.status === 'scheduled' && !m.data.draft && m.data.date < today)
    .map((m) =>
      error(
        m,
        ['status'],
        '会议状态',
        `会议日期 ${m.data.date} 已过，仍是“即将召开”，网站上已不再显示`,
        '会后把“会议状态”改为“已召开”，补填出席情况和决定事项；会议改期的，改正会议日期',
      ),
    );
  return [...mattersOf(content, today).warnings, ...late];
}

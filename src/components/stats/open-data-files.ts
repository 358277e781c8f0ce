/**
 * The files under /data/: their contents (from the public content) and their Data Package resources. The
 * endpoints in src/pages/data/ and the catalogue page /data/ both read this list, so the catalogue describes
 * exactly the files that exist.
 */
import { getMeetings, getNotices, getPlaces, getSite, getStats } from '../../data/content.ts';
import { matterResources } from './matters-data.ts';
import { TODAY } from '../../build-info.ts';
import { toCsv } from '../../lib/csv.ts';
import {
  csvResource,
  dataPackage,
  flatFields,
  flatTable,
  jsonResource,
  statsLongCsv,
  STATS_LONG_FIELDS,
  type DataResource,
  type TableField,
} from '../../lib/open-data.ts';
import { periodsOf } from '../../lib/periods.ts';
import { meetingSchema, noticeSchema, statsSchema } from '../../schemas/index.ts';

const ID_FIELD: TableField = {
  name: 'id',
  type: 'string',
  title: '编号',
  description: '文件名（不含扩展名），也是网页地址的一部分',
  constraints: { required: true },
};

export async function statsRecords() {
  return (await getStats()).map((s) => s.data);
}

export async function placeNames(): Promise<Map<string, string>> {
  return new Map((await getPlaces()).map((p) => [p.id, p.data.name]));
}

export async function statsYears(): Promise<string[]> {
  return periodsOf(
    (await statsRecords()).map((r) => r.month),
    'year',
  );
}

export async function statsCsv(year?: string): Promise<string> {
  const records = (await statsRecords()).filter((r) => year === undefined || r.month.startsWith(year));
  return statsLongCsv(records, await placeNames());
}

export async function statsRecordsCsv(): Promise<string> {
  const stats = await getStats();
  return flatTable(statsSchema, stats, ID_FIELD).csv;
}

export async function noticesTable() {
  // The body is the notice itself (on its page); drafts and scheduled notices are already filtered out.
  return flatTable(noticeSchema, await getNotices(), ID_FIELD, ['draft']);
}

export async function meetingsTable() {
  return flatTable(meetingSchema, await getMeetings(), ID_FIELD, ['draft']);
}

export function fieldsCsv(fields: readonly TableField[]): string {
  return toCsv(
    ['name', 'type', 'title', 'unit', 'description'],
    fields.map((f) => [f.name, f.type, f.title, f.unit ?? '', f.description ?? '']),
  );
}

/** Every resource of the data package, in catalogue order. */
export async function resources(): Promise<DataResource[]> {
  const years = await statsYears();
  const statsFields = [ID_FIELD, ...flatFields(statsSchema).map((f) => f.field)];
  const noticeFields = [ID_FIELD, ...flatFields(noticeSchema, ['draft']).map((f) => f.field)];
  const meetingFields = [ID_FIELD, ...flatFields(meetingSchema, ['draft']).map((f) => f.field)];
  const key = ['place', 'month', 'indicator'];
  return [
    csvResource(
      'stats',
      'stats.csv',
      '治理统计（长表）',
      '每个地点、每个月、每项指标一行。只含填报的原始数字，不含汇总，避免重复计算；比率由计数算出。',
      STATS_LONG_FIELDS,
      key,
    ),
    ...years.map((year) =>
      csvResource(
        `stats-${year}`,
        `stats-${year}.csv`,
        `治理统计（长表）${year}年`,
        `stats.csv 中 ${year} 年的部分。`,
        STATS_LONG_FIELDS,
        key,
      ),
    ),
    csvResource(
      'stats-records',
      'stats-records.csv',
      '治理统计（宽表）',
      '每份月度统计一行，列与统计表单的字段一一对应。',
      statsFields,
      ['id'],
    ),
    jsonResource('stats-json', 'stats.json', '治理统计（JSON）', '全部月度统计记录，字段同统计表单。'),
    csvResource(
      'notices',
      'notices.csv',
      '村务公开目录',
      '已发布公告的属性（标题、类别、公示期、审核等），不含正文。',
      noticeFields,
      ['id'],
    ),
    jsonResource('notices-json', 'notices.json', '村务公开目录（JSON）', '同 notices.csv。'),
    csvResource(
      'meetings',
      'meetings.csv',
      '议事纪要目录',
      '已发布议事纪要的属性（会议类型、出席、决定事项等），不含正文。',
      meetingFields,
      ['id'],
    ),
    jsonResource('meetings-json', 'meetings.json', '议事纪要目录（JSON）', '同 meetings.csv。'),
    ...matterResources(ID_FIELD),
  ];
}

export async function descriptor() {
  const site = await getSite();
  return dataPackage({
    title: `${site.name}开放数据`,
    description: site.description,
    homepage: new URL('/data/', site.siteUrl).href,
    created: `${TODAY}T00:00:00+08:00`,
    resources: await resources(),
  });
}

/**
 * The files under /data/: their contents (from the public content) and their Data Package resources. The
 * endpoints in src/pages/data/ and the catalogue page /data/ both read this list, so the catalogue describes
 * exactly the files that exist.
 */
import path from 'node:path';
import { routes } from '~/lib/site/routes.ts';
import { getMeetings, getNotices, getPlaces, getSite, getStats } from '~/data/content.ts';
import { getChangeHistory } from '~/data/history.ts';
import { contentDir } from '~/lib/content/content-files.ts';
import { parseCsv } from '~/lib/open-data/csv.ts';
import { matterResources, mattersJson, mattersTable } from './matters.ts';
import { ruleResources, rulesTable, serviceItemsCsv } from '~/data/open-data/rules.ts';
import { TODAY } from '~/build-info.ts';
import {
  balancesCsv,
  financeLedgers,
  financeResources,
  ledgerCsv,
  registerCsv,
  registerResources,
} from '~/data/open-data/finance.ts';
import { toCsv } from '~/lib/open-data/csv.ts';
import {
  csvResource,
  dataPackage,
  flatFields,
  flatTable,
  labelledFields,
  jsonResource,
  statsLongCsv,
  STATS_LONG_FIELDS,
  type DataResource,
  type TableField,
} from '~/lib/open-data/open-data.ts';
import { periodsOf } from '~/lib/stats/periods.ts';
import { INDICATORS } from '~/lib/stats/indicators.ts';
import { loadStats } from '~/data/stats.ts';
import { meetingSchema, noticeSchema, statsSchema } from '~/schemas/index.ts';
import { PLACE_LEVEL_LABELS } from '~/schemas/place.ts';

/** Columns left out of the wide tables because they are lists: each has a table of its own. */
const STATS_WIDE_EXCLUDE = ['closedLoop.units'];
const MEETINGS_EXCLUDE = ['draft', 'decisions'];

const ID_FIELD: TableField = {
  name: 'id',
  type: 'string',
  title: '编号',
  description: '文件名（不含扩展名），也是网页地址的一部分',
  constraints: { required: true },
};

/** A table field, briefly. */
const f = (name: string, title: string, type: TableField['type'] = 'string', extra: Partial<TableField> = {}) =>
  ({ name, title, type, ...extra }) as TableField;

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

const REVISED_FIELD: TableField = {
  name: 'revised',
  type: 'date',
  title: '最近修订日期',
  description: '发布后数字被修改过的最近一天（只补充原来未填的内容不算）；空 = 未修订。修订内容见 stats-revisions.csv',
};

/** Day of a record's latest revision (a changed or removed value), or '' when it was never corrected. */
async function revisedDay(id: string): Promise<string> {
  const revisions = (await loadStats()).revisions.get(id) ?? [];
  return revisions.filter((r) => r.revised.length > 0).at(-1)?.date ?? '';
}

export async function statsRecordsCsv(): Promise<string> {
  const stats = await getStats();
  const revised = new Map(await Promise.all(stats.map(async (s) => [s.id, await revisedDay(s.id)] as const)));
  return flatTable(statsSchema, stats, ID_FIELD, STATS_WIDE_EXCLUDE, [
    { field: REVISED_FIELD, value: (id) => revised.get(id) ?? '' },
  ]).csv;
}

const REVISIONS_FIELDS: TableField[] = [
  f('place', '村/社区编号', 'string', { constraints: { required: true } }),
  f('place_name', '村/社区'),
  f('month', '月份', 'yearmonth', { constraints: { required: true } }),
  f('date', '修改日期', 'date', { constraints: { required: true } }),
  f('commit', '版本记录号'),
  f('kind', '类型', 'string', { description: 'revised = 修订（原数字被改或删除）；added = 补充（原来未填）' }),
  f('kind_label', '类型（中文）'),
  f('field', '字段编号', 'string', { constraints: { required: true } }),
  f('field_title', '字段名称'),
  f('old', '原值'),
  f('new', '新值'),
];

/** stats-revisions.csv: every change to a published statistics record, from git. */
async function revisionsCsv(): Promise<string> {
  const data = await loadStats();
  const names = await placeNames();
  // The short indicator title where there is one (干部解题（已办结）), else the schema's full title.
  const titles = new Map([
    ...flatFields(statsSchema).map((x) => [x.field.name, x.field.title] as const),
    ...INDICATORS.map((i) => [i.id, i.title] as const),
  ]);
  const rows = (await statsRecords()).flatMap((r) =>
    (data.revisions.get(`${r.place}-${r.month}`) ?? []).flatMap((rev) =>
      (
        [
          ...rev.revised.map((c) => ['revised', '修订', c] as const),
          ...rev.added.map((c) => ['added', '补充', c] as const),
        ] as const
      ).map(([kind, label, c]) => [
        r.place,
        names.get(r.place) ?? '',
        r.month,
        rev.date,
        rev.commit,
        kind,
        label,
        c.field,
        titles.get(c.field) ?? '',
        c.before ?? '',
        c.after ?? '',
      ]),
    ),
  );
  return toCsv(
    REVISIONS_FIELDS.map((x) => x.name),
    rows,
  );
}

export async function noticesTable() {
  // The body is the notice itself (on its page); drafts and scheduled notices are already filtered out.
  return flatTable(noticeSchema, await getNotices(), ID_FIELD, ['draft']);
}

export async function meetingsTable() {
  return flatTable(meetingSchema, await getMeetings(), ID_FIELD, MEETINGS_EXCLUDE);
}

const PLACES_FIELDS: TableField[] = [
  f('id', '编号', 'string', { constraints: { required: true } }),
  f('name', '名称'),
  f('level', '层级', 'string', { constraints: { enum: Object.keys(PLACE_LEVEL_LABELS) } }),
  f('level_label', '层级（中文）'),
  f('parent', '上级编号'),
  f('parent_name', '上级名称'),
  f('households', '户数', 'integer', { unit: '户' }),
  f('population', '人口', 'integer', { unit: '人' }),
  f('population_year', '户数人口统计年份', 'integer'),
];

/** places.csv: every place with its level, parent and the population and households used for per-capita figures. */
async function placesCsv(): Promise<string> {
  const places = await getPlaces();
  const names = new Map(places.map((p) => [p.id, p.data.name]));
  return toCsv(
    PLACES_FIELDS.map((x) => x.name),
    places.map((p) => [
      p.id,
      p.data.name,
      p.data.level,
      PLACE_LEVEL_LABELS[p.data.level],
      p.data.parent ?? '',
      p.data.parent === undefined ? '' : (names.get(p.data.parent) ?? ''),
      p.data.households ?? '',
      p.data.population ?? '',
      p.data.populationYear ?? '',
    ]),
  );
}

const DECISIONS_FIELDS: TableField[] = [
  f('meeting', '会议编号', 'string', { constraints: { required: true } }),
  f('meeting_date', '会议日期', 'date'),
  f('place', '村/社区编号'),
  f('place_name', '村/社区'),
  f('number', '序号', 'integer', { constraints: { required: true } }),
  f('title', '决定事项'),
  f('votes_for', '赞成', 'integer', { unit: '票' }),
  f('votes_against', '反对', 'integer', { unit: '票' }),
  f('votes_abstain', '弃权', 'integer', { unit: '票' }),
  f('matter', '所属事项', 'string', { description: '事项编号（matters.csv），进展和结果在事项中' }),
  f('notices', '相关公告', 'string', { description: '公告编号，多个用“；”分隔' }),
];

/** decisions.csv: one row per decision of every published meeting (was a JSON cell in meetings.csv). */
async function decisionsCsv(): Promise<string> {
  const names = await placeNames();
  return toCsv(
    DECISIONS_FIELDS.map((x) => x.name),
    (await getMeetings()).flatMap((m) =>
      m.data.decisions.map((d, i) => [
        m.id,
        m.data.date,
        m.data.place,
        names.get(m.data.place) ?? '',
        i + 1,
        d.title,
        d.votes?.for ?? '',
        d.votes?.against ?? '',
        d.votes?.abstain ?? '',
        d.matter ?? '',
        d.notices.join('；'),
      ]),
    ),
  );
}

const UNITS_FIELDS: TableField[] = [
  f('place', '村/社区编号', 'string', { constraints: { required: true } }),
  f('place_name', '村/社区'),
  f('month', '月份', 'yearmonth', { constraints: { required: true } }),
  f('unit', '承办单位', 'string', { constraints: { required: true } }),
  f('assigned', '交办', 'integer', { unit: '件' }),
  f('on_time', '按时办结', 'integer', { unit: '件' }),
  f('late', '超时办结', 'integer', { unit: '件' }),
  f('open', '未办结', 'integer', { unit: '件' }),
  f('dissatisfied', '不满意', 'integer', { unit: '件' }),
];

/** closed-loop-units.csv: the per-unit table of every record that has one (交办/按时/超时/未办结/不满意). */
async function unitsCsv(): Promise<string> {
  const names = await placeNames();
  return toCsv(
    UNITS_FIELDS.map((x) => x.name),
    (await statsRecords()).flatMap((r) =>
      (r.closedLoop?.units ?? []).map((u) => [
        r.place,
        names.get(r.place) ?? '',
        r.month,
        u.unit,
        u.assigned,
        u.onTime,
        u.late,
        u.open,
        u.dissatisfied,
      ]),
    ),
  );
}

/** Every resource of the data package, in catalogue order. */
export async function resources(): Promise<DataResource[]> {
  const years = await statsYears();
  const statsFields = [ID_FIELD, ...labelledFields(statsSchema, STATS_WIDE_EXCLUDE).map((x) => x.field), REVISED_FIELD];
  const noticeFields = [ID_FIELD, ...labelledFields(noticeSchema, ['draft']).map((x) => x.field)];
  const meetingFields = [ID_FIELD, ...labelledFields(meetingSchema, MEETINGS_EXCLUDE).map((x) => x.field)];
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
      'stats-revisions',
      'stats-revisions.csv',
      '治理统计修订记录',
      '发布后每一处修改一行：日期、字段、原值、新值（来自版本库）。修订 = 原数字被改或删除；补充 = 原来未填。',
      REVISIONS_FIELDS,
    ),
    csvResource(
      'closed-loop-units',
      'closed-loop-units.csv',
      '诉求办理：各承办单位（12345 通报格式）',
      '每个村社区、每个月、每个承办单位一行：交办、按时办结、超时办结、未办结、不满意。比率由件数计算。',
      UNITS_FIELDS,
      ['place', 'month', 'unit'],
    ),
    csvResource(
      'places',
      'places.csv',
      '地点（街道、村社区、网格）',
      '每个地点一行：层级、上级、户数、人口及其统计年份（按人口折算的对比用这些数字）。',
      PLACES_FIELDS,
      ['id'],
    ),
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
    csvResource(
      'decisions',
      'decisions.csv',
      '议事决定事项',
      '每项决定一行：所属会议、表决票数、所属事项、相关公告（进度和结果见 matters.csv）。',
      DECISIONS_FIELDS,
      ['meeting', 'number'],
    ),
    // Finance ledgers (src/data/open-data/finance.ts).
    ...(await financeResources()),
    ...(await registerResources()),
    ...matterResources(ID_FIELD),
    ...(await ruleResources(ID_FIELD)),
  ];
}

/** The text of a published file, by its path under /data/ (the endpoints serve exactly this). */
export async function fileText(file: string): Promise<string> {
  const year = /^stats-(\d{4})\.csv$/.exec(file)?.[1];
  if (year !== undefined) return statsCsv(year);
  switch (file) {
    case 'stats.csv':
      return statsCsv();
    case 'stats-records.csv':
      return statsRecordsCsv();
    case 'stats.json':
      return JSON.stringify(await statsRecords(), null, 1);
    case 'stats-revisions.csv':
      return revisionsCsv();
    case 'closed-loop-units.csv':
      return unitsCsv();
    case 'places.csv':
      return placesCsv();
    case 'notices.csv':
      return (await noticesTable()).csv;
    case 'notices.json':
      return JSON.stringify(
        (await getNotices()).map((n) => ({ id: n.id, ...n.data })),
        null,
        1,
      );
    case 'meetings.csv':
      return (await meetingsTable()).csv;
    case 'meetings.json':
      return JSON.stringify(
        (await getMeetings()).map((m) => ({ id: m.id, ...m.data })),
        null,
        1,
      );
    case 'decisions.csv':
      return decisionsCsv();
    case 'matters.csv':
      return (await mattersTable()).csv;
    case 'matters.json':
      return mattersJson();
    case 'rules.csv':
      return (await rulesTable(ID_FIELD)).csv;
    case 'service-items.csv':
      return serviceItemsCsv();
    case 'finance-ledger.csv':
      return ledgerCsv();
    case 'finance-ledger.json':
      return JSON.stringify(await financeLedgers(), null, 1);
    case 'finance-balances.csv':
      return balancesCsv();
    case 'contracts.csv':
    case 'assets.csv':
    case 'resources.csv':
      return registerCsv(file);
    default:
      throw new Error(`no open-data file ${file}`);
  }
}

/** The content folder a file is made from, for its "last changed" day. */
const SOURCE_FOLDER: Record<string, string> = {
  notices: 'notices',
  meetings: 'meetings',
  decisions: 'meetings',
  places: 'places',
  matters: 'matters',
  rules: 'rules',
  'service-items': 'rules',
  'finance-ledger': 'finance',
  'finance-balances': 'finance',
  contracts: 'registers',
  assets: 'registers',
  resources: 'registers',
};

export interface FileFacts {
  bytes: number;
  /** Data rows (CSV without its header; JSON: array length). */
  rows: number;
  /** Day of the last committed change to the content the file is made from. */
  updated: string | undefined;
}

/** Size, rows and last change of each published file, for the /data/ catalogue. */
export async function fileFacts(file: DataResource): Promise<FileFacts> {
  const text = await fileText(file.path);
  const rows = file.format === 'csv' ? parseCsv(text).length - 1 : (JSON.parse(text) as unknown[]).length;
  const folder = SOURCE_FOLDER[file.name.replace(/-json$/, '')] ?? 'stats';
  const history = await getChangeHistory();
  return {
    bytes: Buffer.byteLength(text, 'utf8'),
    rows,
    updated: history.lastChangeUnder(path.join(contentDir(), folder)),
  };
}

export async function descriptor() {
  const site = await getSite();
  return dataPackage({
    title: `${site.name}开放数据`,
    description: site.description,
    homepage: new URL(routes.data(), site.siteUrl).href,
    created: `${TODAY}T00:00:00+08:00`,
    // `bytes` lets a reader check a download is complete (Data Package 2.0 resource property).
    resources: await Promise.all(
      (await resources()).map(async (r) => ({ ...r, bytes: Buffer.byteLength(await fileText(r.path), 'utf8') })),
    ),
  });
}

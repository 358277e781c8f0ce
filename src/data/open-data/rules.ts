/**
 * /data/rules.csv (one row per public rule or list, with Chinese label columns beside codes) and
 * /data/service-items.csv (one row per item of a 服务清单), and their Data Package resources. Kept apart from the
 * statistics files (src/data/open-data/files.ts), which only splice them into their list.
 */
import { getPlaces, getRules } from '~/data/content.ts';
import { toCsv } from '~/lib/open-data/csv.ts';
import { csvResource, flatTable, type DataResource, type TableField } from '~/lib/open-data/open-data.ts';
import { ruleSchema, SERVICE_TYPE_LABELS, SERVICE_TYPES } from '~/schemas/rule.ts';

/** Left out of rules.csv: list items have their own table (service-items.csv) or stay on the page (powers). */
const RULES_EXCLUDE = ['draft', 'powers', 'services', 'changes', 'movedFrom'];

const f = (name: string, title: string, type: TableField['type'] = 'string', extra: Partial<TableField> = {}) =>
  ({ name, title, type, ...extra }) as TableField;

async function placeNames(): Promise<Map<string, string>> {
  return new Map((await getPlaces()).map((p) => [p.id, p.data.name]));
}

export async function rulesTable(idField: TableField) {
  const rules = await getRules();
  const names = await placeNames();
  const byId = new Map(rules.map((r) => [r.id, r]));
  return flatTable(ruleSchema, rules, idField, RULES_EXCLUDE, [
    { field: f('place_name', '村/社区或街道（名称）'), value: (id) => names.get(byId.get(id)?.data.place ?? '') ?? '' },
    {
      field: f('item_count', '清单事项数', 'integer', {
        description: '小微权力清单的权力事项数，或服务清单的服务事项数；其他类型为 0',
        unit: '项',
      }),
      value: (id) => (byId.get(id)?.data.powers.length ?? 0) + (byId.get(id)?.data.services.length ?? 0),
    },
  ]);
}

const SERVICE_ITEM_FIELDS: TableField[] = [
  f('rule', '服务清单编号', 'string', {
    description: '所属服务清单（rules.csv 的 id）',
    constraints: { required: true },
  }),
  f('rule_status', '清单状态', 'string', { description: 'consultation 征求意见稿、current 现行、repealed 已废止' }),
  f('place', '村/社区或街道编号'),
  f('place_name', '村/社区或街道'),
  f('number', '序号', 'integer', { constraints: { required: true } }),
  f('name', '服务事项'),
  f('type', '办理方式', 'string', { constraints: { enum: [...SERVICE_TYPES] } }),
  f('type_label', '办理方式（中文）'),
  f('materials', '所需材料', 'string', { description: '多份材料用“；”分隔' }),
  f('time_limit', '办结时限'),
  f('window', '办理窗口'),
  f('phone', '咨询电话'),
  f('steps', '办理流程', 'string', { description: '各步骤按顺序用“→”连接' }),
];

export async function serviceItemsCsv(): Promise<string> {
  const names = await placeNames();
  return toCsv(
    SERVICE_ITEM_FIELDS.map((x) => x.name),
    (await getRules()).flatMap((r) =>
      r.data.services.map((s, i) => [
        r.id,
        r.data.status,
        r.data.place,
        names.get(r.data.place) ?? '',
        i + 1,
        s.name,
        s.type,
        SERVICE_TYPE_LABELS[s.type],
        s.materials.join('；'),
        s.timeLimit,
        s.window,
        s.phone,
        s.steps.join('→'),
      ]),
    ),
  );
}

export async function ruleResources(idField: TableField): Promise<DataResource[]> {
  if ((await getRules()).length === 0) return [];
  return [
    csvResource(
      'rules',
      'rules.csv',
      '村规民约与清单',
      '每个规约或清单（每个版本）一行：类型、制定单位、状态、版本、通过日期和会议、上一版本。正文见网页。',
      (await rulesTable(idField)).fields,
      ['id'],
    ),
    csvResource(
      'service-items',
      'service-items.csv',
      '服务清单事项',
      '服务清单的每个事项一行：办理方式、所需材料、办结时限、窗口、电话和办理流程。',
      SERVICE_ITEM_FIELDS,
      ['rule', 'number'],
    ),
  ];
}

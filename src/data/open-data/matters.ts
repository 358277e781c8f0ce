/**
 * /data/matters.csv and /data/matters.json: every public matter (事项) with its procedure, status, steps (as the
 * ids of their meetings and notices), budget, 决算 and milestones, one row per matter. Kept apart from
 * open-data-files.ts so the matter files can change without touching the statistics files.
 */
import { getMatters } from '~/data/matters.ts';
import {
  csvResource,
  flatTable,
  jsonResource,
  labelledFields,
  type DataResource,
  type TableField,
} from '~/lib/open-data/open-data.ts';
import { matterSchema } from '~/schemas/index.ts';

/** Public matters as content entries (id + data), drafts and matters with no public step left out. */
async function entries() {
  return (await getMatters()).map((m) => ({ id: m.id, data: m.data }));
}

export async function mattersTable() {
  return flatTable(matterSchema, await entries(), { name: 'id', type: 'string', title: '编号' }, ['draft']);
}

export async function mattersJson(): Promise<string> {
  return JSON.stringify(
    (await entries()).map((m) => {
      const { draft: _draft, ...data } = m.data;
      return { id: m.id, ...data };
    }),
    null,
    1,
  );
}

export function matterResources(idField: TableField): DataResource[] {
  return [
    csvResource(
      'matters',
      'matters.csv',
      '事项进度',
      '每个事项一行：议事程序、状态、各环节关联的会议纪要和公告编号、预算、决算和进展节点。',
      // The same columns as the CSV (labelledFields: optional groups and Chinese labels beside codes).
      [idField, ...labelledFields(matterSchema, ['draft']).map((f) => f.field)],
      ['id'],
    ),
    jsonResource('matters-json', 'matters.json', '事项进度（JSON）', '同 matters.csv。'),
  ];
}

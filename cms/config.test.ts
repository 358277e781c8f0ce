import { z } from 'astro/zod';
import { describe as describeSuite, expect, it } from 'vitest';
import { describe } from '../src/lib/content/schema-walk.ts';
import { field } from '../src/schemas/common.ts';
import { collections, COLLECTION_NAMES, noticeSchema } from '../src/schemas/index.ts';
import { adminCspSources, backendFromEnv } from './backend.ts';
import {
  buildCmsConfig,
  cmsFields,
  ENTRY_WIDGET,
  MARKDOWN_FIELD,
  PLACE_WIDGET,
  type CmsCollection,
  type CmsField,
} from './config.ts';
import { fieldsDrift } from './config-drift.ts';

const config = buildCmsConfig(backendFromEnv({}));

function fieldsOf(collection: CmsCollection): CmsField[] {
  return collection.fields ?? collection.files?.[0]?.fields ?? [];
}

function driftOf(name: (typeof COLLECTION_NAMES)[number], fields: CmsField[]): string[] {
  const info = describe(collections[name].schema);
  return fieldsDrift(name, info.fields ?? {}, fields, true, [MARKDOWN_FIELD]);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function find(fields: CmsField[], path: string): CmsField {
  const [head, ...rest] = path.split('.');
  const found = fields.find((f) => f.name === head);
  if (found === undefined) throw new Error(`no field ${path}`);
  return rest.length === 0 ? found : find(found.fields ?? [], rest.join('.'));
}

describeSuite('CMS configuration generated from the schemas', () => {
  it('has a collection for every content type, in Chinese, with a Chinese UI', () => {
    expect(config.locale).toBe('zh_Hans');
    expect(config.collections.map((c) => c.name).sort()).toEqual([...COLLECTION_NAMES].sort());
    for (const collection of config.collections) {
      expect(collection.label).toBe(collections[collection.name as keyof typeof collections].label);
    }
  });

  it.each(COLLECTION_NAMES)(
    'agrees with the %s schema on every field: labels, required, options, limits, patterns',
    (name) => {
      const collection = config.collections.find((c) => c.name === name) as CmsCollection;
      expect(driftOf(name, fieldsOf(collection))).toEqual([]);
    },
  );

  it('reports a CMS field whose required-ness, options, limits or pattern drifted from the schema', () => {
    const fields = cmsFields('notices');
    const drifted = clone(fields);
    find(drifted, 'title').required = false;
    find(drifted, 'category').options?.pop();
    find(drifted, 'place').pattern = ['^.*$', 'anything'];
    find(drifted, 'summary').pattern = ['^[\\s\\S]{0,300}$', 'longer'];
    find(drifted, 'period.end').label = '结束';
    expect(driftOf('notices', drifted)).toEqual([
      'notices.title: required false ≠ true',
      'notices.category: options party,village,finance ≠ party,village,finance,other',
      'notices.place: "Taoyuan" refused by the schema, accepted by the CMS',
      'notices.period.end: label "结束" ≠ "公示结束日期"',
      'notices.summary: "字字字字字字字字字字字字…(201)" refused by the schema, accepted by the CMS',
    ]);
  });

  it('reports a schema field the CMS does not offer', () => {
    const extended = noticeSchema.safeExtend({ villageGroup: field(z.string().max(10), { title: '村民小组' }) });
    const info = describe(extended);
    expect(fieldsDrift('notices', info.fields ?? {}, cmsFields('notices'), true, [MARKDOWN_FIELD])).toContain(
      'notices.villageGroup: missing from the CMS',
    );
  });

  it('asks inside optional groups only when the group is filled (监督委员会审核 may stay empty for 党务公开)', () => {
    const review = find(cmsFields('notices'), 'review');
    expect(review.required).toBe(false);
    expect(review.fields?.map((f) => [f.name, f.required])).toEqual([
      ['by', false],
      ['date', false],
      ['opinion', false],
    ]);
    expect(find(cmsFields('notices'), 'period.start').required).toBe(true);
  });

  it('names new files from ASCII fields only: date, place and category, never the Chinese title', () => {
    const notices = config.collections.find((c) => c.name === 'notices') as CmsCollection;
    expect(notices.slug).toBe('{{fields.published}}-{{fields.place}}-{{fields.category}}');
    const stats = config.collections.find((c) => c.name === 'stats') as CmsCollection;
    expect(stats.slug).toBe('{{fields.place}}-{{fields.month}}');
    for (const collection of config.collections) {
      expect(collection.slug ?? '').not.toMatch(/title|name|\{\{slug\}\}/);
    }
    expect(config.slug.encoding).toBe('ascii');
  });

  it('picks places with the grouped place picker (statistics and meetings: villages and communities only)', () => {
    const notices = config.collections.find((c) => c.name === 'notices') as CmsCollection;
    expect(find(fieldsOf(notices), 'place')).toEqual({
      name: 'place',
      label: '发布单位',
      widget: PLACE_WIDGET,
      required: true,
    });
    const stats = config.collections.find((c) => c.name === 'stats') as CmsCollection;
    expect(find(fieldsOf(stats), 'place')).toMatchObject({
      widget: PLACE_WIDGET,
      place_levels: ['village', 'community'],
    });
  });

  it('picks notices, meetings, matters and rules with the entry picker, with a hint saying what to pick', () => {
    const fieldAt = (collection: string, dotted: string) =>
      find(fieldsOf(config.collections.find((c) => c.name === collection) as CmsCollection), dotted);
    const pickers: [string, string, string][] = [
      ['matters', 'steps.meeting', 'meetings'],
      ['matters', 'steps.notice', 'notices'],
      ['meetings', 'decisions.matter', 'matters'],
      ['rules', 'meeting', 'meetings'],
      ['rules', 'matter', 'matters'],
      ['rules', 'previous', 'rules'],
    ];
    for (const [collection, dotted, target] of pickers) {
      const picker = fieldAt(collection, dotted);
      expect(picker, `${collection}.${dotted}`).toMatchObject({ widget: ENTRY_WIDGET, entry_collection: target });
      // What to pick and an option as the list shows it; nothing about file names.
      expect(picker.hint, `${collection}.${dotted}`).toMatch(/^选|^这个环节|^修订/);
      expect(picker.hint, `${collection}.${dotted}`).toMatch(/如“.+”$/);
      expect(picker.hint, `${collection}.${dotted}`).not.toContain('文件名');
    }
    // A decision's 相关公告 (several notices): a list with one picker per row, starting empty.
    expect(fieldAt('meetings', 'decisions.notices')).toMatchObject({
      widget: 'list',
      default: [],
      field: { name: 'item', label: '相关公告', widget: ENTRY_WIDGET, required: true, entry_collection: 'notices' },
    });
    // No relation widget is left: it listed the whole town's entries in one unsorted list.
    expect(JSON.stringify(config.collections)).not.toContain('"relation"');
  });

  it('shows 监督委员会审核 open, with a hint saying when it is required, and no file-name rules to editors', () => {
    const notices = config.collections.find((c) => c.name === 'notices') as CmsCollection;
    expect(find(fieldsOf(notices), 'review')).toMatchObject({
      collapsed: false,
      hint: '村务公开、财务公开必须填写（公开前须经村务监督委员会审核）；党务公开可不填',
    });
    for (const collection of config.collections) expect(collection.description ?? '').not.toContain('文件名');
  });

  it('shows 出席情况 open on meetings (optional only for a meeting announced ahead), with a hint saying so', () => {
    const meetings = config.collections.find((c) => c.name === 'meetings') as CmsCollection;
    expect(find(fieldsOf(meetings), 'attendance')).toMatchObject({
      collapsed: false,
      hint: '会议纪要必须填写应到、实到人数；发布“即将召开”的会议预告时不填',
    });
  });

  it('starts every list of rows empty: a new entry has no blank 修改记录 row that Decap would refuse to save', () => {
    // Decap fills a list without a default with one row of its item defaults (重要更正 = 否) and then requires
    // that row's date and note, so 发布 did nothing on a new notice (the CMS gate test in tests/cms.test.ts failed that way).
    for (const collection of config.collections) {
      const lists: CmsField[] = [];
      const walk = (fields: CmsField[] | undefined): void => {
        for (const f of fields ?? []) {
          if (f.widget === 'list' && f.fields !== undefined) lists.push(f);
          walk(f.fields);
        }
      };
      walk(fieldsOf(collection));
      for (const list of lists) expect(list.default, `${collection.name}.${list.name}`).toEqual([]);
    }
    const notices = config.collections.find((c) => c.name === 'notices') as CmsCollection;
    expect(find(fieldsOf(notices), 'changes').default).toEqual([]);
  });

  it("labels every group in Chinese (the site settings' office and feedback had their code names)", () => {
    const site = config.collections.find((c) => c.name === 'site') as CmsCollection;
    expect(['office', 'feedback'].map((name) => find(fieldsOf(site), name).label)).toEqual([
      '主办单位信息',
      '意见反映渠道',
    ]);
  });

  it('checks an attachment by its file name, as Decap does (it validates the base name of a file field)', () => {
    const notices = config.collections.find((c) => c.name === 'notices') as CmsCollection;
    const pattern = new RegExp((find(fieldsOf(notices), 'attachments.file').pattern as [string, string])[0]);
    expect(['2026-11-24-fujian-3f9a.pdf', 'a.XLSX'].map((n) => pattern.test(n))).toEqual([true, true]);
    expect(['/uploads/a.pdf', '中.pdf', 'a.exe', 'a b.pdf'].map((n) => pattern.test(n))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('shows the site name on the login page and lists entries by what a person reads', () => {
    const named = buildCmsConfig(backendFromEnv({}), '云溪街道村务公开栏');
    expect(decodeURIComponent(named.logo?.src ?? '')).toContain('>云溪街道村务公开栏</text>');
    expect(Object.fromEntries(named.collections.map((c) => [c.name, c.summary]))).toMatchObject({
      notices: '{{published}} · {{cmsPlaceName}} · {{title}}',
      stats: '{{cmsPlaceName}} · {{cmsMonth}}',
    });
  });

  it('sends uploads to content/uploads, served at /uploads/, and sanitizes the Markdown preview', () => {
    expect(config).toMatchObject({ media_folder: 'content/uploads', public_folder: '/uploads' });
    const notices = config.collections.find((c) => c.name === 'notices') as CmsCollection;
    expect(find(fieldsOf(notices), MARKDOWN_FIELD)).toMatchObject({ widget: 'markdown', sanitize_preview: true });
  });
});

describeSuite('CMS backend from the environment', () => {
  it('uses GitHub with draft → review → publish by default, and decap-server on localhost', () => {
    const settings = backendFromEnv({ CMS_REPO: 'yunxi/gongkailan', CMS_AUTH_URL: 'https://auth.example.cn' });
    const built = buildCmsConfig(settings);
    expect(built.backend).toMatchObject({
      name: 'github',
      repo: 'yunxi/gongkailan',
      branch: 'main',
      base_url: 'https://auth.example.cn',
    });
    expect(built.publish_mode).toBe('editorial_workflow');
    expect(built.local_backend).toEqual({ url: 'http://localhost:8081/api/v1' });
  });

  it('logs in to GitLab with PKCE (no secret) when an application id is given', () => {
    const settings = backendFromEnv({
      CMS_BACKEND: 'gitlab',
      CMS_REPO: 'town/portal',
      CMS_GITLAB_APP_ID: 'abc123',
      CMS_API_ROOT: 'https://git.example.cn/api/v4',
    });
    expect(settings.backend).toEqual({
      name: 'gitlab',
      repo: 'town/portal',
      branch: 'main',
      auth_type: 'pkce',
      app_id: 'abc123',
      api_root: 'https://git.example.cn/api/v4',
      base_url: 'https://git.example.cn',
    });
  });

  it('refuses an unknown backend or a malformed repository with a message naming the variable', () => {
    expect(() => backendFromEnv({ CMS_BACKEND: 'gitea' })).toThrow('CMS_BACKEND=gitea 不支持：请设为 github 或 gitlab');
    expect(() => backendFromEnv({ CMS_REPO: 'gongkailan' })).toThrow('CMS_REPO=gongkailan 格式不对');
  });
});

describeSuite('the admin page security policy', () => {
  it('lets the CMS reach decap-server, the git host API and the blob: URLs of files chosen for upload, and nothing else', () => {
    // Without blob: every upload fails ("Failed to persist media: TypeError: Failed to fetch"), on every backend.
    const github = adminCspSources(backendFromEnv({ CMS_LOCAL_BACKEND_URL: 'http://localhost:9000/api/v1' }));
    expect(github.connect).toEqual(["'self'", 'blob:', 'http://localhost:9000', 'https://api.github.com']);
    const gitlab = adminCspSources(
      backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_API_ROOT: 'https://git.example.cn/api/v4', CMS_REPO: 'a/b' }),
    );
    expect(gitlab.connect).toEqual(["'self'", 'blob:', 'http://localhost:8081', 'https://git.example.cn']);
  });
});

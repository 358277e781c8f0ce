/**
 * Builds the Decap CMS configuration from the zod schemas (src/schemas), so the editor form cannot drift from what
 * `npm run validate` and the build accept: same fields, same required-ness, same options, same limits, same
 * patterns, same Chinese labels and hints. `cms/config.test.ts` walks every schema field to prove it.
 *
 * What the schemas cannot say lives in COLLECTION_SETTINGS below: file-name templates, list summaries, which
 * fields pick another entry (a place, a notice) instead of taking typed text.
 */
import { collections, type CollectionName } from '../src/schemas/index.ts';
import { describe, type FieldInfo } from '../src/lib/content/schema-walk.ts';
import type { BackendSettings } from './backend.ts';

/** The Markdown text below the front matter. A CMS-only name: meetings already use `body` for 会议类型. */
export const MARKDOWN_FIELD = 'markdownBody';
/**
 * Our own Decap format per collection (cms/format.ts, registered in cms/main.ts): Markdown with the body in
 * MARKDOWN_FIELD, JSON in schema key order, both with the list-summary values of cms/places.ts.
 */
export function formatName(collection: CollectionName): string {
  return `gongkailan-${collection}`;
}
/** The place picker (cms/place-widget.tsx): grouped by village, full names, optionally one village only. */
export const PLACE_WIDGET = 'gongkailan-place';
/** The entry picker (cms/entry-widget.tsx): notices, meetings, matters, rules grouped by village, newest first. */
export const ENTRY_WIDGET = 'gongkailan-entry';
/** Where editors' uploads go (inside content/ so a deployment replaces one folder) and their public URL. */
const MEDIA_FOLDER = 'content/uploads';
export const PUBLIC_FOLDER = '/uploads';

/** A Decap field definition (the subset we generate). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  step?: number;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  add_to_top?: boolean;
  allow_add?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  sanitize_preview?: boolean;
  modes?: string[];
  buttons?: string[];
  editor_components?: string[];
  choose_url?: boolean;
  /** PLACE_WIDGET: which levels can be picked (all when absent). */
  place_levels?: string[];
  /** ENTRY_WIDGET: the collection whose entries are listed. */
  entry_collection?: string;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  extension?: string;
  format?: string;
  create?: boolean;
  delete?: boolean;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  fields?: CmsField[];
  editor?: { preview: boolean };
}

export interface CmsConfig {
  load_config_file: false;
  locale: 'zh_Hans';
  backend: { name: string } & Record<string, string | Record<string, string>>;
  local_backend?: boolean | { url: string; allowed_hosts?: string[] };
  publish_mode?: 'editorial_workflow';
  site_url?: string;
  display_url?: string;
  logo_url?: string;
  logo?: { src: string; show_in_header?: boolean };
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  collections: CmsCollection[];
}

/** A field that stores the id (file name) of another entry, picked from a list by its Chinese name. */
interface Reference {
  collection: 'places' | 'notices' | 'meetings' | 'matters' | 'rules';
  display: string;
  /** Places only: the levels that may be chosen. */
  levels?: string[];
  /** Entries only: what to pick and an example (the schema's hint speaks of file names). */
  hint?: string;
}
const PLACE: Reference = { collection: 'places', display: 'name' };
/** Monthly statistics and meetings belong to a village or community, never a grid or the 街道. */
const VILLAGE: Reference = { ...PLACE, levels: ['village', 'community'] };
const PARENT_PLACE: Reference = { ...PLACE, levels: ['township', 'street', 'village', 'community'] };
const TOP_PLACE: Reference = { ...PLACE, levels: ['township', 'street'] };
/**
 * An entry picker's hint: what to pick (`what`), how the list is ordered and an option as it reads there (matters
 * have no date and are listed by name).
 */
const entry = (collection: Reference['collection'], what: string, example: string): Reference => ({
  collection,
  display: 'title',
  hint: `${what}。列表按村/社区分组，本村在最前${collection === 'matters' ? '' : '，新的在上'}，如“${example}”`,
});
const NOTICE = (what: string) => entry('notices', what, '2026-07-06 · 关于实施石桥村村内道路硬化项目的决议公开');
const MEETING = (what: string) => entry('meetings', what, '2026-07-03 · 石桥村村民代表会议（村内道路硬化决议）');
const MATTER = (what: string) => entry('matters', what, '桃源路主干道路灯改造');
const RULE = (what: string) => entry('rules', what, '2019-04-10 · 桃源村村规民约（2019年版）');

interface CollectionSettings {
  /** Decap file-name template. Every part is an ASCII field value, so a Chinese title never becomes a file name. */
  slug?: string;
  identifier: string;
  summary: string;
  sortable: string[];
  create: boolean;
  /** Dotted field paths that reference another entry. */
  references?: Record<string, Reference>;
  description: string;
}

/**
 * Per-collection settings. File names: the date and place come from fields the editor must fill anyway, so
 * nobody types pinyin; Decap appends -1, -2 when a name is taken, which still matches the file-name pattern.
 */
export const COLLECTION_SETTINGS: Record<Exclude<CollectionName, 'site'>, CollectionSettings> = {
  notices: {
    slug: '{{fields.published}}-{{fields.place}}-{{fields.category}}',
    identifier: 'title',
    summary: '{{published}} · {{cmsPlaceName}} · {{title}}',
    sortable: ['published', 'title'],
    create: true,
    references: { place: PLACE },
    description: '村务、财务、党务公开。村务公开和财务公开须经村务监督委员会审核（填写“监督委员会审核”）。',
  },
  meetings: {
    slug: '{{fields.date}}-{{fields.place}}-{{fields.body}}',
    identifier: 'title',
    summary: '{{date}} · {{cmsPlaceName}} · {{title}}',
    sortable: ['date', 'title'],
    create: true,
    references: {
      place: VILLAGE,
      'decisions.notices': NOTICE('选公布这项决定的公告（决议公开、结果公开），可添加多份'),
      'decisions.matter': MATTER('选这项决定所属的事项'),
    },
    description: '议事会议的纪要：出席人数、议题、决定事项和表决结果；决定属于哪个事项，填“所属事项”。',
  },
  matters: {
    slug: '{{fields.place}}-{{year}}-{{month}}-{{day}}',
    identifier: 'title',
    summary: '{{cmsPlaceName}} · {{title}}',
    sortable: ['title', 'status'],
    create: true,
    references: {
      place: PLACE,
      'steps.meeting': MEETING('这个环节开了会就选它的会议纪要（与“公告”二选一）'),
      'steps.notice': NOTICE('这个环节发了公告就选这份公告（与“会议纪要”二选一）'),
    },
    description:
      '一个事项从提议到结果的全过程：按程序顺序添加环节（每个环节关联一份会议纪要或公告），填写预算、决算和进展节点。',
  },
  stats: {
    slug: '{{fields.place}}-{{fields.month}}',
    identifier: 'month',
    summary: '{{cmsPlaceName}} · {{cmsMonth}}',
    sortable: ['month', 'place'],
    create: true,
    references: { place: VILLAGE },
    description: '每个村/社区每月一条：只填数量，响应率、办结率、满意率等由网站自动计算。',
  },
  finance: {
    slug: '{{fields.place}}-{{fields.month}}',
    identifier: 'month',
    summary: '{{cmsPlaceName}} · {{cmsMonth}}',
    sortable: ['month', 'place'],
    create: true,
    references: { place: VILLAGE },
    description: '每个村每月一本收支账：期初余额、每笔收入和支出（凭证号、摘要、科目、金额）、期末余额。收支必须对平。',
  },
  registers: {
    slug: '{{fields.place}}',
    identifier: 'place',
    summary: '{{cmsPlaceName}}',
    sortable: ['place'],
    create: true,
    references: { place: VILLAGE },
    description:
      '每个村/社区一份三资台账：资产（房屋、设施、设备）、资源（耕地、林地、水面）和合同（对方、期限、金额、付款计划、已付款项、决议）。',
  },
  legal: {
    slug: '{{fields.topic}}-{{fields.type}}',
    identifier: 'title',
    summary: '{{published}} · {{title}}',
    sortable: ['published', 'title'],
    create: true,
    description: '普法文章、法律问答和典型案例。',
  },
  rules: {
    slug: '{{fields.place}}-{{fields.kind}}-{{year}}',
    identifier: 'title',
    summary: '{{cmsPlaceName}} · {{title}}（{{version}}）',
    sortable: ['published', 'title'],
    create: true,
    references: {
      place: PARENT_PLACE,
      meeting: MEETING('选表决通过本规约或清单的会议纪要'),
      matter: MATTER('修订过程记作事项时，选这个事项'),
      previous: RULE('修订时选被本版本取代的旧版本，须是同一地点、同一类型'),
    },
    description:
      '村规民约、居民公约、自治章程和小微权力清单、服务清单、职责清单。修订时新建一条，填“上一版本”，旧版本改为“已废止”；同一地点同类只能有一个现行版本。',
  },
  places: {
    // The file name is the place's id, referenced by every notice and record: new places and renames are made by
    // the maintainer in the files (docs/editors.md), editors keep names, phones and grid workers current.
    identifier: 'name',
    summary: '{{cmsPlaceName}}（{{cmsLevel}}）',
    sortable: ['order', 'name'],
    create: false,
    references: { parent: PARENT_PLACE },
    description: '街道、村/社区和网格的基本信息与网格员。新增地点请联系网站管理员。',
  },
};

function hintOf(info: FieldInfo): string | undefined {
  const parts = [info.meta.description, info.meta.unit ? `单位：${info.meta.unit}` : undefined].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return parts.length > 0 ? parts.join('；') : undefined;
}

/**
 * Patterns for zod's string formats, which keep their regex (email) or none (url, checked by URL parsing) outside
 * the checks (schema-walk gives both apart). Site URLs must be web addresses, so http(s) is what we ask for.
 */
function formatPatterns(info: FieldInfo): RegExp[] {
  if (info.format === 'url') return [/^https?:\/\/[^\s/?#]+\.[^\s]*$/];
  if (
    info.format !== undefined &&
    info.formatPattern !== undefined &&
    !(info.patterns ?? []).includes(info.formatPattern)
  ) {
    return [info.formatPattern];
  }
  return [];
}

/**
 * Regex source with ASCII letters matched in either case, for patterns declared with the `i` flag (Decap takes
 * the pattern as a string and compiles it without flags). Letters inside a character class are left alone.
 */
function ignoreCaseSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i] as string;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i += 1;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === ']') {
      inClass = false;
      out += char;
    } else if (!inClass && /[a-z]/i.test(char)) {
      out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * One Decap pattern for a string field: its length limits and every regex of the schema, as lookaheads.
 * Decap checks only non-empty values against it, exactly like an optional schema field.
 */
function stringPattern(info: FieldInfo): [string, string] | undefined {
  const parts: string[] = [];
  if (info.min !== undefined || info.max !== undefined) {
    parts.push(`(?=[\\s\\S]{${info.min ?? 0},${info.max ?? ''}}$)`);
  }
  for (const pattern of [...(info.patterns ?? []), ...formatPatterns(info)]) {
    parts.push(`(?=${pattern.flags.includes('i') ? ignoreCaseSource(pattern.source) : pattern.source})`);
  }
  if (parts.length === 0) return undefined;
  const messages = info.messages ?? [];
  const length =
    info.min !== undefined && info.max !== undefined
      ? `${info.min}–${info.max} 个字`
      : info.min !== undefined
        ? `至少 ${info.min} 个字`
        : info.max !== undefined
          ? `不超过 ${info.max} 个字`
          : undefined;
  const explained = messages.length > 0 ? messages.join('；') : length !== undefined ? `长度 ${length}` : '格式不对';
  return [`^${parts.join('')}`, info.meta.example ? `${explained}（如 ${info.meta.example}）` : explained];
}

/** A path pattern "^(?=^\/uploads\/…)" as a pattern for the file name alone (no folders). */
function basenamePattern(source: string): string {
  const folder = ignoreCaseSource(PUBLIC_FOLDER.slice(1));
  return source.replace(`^\\/${folder}\\/`, '^').replace('[A-Za-z0-9._/-]', '[A-Za-z0-9._-]');
}

function optionsOf(info: FieldInfo): { label: string; value: string }[] {
  const labels = info.meta.optionLabels ?? {};
  return (info.options ?? []).map((value) => ({ label: labels[value] ?? value, value }));
}

/**
 * Optional groups that cross-file rules require in most cases: shown open, and cms/main.ts drops Decap's "(可选)"
 * from their label (监督委员会审核 is required for 村务公开 and 财务公开, not for 党务公开).
 */
const RULE_REQUIRED_HINTS: Record<string, string> = {
  review: '村务公开、财务公开必须填写（公开前须经村务监督委员会审核）；党务公开可不填',
};
/** 出席情况 is optional only for a meeting announced ahead; its schema description says so. */
const RULE_REQUIRED = new Set([...Object.keys(RULE_REQUIRED_HINTS), 'attendance']);
/** Fields inside those groups that the schema requires once the group is filled (also shown without "选填"). */
export const RULE_REQUIRED_FIELDS = new Set([
  'review',
  'review.by',
  'review.by.item',
  'review.date',
  'attendance',
  'attendance.expected',
  'attendance.present',
]);

/** Chinese labels for groups whose schema has no title (the site settings' office and feedback). */
const GROUP_LABELS: Record<string, string> = { office: '主办单位信息', feedback: '意见反映渠道' };

/**
 * The Decap field for one schema field. `required` is the field's own required-ness *and* its parents': a
 * required field inside an optional group (e.g. 审核人 inside 监督委员会审核) may be left out with its group,
 * and the schema check on save (cms/entry-check.ts) asks for it when the group is filled.
 */
function cmsField(
  name: string,
  info: FieldInfo,
  parentRequired = true,
  references: Record<string, Reference> = {},
  path = name,
): CmsField {
  const field: CmsField = {
    name,
    label: info.meta.title ?? name,
    widget: 'string',
    required: parentRequired && info.required,
  };
  const hint = hintOf(info);
  if (hint !== undefined) field.hint = hint;
  if (info.default !== undefined && !(Array.isArray(info.default) && info.default.length === 0)) {
    field.default = info.default;
  }
  const reference = references[path];
  if (reference?.collection === 'places') {
    field.widget = PLACE_WIDGET;
    // The schema's hint speaks of ids ("村/社区的编号"); the picker shows names, so the hint would only confuse.
    delete field.hint;
    if (reference.levels !== undefined) field.place_levels = reference.levels;
    return field;
  }
  if (reference !== undefined) {
    // Same reason as places: the schema's hint speaks of file names, the picker shows dates and titles.
    if (reference.hint === undefined) delete field.hint;
    else field.hint = reference.hint;
    const picker: CmsField = {
      name: 'item',
      label: field.label,
      widget: ENTRY_WIDGET,
      required: true,
      entry_collection: reference.collection,
    };
    if (info.kind !== 'array') return { ...field, widget: ENTRY_WIDGET, entry_collection: reference.collection };
    // Several entries (a decision's 相关公告): Decap's list, one picker per row, added and removed with its buttons.
    Object.assign(field, { widget: 'list', field: picker, default: [] });
    if (info.min !== undefined) field.min = info.min;
    if (info.max !== undefined) field.max = info.max;
    return field;
  }
  switch (info.kind) {
    case 'string': {
      field.widget = info.meta.widget ?? 'string';
      const pattern = stringPattern(info);
      if (pattern !== undefined) field.pattern = pattern;
      if (field.widget === 'file') {
        field.choose_url = false;
        // Decap checks a file field's pattern against the file's *base name* (withFileControl.getValidateValue),
        // and always puts the picked file under public_folder; so the CMS pattern is the schema's without its
        // "/uploads/" prefix, and the full path is checked again by the gate on save.
        if (field.pattern !== undefined) field.pattern = [basenamePattern(field.pattern[0]), field.pattern[1]];
      }
      break;
    }
    case 'month': {
      const pattern = stringPattern(info);
      if (pattern !== undefined) field.pattern = pattern;
      break;
    }
    case 'date':
      Object.assign(field, { widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: false });
      break;
    case 'number':
      field.widget = 'number';
      field.value_type = info.integer ? 'int' : 'float';
      if (info.integer) field.step = 1;
      if (info.min !== undefined) field.min = info.min;
      if (info.max !== undefined) field.max = info.max;
      break;
    case 'boolean':
      field.widget = 'boolean';
      break;
    case 'enum':
      field.widget = 'select';
      field.options = optionsOf(info);
      break;
    case 'object':
      field.widget = 'object';
      field.collapsed = !info.required && !RULE_REQUIRED.has(path);
      if (GROUP_LABELS[path] !== undefined && info.meta.title === undefined) field.label = GROUP_LABELS[path];
      if (RULE_REQUIRED_HINTS[path] !== undefined) field.hint = RULE_REQUIRED_HINTS[path];
      field.fields = Object.entries(info.fields ?? {}).map(([childName, child]) =>
        cmsField(childName, child, field.required, references, `${path}.${childName}`),
      );
      break;
    case 'array': {
      const element = info.element as FieldInfo;
      if (info.min !== undefined) field.min = info.min;
      if (info.max !== undefined) field.max = info.max;
      if (element.kind === 'enum') {
        field.widget = 'select';
        field.multiple = true;
        field.options = optionsOf({ ...element, meta: { ...element.meta, ...info.meta } });
      } else if (element.kind === 'object') {
        field.widget = 'list';
        field.collapsed = false;
        field.fields = Object.entries(element.fields ?? {}).map(([childName, child]) =>
          cmsField(childName, child, true, references, `${path}.${childName}`),
        );
        const first = Object.keys(element.fields ?? {})[0];
        if (first !== undefined) field.summary = `{{fields.${first}}}`;
        // Without an explicit list default, Decap starts a new entry with one item built from the item fields'
        // defaults (createEmptyDraftData): a 修改记录 row holding only 重要更正=否 and an empty date and note, which
        // fails Decap's own required check, so 发布 silently does nothing. An empty list starts empty.
        field.default = Array.isArray(info.default) ? info.default : [];
      } else {
        field.widget = 'list';
        field.field = cmsField('item', element, true, references, `${path}.item`);
        field.field.label = field.label;
      }
      break;
    }
    default:
      throw new Error(`cms/config.ts: no Decap widget for field "${path}" (kind ${info.kind})`);
  }
  return field;
}

/** The Decap fields of a content type, in schema order. */
export function cmsFields(collection: CollectionName, references: Record<string, Reference> = {}): CmsField[] {
  const info = describe(collections[collection].schema);
  return Object.entries(info.fields ?? {}).map(([name, child]) => cmsField(name, child, true, references));
}

function markdownBodyField(): CmsField {
  return {
    name: MARKDOWN_FIELD,
    label: '正文',
    widget: 'markdown',
    required: false,
    hint: '公开的正文。不要写身份证号、银行卡号、住址等个人信息',
    modes: ['rich_text', 'raw'],
    buttons: ['bold', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list', 'link'],
    editor_components: [],
    // Render the preview through DOMPurify (GHSA-xp8g-32qh-mv28: preview HTML could steal a reviewer's token).
    sanitize_preview: true,
  };
}

function folderCollection(name: Exclude<CollectionName, 'site'>): CmsCollection {
  const spec = collections[name];
  const settings = COLLECTION_SETTINGS[name];
  const fields = cmsFields(name, settings.references);
  const collection: CmsCollection = {
    name,
    label: spec.label,
    label_singular: spec.label,
    // File names are made from fields (COLLECTION_SETTINGS.slug), so editors are not told about them.
    description: settings.description,
    folder: `content/${spec.path}`,
    extension: spec.format,
    format: formatName(name),
    create: settings.create,
    delete: settings.create,
    identifier_field: settings.identifier,
    summary: settings.summary,
    sortable_fields: settings.sortable,
    fields: spec.format === 'md' ? [...fields, markdownBodyField()] : fields,
  };
  if (settings.slug !== undefined) collection.slug = settings.slug;
  return collection;
}

function siteCollection(): CmsCollection {
  return {
    name: 'site',
    label: collections.site.label,
    delete: false,
    files: [
      {
        name: 'site',
        label: collections.site.label,
        file: `content/${collections.site.path}`,
        fields: cmsFields('site', { rootPlace: TOP_PLACE }),
      },
    ],
    format: formatName('site'),
  };
}

/** Every collection, in the order editors see them (most used first). */
function cmsCollections(): CmsCollection[] {
  return [
    folderCollection('notices'),
    folderCollection('meetings'),
    folderCollection('matters'),
    folderCollection('stats'),
    folderCollection('finance'),
    folderCollection('registers'),
    folderCollection('rules'),
    folderCollection('legal'),
    folderCollection('places'),
    siteCollection(),
  ];
}

const COMMIT_MESSAGES = {
  create: '新建 {{collection}}：{{slug}}',
  update: '修改 {{collection}}：{{slug}}',
  delete: '删除 {{collection}}：{{slug}}',
  uploadMedia: '上传附件：{{path}}',
  deleteMedia: '删除附件：{{path}}',
};

/** An SVG image of the site's name (Decap's login page shows a logo image, not text). */
function nameLogo(name: string): string {
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const width = Math.max(240, [...name].length * 40 + 40);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="120" viewBox="0 0 ${width} 120">` +
    `<text x="50%" y="60%" text-anchor="middle" font-family="sans-serif" font-size="36" font-weight="700" fill="#8c1c13">${escaped}</text>` +
    `<text x="50%" y="95%" text-anchor="middle" font-family="sans-serif" font-size="20" fill="#333">内容管理</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The whole Decap configuration for a backend (see cms/backend.ts for where that comes from). */
export function buildCmsConfig(settings: BackendSettings, siteName?: string): CmsConfig {
  const config: CmsConfig = {
    load_config_file: false,
    locale: 'zh_Hans',
    // Commit messages in Chinese: the git history is the audit trail a 村务监督委员会 member may read.
    backend: { ...settings.backend, commit_messages: COMMIT_MESSAGES },
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    // Belt and braces: every file-name template uses ASCII fields; ascii encoding also keeps uploaded file names
    // ASCII (Chinese characters are dropped), as the attachment pattern requires.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: cmsCollections(),
  };
  // The login page shows the site's name instead of Decap's logo.
  if (siteName !== undefined) config.logo = { src: nameLogo(siteName), show_in_header: false };
  if (settings.localBackend !== undefined) config.local_backend = settings.localBackend;
  if (settings.editorialWorkflow) config.publish_mode = 'editorial_workflow';
  if (settings.siteUrl !== undefined) {
    config.site_url = settings.siteUrl;
    config.display_url = settings.siteUrl;
  }
  return config;
}

/**
 * Decap's zh_Hans strings where they are wrong or developer language for a village clerk, and the English that
 * Decap hard-codes outside its locale files (aria-labels, the drag-and-drop hint, the logo's alt text).
 */

/** Merged over Decap's zh_Hans phrases (same keys as decap-cms-locales). */
export const PHRASES = {
  app: {
    header: { content: '内容', workflow: '审核流程', media: '附件', quickAdd: '新建' },
    app: { waitingBackend: '正在连接保存服务…', loadingConfig: '正在加载…', checkConfigYml: '请联系网站管理员' },
  },
  collection: {
    sidebar: { collections: '栏目', allCollections: '全部栏目', searchAll: '搜索全部内容…', searchIn: '搜索' },
    collectionTop: { newButton: '新建%{collectionLabel}', viewAs: '显示方式', sortBy: '排序' },
    entries: { noEntries: '还没有内容' },
  },
  editor: {
    editorControl: { field: { optional: '选填' } },
    editorControlPane: {
      widget: {
        regexPattern: '“%{fieldLabel}”：%{pattern}',
        required: '请填写“%{fieldLabel}”',
      },
    },
    editor: { onPublishing: '确定要发布吗？发布后会出现在网站上。', onLeavePage: '有未保存的修改，确定离开吗？' },
    editorInterface: { togglePreview: '显示/隐藏预览', toggleScrollSync: '预览跟随滚动' },
    editorToolbar: {
      backCollection: '返回“%{collectionLabel}”',
      changesSaved: '没有未保存的修改',
      unsavedChanges: '有未保存的修改',
      status: '状态：%{status}',
      inReview: '待审核',
      ready: '待发布',
      draft: '草稿',
      publishNow: '立即发布',
      deployButtonLabel: '在网站上查看',
    },
    editorWidgets: {
      markdown: { richText: '排版', markdown: '源码' },
      file: { choose: '选择或上传文件', chooseDifferent: '换一个文件', remove: '移除' },
      list: { add: '添加%{item}' },
    },
  },
  mediaLibrary: {
    mediaLibraryModal: {
      mediaAssets: '附件和图片',
      noAssetsFound: '还没有上传过文件',
      upload: '上传新文件',
      search: '按文件名搜索…',
      chooseSelected: '使用选中的文件',
      deleteSelected: '删除选中的文件',
      download: '下载',
      deleting: '正在删除…',
    },
    mediaLibrary: { onDelete: '确定要删除这个文件吗？已引用它的公告会失去附件。' },
  },
  ui: {
    toast: {
      onFailToPersist: '未保存：%{details}',
      entrySaved: '内容已保存',
      onBackendDown: '保存服务暂时不可用：%{details}',
    },
    default: { goBackToSite: '返回网站' },
  },
  workflow: {
    workflow: { workflowHeading: '审核流程', newPost: '新建', loading: '正在加载审核流程…' },
    workflowList: {
      draftHeader: '草稿',
      inReviewHeader: '待审核',
      readyHeader: '待发布',
      onPublishingNotReadyEntry: '只有“待发布”的内容才能发布：请先把它拖到“待发布”一栏。',
    },
  },
};

/** English that Decap writes straight into the page (not through its locale), and what to show instead. */
const ENGLISH: [RegExp, string][] = [
  [/^Account options dropdown$/, '账户选项'],
  [/^List view option$/, '列表显示'],
  [/^Grid view option$/, '网格显示'],
  [/^Set .+ to now$/, '填入现在的日期'],
  [/^Collapse$/, '收起'],
  [/^Expand$/, '展开'],
  [/^Expand\/collapse$/i, '展开/收起'],
  [/^Remove( item)?$/, '删除此项'],
  [/^Add item$/, '添加'],
  [/^To pick up a draggable item/, '按空格键拿起此项，用方向键移动，再按空格键放下；按 Esc 取消。'],
  [/^Draggable item .+ was moved/, '已移动'],
  [/^Markdown$/, '源码'],
  [/^Rich Text$/, '排版'],
];

/** The Chinese for an English text Decap hard-codes, if known. */
export function chineseFor(text: string): string | undefined {
  const trimmed = text.trim();
  for (const [pattern, chinese] of ENGLISH) if (pattern.test(trimmed)) return chinese;
  return undefined;
}

type Tree = { [key: string]: string | Tree };

/** Deep merge of phrase trees (ours win). */
export function mergePhrases(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : (value as string);
  }
  return out;
}

/**
 * The /admin/ entry point: Decap CMS bundled from npm (no CDN), with our file formats, the content gate on save
 * (shown next to the fields), the place and entry pickers, the lost-edit guard for the local backend, Chinese where Decap is
 * not, the site's stylesheet in previews and the preview templates. The configuration and the place list are built
 * from the schemas and the content by src/pages/admin/index.astro and handed over in JSON script tags.
 */
import CMS from 'decap-cms-app';
import { zh_Hans } from 'decap-cms-locales';
import globalCss from '../src/styles/global.css?raw';
import { collections, type CollectionName } from '../src/schemas/index.ts';
import { ENTRY_WIDGET, formatName, PLACE_WIDGET, RULE_REQUIRED_FIELDS, type CmsConfig } from './config.ts';
import { blankPaths, changeNoteCheck, checkEntryBeforeSave } from './entry-check.ts';
import { entryControl, EntryPreview } from './entry-widget.tsx';
import { buildToday } from '../src/lib/site/dates.ts';
import { ancestorNames, clearErrorToasts, clearFieldErrors, fieldName, showFieldErrors } from './field-errors.ts';
import { fromFile, jsonFromFile, jsonToFile, keyOrderOf, toFile } from './format.ts';
import { chineseFor, mergePhrases, PHRASES } from './locale.ts';
import { installLostEditGuard, setCommitNote } from './lost-edit-guard.ts';
import { placeControl, placePreview } from './place-widget.tsx';
import { renameUploads } from './upload-name.ts';
import { LIST_KEYS, withListValues, withoutListValues, type PlaceList } from './places.ts';
import {
  FinancePreview,
  LegalPreview,
  MeetingPreview,
  NoticePreview,
  setPreviewPlaces,
  StatsPreview,
} from './previews.tsx';

function readJson<T>(id: string): T {
  const element = document.getElementById(id);
  if (element?.textContent == null) throw new Error(`${id} missing from /admin/`);
  return JSON.parse(element.textContent) as T;
}

const config = readJson<CmsConfig>('cms-config');
const placeList = readJson<PlaceList>('cms-places');
const siteName = document.getElementById('cms-config')?.dataset.siteName ?? '';

// Decap talks to the local backend only when the page is opened on this machine (see cms/backend.ts).
if (typeof config.local_backend === 'object' && ['localhost', '127.0.0.1'].includes(location.hostname)) {
  installLostEditGuard(config.local_backend.url);
}

renameUploads();
CMS.registerLocale('zh_Hans', mergePhrases(zh_Hans as never, PHRASES as never));

for (const collection of config.collections) {
  const name = collection.name as CollectionName;
  const fields = collection.fields ?? collection.files?.[0]?.fields ?? [];
  const order = keyOrderOf(fields);
  const markdown = collections[name].format === 'md';
  CMS.registerCustomFormat(formatName(name), markdown ? 'md' : 'json', {
    fromFile: (text: string) => withListValues(markdown ? fromFile(text) : jsonFromFile(text), placeList.places),
    toFile: (data: Record<string, unknown>) => {
      const plain = withoutListValues(data);
      return markdown ? toFile(plain, [], order) : jsonToFile(plain, order);
    },
  });
}

CMS.registerWidget(PLACE_WIDGET, placeControl(placeList) as never, placePreview(placeList) as never);
CMS.registerWidget(ENTRY_WIDGET, entryControl(placeList) as never, EntryPreview as never);

/** A refusal whose toast reads as the message itself, not "Error: …". */
class Refusal extends Error {
  override name = '';
}

// Before every save: drop the list-only values and what the editor left blank, then run the content gate (with the
// other entries from /admin/gate-context.json). Throwing
// stops Decap from writing anything; the form keeps every value typed and each problem is shown at its field.
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const collection = entry.get('collection') as CollectionName;
    let data = entry.get('data');
    for (const key of LIST_KEYS) data = data.delete(key);
    const plain = data.toJS() as Record<string, unknown>;
    const result = await checkEntryBeforeSave(
      collection,
      plain,
      String(entry.get('path') || `新的${collections[collection].label}`),
    );
    if (!result.ok) {
      showFieldErrors(result.errors);
      throw new Refusal(`请先改正 ${result.errors.length} 处问题（已在表单中标出）`);
    }
    const change = changeNoteCheck(collection, plain, String(entry.get('path') || ''), {
      isNew: entry.get('newRecord') === true,
      today: buildToday(undefined),
    });
    if (change.problem !== undefined) {
      showFieldErrors([change.problem]);
      throw new Refusal('这条内容已经公开：请在“修改记录”中写明这次修改（已在表单中标出）');
    }
    setCommitNote(change.note);
    clearFieldErrors();
    for (const path of blankPaths(plain)) data = data.deleteIn(path);
    return data;
  },
});

CMS.registerEventListener({
  name: 'postSave',
  handler: () => {
    clearFieldErrors();
    clearErrorToasts();
  },
});

setPreviewPlaces(placeList.places);
CMS.registerPreviewStyle(globalCss, { raw: true });
CMS.registerPreviewTemplate('notices', NoticePreview);
CMS.registerPreviewTemplate('meetings', MeetingPreview);
CMS.registerPreviewTemplate('stats', StatsPreview);
CMS.registerPreviewTemplate('finance', FinancePreview);
CMS.registerPreviewTemplate('legal', LegalPreview);

/**
 * What Decap renders outside its locale: English aria-labels and texts, the logo's alt text, and the "(选填)" of
 * groups that rules require (监督委员会审核). Re-applied whenever Decap re-renders.
 */
function fixPage(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[aria-label], [title], img[alt]')) {
    for (const attribute of ['aria-label', 'title', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      // Each field's container is a plain <div> labelled "<widget> field" in English: the <label> inside already
      // names the field, so the English goes.
      if (attribute === 'aria-label' && /^\S+ field$/.test(value)) {
        element.removeAttribute(attribute);
        continue;
      }
      const chinese = attribute === 'alt' && value === 'Logo' ? siteName : chineseFor(value);
      if (chinese !== undefined && chinese !== value) element.setAttribute(attribute, chinese);
    }
  }
  for (const element of root.querySelectorAll<HTMLElement>('button, span, div, p')) {
    if (element.childElementCount !== 0 || element.textContent === null) continue;
    // Decap prints a failed request's error class before the message ("API_ERROR: 此条目已被他人修改…").
    if (element.textContent.includes('API_ERROR: '))
      element.textContent = element.textContent.replace('API_ERROR: ', '');
    const chinese = chineseFor(element.textContent);
    if (chinese !== undefined && chinese !== element.textContent) element.textContent = chinese;
  }
  for (const label of root.querySelectorAll<HTMLLabelElement>('label[for]')) {
    const name = fieldName(label);
    if (name !== undefined && RULE_REQUIRED_FIELDS.has([...ancestorNames(label), name].join('.'))) {
      label.dataset.gklRuleRequired = '';
    }
  }
}
let scheduled = false;
new MutationObserver(() => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    fixPage(document);
  });
}).observe(document.body, { childList: true, subtree: true });

// `npm run cms` serves this page from `astro dev`, which reloads a page whose content changed on disk: every save
// (the admin's own or another tab's) reloaded every open admin tab, throwing away what was typed there. Vite lets a
// "beforeFullReload" listener see the message before it acts, and reloads only when the message's path names this
// page: pointing it elsewhere keeps the editor's tab as it is. (No effect in a build: there is no HMR client.)
if (import.meta.hot) {
  import.meta.hot.on('vite:beforeFullReload', (payload: { path?: string }) => {
    payload.path = '/gongkailan-admin-is-never-reloaded.html';
  });
}

CMS.init({ config: config as never });

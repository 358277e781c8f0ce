/**
 * The /admin/ entry point: Decap CMS bundled from npm (no CDN), with our Markdown format, the schema check on save,
 * the site's stylesheet in previews and the preview templates. The configuration is built at build time from the
 * schemas (cms/config.ts) and handed over in a JSON script tag by src/pages/admin/index.astro.
 */
import CMS from 'decap-cms-app';
import type { CmsConfig } from './config.ts';
import globalCss from '../src/styles/global.css?raw';
import type { CollectionName } from '../src/schemas/index.ts';
import { MARKDOWN_FORMAT } from './config.ts';
import { blankPaths, checkEntryBeforeSave, refusalMessage } from './entry-check.ts';
import { fromFile, toFile } from './format.ts';
import { LegalPreview, MeetingPreview, NoticePreview, StatsPreview } from './previews.tsx';

const configElement = document.getElementById('cms-config');
if (configElement?.textContent == null) throw new Error('cms-config missing from /admin/');
const config = JSON.parse(configElement.textContent) as CmsConfig;

CMS.registerCustomFormat(MARKDOWN_FORMAT, 'md', {
  fromFile,
  toFile: (data, sortedKeys) => toFile(data as Record<string, unknown>, sortedKeys),
});

// Before every save: drop what the editor left blank, then run the content gate (with the other entries from
// /admin/gate-context.json). Throwing here stops Decap from
// writing anything and shows the message in its error notice; the editor's form keeps every value typed.
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const collection = entry.get('collection') as CollectionName;
    let data = entry.get('data');
    const plain = data.toJS() as Record<string, unknown>;
    const result = await checkEntryBeforeSave(collection, plain, String(entry.get('path') || `新的${collection}`));
    if (!result.ok) throw new Error(refusalMessage(result.errors));
    for (const path of blankPaths(plain)) data = data.deleteIn(path);
    return data;
  },
});

CMS.registerPreviewStyle(globalCss, { raw: true });
CMS.registerPreviewTemplate('notices', NoticePreview);
CMS.registerPreviewTemplate('meetings', MeetingPreview);
CMS.registerPreviewTemplate('stats', StatsPreview);
CMS.registerPreviewTemplate('legal', LegalPreview);

CMS.init({ config: config as never });

/**
 * The county portal's one page (docs/scaling.md): the list of towns with links, which works without JavaScript,
 * and a search across every town that JavaScript adds. The search loads the county's own Pagefind bundle (the
 * same pinned Pagefind as the towns: `mergeIndex` reads their bundles with the primary bundle's WebAssembly), then
 * merges every bundle of the merge plan (county-plan.ts).
 *
 * Plain HTML with one inline module script, not an Astro page: the county site holds no content of its own, and
 * building it must not need the town content collections that the Astro build requires.
 */
import type { MergeStep, TownSource } from './county-plan.ts';

export interface CountyPageOptions {
  /** The county's name, e.g. 溪山区. */
  county: string;
  towns: readonly TownSource[];
  plan: readonly MergeStep[];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside a <script> element: `<` escaped so no value (a town's name) can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replaceAll('<', '\\u003c');

/**
 * In the browser. Each bundle's entry file is fetched first: a town that is down or not yet rebuilt is reported
 * and left out, instead of a failed merge breaking the search of every town. Results are limited to the towns'
 * `town` filter, so the county's own page (in its own index) never shows up among them. `performance.mark`s time
 * the merge and the first answer for the county benchmark; `window.gongkailanCounty` lets it query the merged
 * index directly.
 */
const SCRIPT = `
const root = document.querySelector('[data-county-search]');
const plan = JSON.parse(document.getElementById('county-plan').textContent);
const form = root.querySelector('form');
const input = form.elements.q;
const select = form.elements.town;
const status = root.querySelector('[role="status"]');
const list = root.querySelector('ol');
const LIMIT = 20;
root.hidden = false;
status.textContent = '正在载入各乡镇（街道）的检索索引……';
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({ excerptLength: 30 });
await pagefind.init();
const reachable = await Promise.all(
  plan.map((step) => fetch(step.bundle + 'pagefind-entry.json').then((r) => r.ok, () => false)),
);
const failed = new Set();
for (const [i, step] of plan.entries()) {
  if (!reachable[i]) {
    failed.add(step.town);
    continue;
  }
  try {
    await pagefind.mergeIndex(step.bundle, { baseUrl: step.baseUrl, mergeFilter: { town: step.town } });
  } catch {
    failed.add(step.town);
  }
}
const towns = [...new Set(plan.map((step) => step.town))];
performance.mark('county-merged');
window.gongkailanCounty = { pagefind, towns, failed: [...failed] };
const missing =
  failed.size === 0 ? '' : '以下乡镇（街道）的索引未能全部载入，结果可能不全：' + [...failed].join('、') + '。';

const plainText = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

async function run() {
  const query = input.value.trim();
  const town = select.value;
  list.replaceChildren();
  if (query === '') {
    status.textContent = '请输入关键词。' + missing;
    return;
  }
  status.textContent = '正在检索……';
  const search = await pagefind.search(query, { filters: { town: town === '' ? { any: towns } : town } });
  const results = search?.results ?? [];
  const shown = await Promise.all(results.slice(0, LIMIT).map((r) => r.data()));
  for (const data of shown) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta?.title ?? data.url;
    const where = document.createElement('span');
    // Pagefind filters by mergeFilter but does not return it in a result's data: the link's site names the town.
    where.textContent = '（' + (plan.find((step) => data.url.startsWith(step.baseUrl))?.town ?? '') + '）';
    const excerpt = document.createElement('p');
    excerpt.textContent = plainText(data.excerpt ?? '');
    item.append(link, where, excerpt);
    list.append(item);
  }
  status.textContent =
    (results.length === 0
      ? '没有找到结果。'
      : '找到 ' + results.length + ' 条结果' + (results.length > LIMIT ? '，显示前 ' + LIMIT + ' 条。' : '。')) + missing;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  if (input.value.trim() !== '') params.set('q', input.value.trim());
  if (select.value !== '') params.set('town', select.value);
  history.replaceState(null, '', params.size === 0 ? location.pathname : '?' + params);
  await run();
});
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
select.value = towns.includes(params.get('town')) ? params.get('town') : '';
await run();
performance.mark('county-answered');
`;

export function countyPage({ county, towns, plan }: CountyPageOptions): string {
  const title = `${county}村务公开`;
  const townItems = towns
    .map((t) => `<li><a href="${escapeHtml(t.url)}">${escapeHtml(t.name)}</a></li>`)
    .join('\n        ');
  const townOptions = towns.map((t) => `<option value="${escapeHtml(t.name)}">${escapeHtml(t.name)}</option>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; line-height: 1.6; max-width: 48rem; margin: 0 auto; padding: 1rem; }
      form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      label { display: flex; flex-direction: column; }
      input, select, button { font: inherit; padding: 0.3rem; }
    </style>
  </head>
  <body>
    <main data-pagefind-body>
      <h1>${escapeHtml(title)}</h1>
      <p>本站汇集${escapeHtml(county)}各乡镇（街道）的村务公开栏，内容以各乡镇（街道）网站为准。</p>
      <h2>乡镇（街道）</h2>
      <ul>
        ${townItems}
      </ul>
      <section data-county-search hidden aria-labelledby="county-search-title">
        <h2 id="county-search-title">全县检索</h2>
        <form role="search" method="get" aria-labelledby="county-search-title">
          <label>关键词<input name="q" type="search"></label>
          <label>乡镇（街道）<select name="town"><option value="">全部</option>${townOptions}</select></label>
          <button type="submit">检索</button>
        </form>
        <p role="status" aria-live="polite"></p>
        <ol></ol>
      </section>
    </main>
    <script type="application/json" id="county-plan">${scriptJson(plan)}</script>
    <script type="module">${SCRIPT}</script>
  </body>
</html>
`;
}

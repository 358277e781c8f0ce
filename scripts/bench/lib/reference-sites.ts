/**
 * Prepares the reference builds of the pipeline benchmark from a generated content directory.
 *
 * Hugo (0.111, Debian) reads our Markdown entries as they are: YAML front matter, and `published` is one of
 * Hugo's own aliases of publishDate. Statistics are JSON files, which Hugo 0.111 cannot turn into pages (content
 * adapters came in 0.126), so each becomes a Markdown file with the same JSON as front matter. This copy happens
 * before the timed run.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A statistics JSON file as a Hugo page: JSON front matter (Hugo accepts a leading `{…}` object) and a title. */
export function statsAsHugoPage(json: string, id: string): string {
  const data = JSON.parse(json) as Record<string, unknown>;
  return `${JSON.stringify({ title: `${String(data.place)} ${String(data.month)} 治理统计`, ...data, id }, null, 2)}\n`;
}

/** Lay out a Hugo content folder for `corpusDir` under `siteDir/content`. */
export function prepareHugoContent(corpusDir: string, siteDir: string): void {
  const content = path.join(siteDir, 'content');
  rmSync(content, { recursive: true, force: true });
  for (const section of ['notices', 'meetings', 'legal']) {
    cpSync(path.join(corpusDir, section), path.join(content, section), { recursive: true });
  }
  const stats = path.join(content, 'stats');
  mkdirSync(stats, { recursive: true });
  for (const name of readdirSync(path.join(corpusDir, 'stats'))) {
    const id = name.replace(/\.json$/, '');
    writeFileSync(
      path.join(stats, `${id}.md`),
      statsAsHugoPage(readFileSync(path.join(corpusDir, 'stats', name), 'utf8'), id),
    );
  }
}

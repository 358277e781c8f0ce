/**
 * RSS 2.0 feeds, written by hand: the format is small, and owning it keeps the publishing filter in one place
 * (items come from src/data, which has already dropped drafts and scheduled items).
 */

export interface FeedItem {
  title: string;
  /** Absolute URL of the page. */
  link: string;
  /** Publish day, YYYY-MM-DD (China time). */
  date: string;
  description?: string | undefined;
  category?: string | undefined;
  /** Item id when it differs from the link (a corrected or withdrawn entry gets a new one); not a permalink. */
  guid?: string | undefined;
}

export interface Feed {
  title: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  description: string;
  items: readonly FeedItem[];
}

/** Escape text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** RFC 822 date of midnight China time (UTC+8) on `day`, as RSS requires. */
export function rfc822(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toUTCString();
}

/** The feed as an RSS 2.0 document, items newest first. */
export function renderRss(feed: Feed): string {
  const items = [...feed.items].sort((a, b) => b.date.localeCompare(a.date));
  const item = (i: FeedItem) =>
    [
      '    <item>',
      `      <title>${escapeXml(i.title)}</title>`,
      `      <link>${escapeXml(i.link)}</link>`,
      i.guid === undefined
        ? `      <guid isPermaLink="true">${escapeXml(i.link)}</guid>`
        : `      <guid isPermaLink="false">${escapeXml(i.guid)}</guid>`,
      `      <pubDate>${rfc822(i.date)}</pubDate>`,
      i.category === undefined ? '' : `      <category>${escapeXml(i.category)}</category>`,
      i.description === undefined ? '' : `      <description>${escapeXml(i.description)}</description>`,
      '    </item>',
    ]
      .filter((line) => line !== '')
      .join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    '    <language>zh-CN</language>',
    items[0] === undefined ? '' : `    <lastBuildDate>${rfc822(items[0].date)}</lastBuildDate>`,
    ...items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The HTTP response of a feed endpoint (Astro writes its body to the .xml file). */
export function rssResponse(feed: Feed): Response {
  return new Response(renderRss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

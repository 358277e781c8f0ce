/**
 * Public URLs of the site's pages, in one place so links, feeds, the sitemap and QR codes agree.
 * Every path ends with a slash (`trailingSlash: 'always'`).
 */
export const routes = {
  home: () => '/',
  contact: () => '/contact/',
  places: () => '/places/',
  place: (id: string) => `/places/${id}/`,
  placeFeed: (id: string) => `/places/${id}/feed.xml`,
  placeStats: (id: string) => `/stats/place/${id}/`,
  stats: () => '/stats/',
  notices: () => '/notices/',
  notice: (id: string) => `/notices/${id}/`,
  noticePrint: (id: string) => `/notices/${id}/print/`,
  noticesByPlace: (id: string) => `/notices/place/${id}/`,
  noticesByCategory: (category: string) => `/notices/category/${category}/`,
  noticesByYear: (year: string) => `/notices/year/${year}/`,
  noticesByStatus: (status: string) => `/notices/status/${status}/`,
  noticesFeed: () => '/notices/feed.xml',
  meetings: () => '/meetings/',
  meeting: (id: string) => `/meetings/${id}/`,
  meetingsByPlace: (id: string) => `/meetings/place/${id}/`,
  decisions: () => '/meetings/decisions/',
  meetingsFeed: () => '/meetings/feed.xml',
  legal: () => '/legal/',
  legalItem: (id: string) => `/legal/${id}/`,
  legalByTopic: (topic: string) => `/legal/topic/${topic}/`,
  legalByType: (type: string) => `/legal/type/${type}/`,
  legalFeed: () => '/legal/feed.xml',
} as const;

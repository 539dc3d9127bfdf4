import { renderPage, feed } from '../dist/site/data.js';

export const data = { permalink: 'feed.xml', eleventyExcludeFromCollections: true };

// `build --origin`, else firebreak.yml `site.origin`, else links relative to the feed.
export const render = (data) => renderPage(data, (site) => feed(site, process.env.FIREBREAK_ORIGIN || undefined));

import { feed } from '../dist/site/data.js';

export const data = { permalink: 'feed.xml', eleventyExcludeFromCollections: true };

export function render(data) {
  // `build --origin`, else firebreak.yml `site.origin`, else links relative to the feed.
  return feed(data.firebreak, process.env.FIREBREAK_ORIGIN || undefined);
}

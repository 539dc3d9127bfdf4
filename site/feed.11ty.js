import { feed, currentSite } from '../dist/site/data.js';

export const data = { permalink: 'feed.xml', eleventyExcludeFromCollections: true };

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  // `build --origin`, else firebreak.yml `site.origin`, else links relative to the feed.
  return feed(site, process.env.FIREBREAK_ORIGIN || undefined);
}

import { incidentPage, currentSite, pagePath } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.incidents', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `${pagePath(data.item).slice(1)}index.html`,
  eleventyExcludeFromCollections: true,
};

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return incidentPage(site, site.incidents[data.pagination.pageNumber]);
}

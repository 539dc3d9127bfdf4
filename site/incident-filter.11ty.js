import { facetPage, currentSite } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.facets', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `incidents/${data.item.facet}/${data.item.value}/index.html`,
  eleventyExcludeFromCollections: true,
};

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return facetPage(site, site.facets[data.pagination.pageNumber]);
}

import { facetPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.facets', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `incidents/${data.item.facet}/${data.item.value}/index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return facetPage(data.firebreak, data.item);
}

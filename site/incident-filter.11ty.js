import { renderPage, facetPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.facets', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `incidents/${data.item.facet}/${data.item.value}/index.html`,
  eleventyExcludeFromCollections: true,
};

export const render = (data) => renderPage(data, (site) => facetPage(site, site.facets[data.pagination.pageNumber]));

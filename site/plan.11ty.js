import { renderPage, planPage, pagePath } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.plans', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `${pagePath(data.item.doc).slice(1)}index.html`,
  eleventyExcludeFromCollections: true,
};

export const render = (data) => renderPage(data, (site) => planPage(site, site.plans[data.pagination.pageNumber]));

import { renderPage, incidentPage, pagePath } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.incidents', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `${pagePath(data.item).slice(1)}index.html`,
  eleventyExcludeFromCollections: true,
};

export const render = (data) => renderPage(data, (site) => incidentPage(site, site.incidents[data.pagination.pageNumber]));

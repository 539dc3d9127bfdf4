import { buildIncidentReport, reportPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.incidents', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `incidents/${data.item.id.toLowerCase()}/report/index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  const site = data.firebreak;
  return reportPage(site, data.item, buildIncidentReport(site.model, data.item, site.now));
}

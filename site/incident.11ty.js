import { incidentPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.incidents', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `incidents/${data.item.id.toLowerCase()}/index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return incidentPage(data.firebreak, data.item);
}

import { planPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.plans', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `plans/${data.item.doc.id}/index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return planPage(data.firebreak, data.item);
}

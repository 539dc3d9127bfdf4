import { callSheetPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.plans', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `plans/${data.item.doc.id}/call-sheet/index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return callSheetPage(data.firebreak, data.item);
}

import { contactPage } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.contacts', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `contacts/${data.item.doc.id}/index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return contactPage(data.firebreak, data.item);
}

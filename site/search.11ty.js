import { searchPage } from '../dist/site/data.js';

export const data = { permalink: 'search/index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return searchPage(data.firebreak);
}

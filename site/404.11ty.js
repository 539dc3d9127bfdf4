import { notFoundPage } from '../dist/site/data.js';

export const data = { permalink: '404.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return notFoundPage(data.firebreak);
}

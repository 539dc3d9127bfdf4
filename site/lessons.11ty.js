import { lessonsPage } from '../dist/site/data.js';

export const data = { permalink: 'lessons/index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return lessonsPage(data.firebreak);
}

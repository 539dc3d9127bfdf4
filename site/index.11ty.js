import { dashboardPage } from '../dist/site/data.js';

export const data = { permalink: 'index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return dashboardPage(data.firebreak);
}

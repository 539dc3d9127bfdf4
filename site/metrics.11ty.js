import { metricsPage } from '../dist/site/data.js';

export const data = { permalink: 'metrics/index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return metricsPage(data.firebreak);
}

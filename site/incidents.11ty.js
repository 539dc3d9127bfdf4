import { incidentsPage } from '../dist/site/data.js';

export const data = { permalink: 'incidents/index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return incidentsPage(data.firebreak);
}

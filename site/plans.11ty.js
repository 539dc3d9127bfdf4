import { plansPage } from '../dist/site/data.js';

export const data = { permalink: 'plans/index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return plansPage(data.firebreak);
}

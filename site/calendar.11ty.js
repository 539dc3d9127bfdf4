import { calendar } from '../dist/site/data.js';

export const data = { permalink: 'calendar.ics', eleventyExcludeFromCollections: true };

export function render(data) {
  return calendar(data.firebreak);
}

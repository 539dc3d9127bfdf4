import { feed } from '../dist/site/data.js';

export const data = { permalink: 'feed.xml', eleventyExcludeFromCollections: true };

export function render(data) {
  return feed(data.firebreak, process.env.FIREBREAK_ORIGIN ?? 'https://firebreak.invalid');
}

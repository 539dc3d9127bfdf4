import { callSheetsPage } from '../dist/site/data.js';

// Call sheets name people and their numbers: not in a public build.
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'call-sheets/index.html'), eleventyExcludeFromCollections: true };

export function render(data) {
  return callSheetsPage(data.firebreak);
}

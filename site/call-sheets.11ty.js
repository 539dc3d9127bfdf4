import { callSheetsPage, currentSite } from '../dist/site/data.js';

// Call sheets name people and their numbers: not in a public build.
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'call-sheets/index.html'), eleventyExcludeFromCollections: true };

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return callSheetsPage(site);
}

import { plansPage, currentSite } from '../dist/site/data.js';

// Plans (who is called, in what order, with which access) are not published in a public build.
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'plans/index.html'), eleventyExcludeFromCollections: true };

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return plansPage(site);
}

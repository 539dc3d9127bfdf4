import { calendar, currentSite } from '../dist/site/data.js';

export const data = { permalink: 'calendar.ics', eleventyExcludeFromCollections: true };

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return calendar(site);
}

import { contactsPage, currentSite } from '../dist/site/data.js';

// The public build has no directory of people (see the README, "The site").
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'contacts/index.html'), eleventyExcludeFromCollections: true };

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return contactsPage(site);
}

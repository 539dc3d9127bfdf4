import { contactPage, currentSite, pagePath } from '../dist/site/data.js';

export const data = {
  pagination: { data: 'firebreak.contacts', size: 1, alias: 'item', addAllPagesToCollections: false },
  permalink: (data) => `${pagePath(data.item.doc).slice(1)}index.html`,
  eleventyExcludeFromCollections: true,
};

export async function render(data) {
  // The kit's own objects, not Eleventy's wrapped copies of them: indexes kept per object hold.
  const site = await currentSite();
  return contactPage(site, site.contacts[data.pagination.pageNumber]);
}

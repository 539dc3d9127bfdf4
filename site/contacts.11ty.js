import { renderPage, contactsPage } from '../dist/site/data.js';

// The public build has no directory of people (see the README, "The site").
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'contacts/index.html'), eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => contactsPage(site));

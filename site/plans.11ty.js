import { renderPage, plansPage } from '../dist/site/data.js';

// Plans (who is called, in what order, with which access) are not published in a public build.
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'plans/index.html'), eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => plansPage(site));

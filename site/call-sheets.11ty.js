import { renderPage, callSheetsPage } from '../dist/site/data.js';

// Call sheets name people and their numbers: not in a public build.
export const data = { permalink: (data) => (data.firebreak.audience === 'public' ? false : 'call-sheets/index.html'), eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => callSheetsPage(site));

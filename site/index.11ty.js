import { renderPage, dashboardPage } from '../dist/site/data.js';

export const data = { permalink: 'index.html', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => dashboardPage(site));

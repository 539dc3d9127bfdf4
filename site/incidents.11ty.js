import { renderPage, incidentsPage } from '../dist/site/data.js';

export const data = { permalink: 'incidents/index.html', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => incidentsPage(site));

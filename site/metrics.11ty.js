import { renderPage, metricsPage } from '../dist/site/data.js';

export const data = { permalink: 'metrics/index.html', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => metricsPage(site));

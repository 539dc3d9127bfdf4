import { renderPage, notFoundPage } from '../dist/site/data.js';

export const data = { permalink: '404.html', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => notFoundPage(site));

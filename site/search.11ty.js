import { renderPage, searchPage } from '../dist/site/data.js';

export const data = { permalink: 'search/index.html', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => searchPage(site));

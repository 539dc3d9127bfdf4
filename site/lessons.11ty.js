import { renderPage, lessonsPage } from '../dist/site/data.js';

export const data = { permalink: 'lessons/index.html', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => lessonsPage(site));

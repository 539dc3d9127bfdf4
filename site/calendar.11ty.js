import { renderPage, calendar } from '../dist/site/data.js';

export const data = { permalink: 'calendar.ics', eleventyExcludeFromCollections: true };

export const render = (data) => renderPage(data, (site) => calendar(site));

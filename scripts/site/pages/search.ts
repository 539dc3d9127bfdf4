// Search with Pagefind's index; the page explains itself without JavaScript.

import { html } from '../html.js';
import type { SiteData } from '../site-data.js';
import { layout } from './layout.js';

export function searchPage(site: SiteData): string {
  const internal = site.audience !== 'public';
  const body = html`<h1>Search</h1>
<form class="search" action="${site.base}search/" method="get" role="search">
<label for="q">Search ${internal ? 'incidents, contacts and plans' : 'incidents'}</label>
<input id="q" name="q" type="search" autocomplete="off">
<button type="submit">Search</button>
</form>
<div id="results" aria-live="polite"></div>
<noscript><p>Search needs JavaScript. Without it, use the <a href="${site.base}incidents/">incidents</a>${internal ? html`, <a href="${site.base}contacts/">contacts</a> and <a href="${site.base}plans/">plans</a> lists` : html` list`}.</p></noscript>`;
  return layout(site, { title: 'Search', section: 'search', body, scripts: ['assets/search.js'] });
}

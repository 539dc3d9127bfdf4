// The incidents list, filtered by year, severity, status or category without JavaScript.

import type { IncidentDoc } from '../../core/model/types.js';
import { html, type Raw } from '../html.js';
import type { FacetPage, SiteData } from '../site-data.js';
import { layout } from './layout.js';
import { badge, contactLink, incidentLink, whenValue } from './parts.js';
import { timesOf } from '../../core/model/times.js';

function table(site: SiteData, docs: IncidentDoc[]): Raw {
  if (docs.length === 0) return html`<p class="none">No incidents in this build.</p>`;
  return html`<table class="incidents"><caption class="sr-only">Incidents, newest first</caption>
<thead><tr><th scope="col">Incident</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Detected</th><th scope="col">Commander</th></tr></thead>
<tbody>${docs.map((d) => html`<tr><td>${incidentLink(site, d)}${d.data.kind === 'exercise' ? html` ${badge('kind', 'exercise')}` : html``}</td><td>${d.data.title}</td><td>${badge('severity', d.data.severity)}</td><td>${badge('status', d.data.status)}</td><td>${d.data.category ?? '—'}</td><td>${whenValue(timesOf(d).milestones.detected)}</td><td>${contactLink(site, d.data.commander)}</td></tr>`)}</tbody></table>`;
}

function filters(site: SiteData, current?: FacetPage): Raw {
  const groups = ['year', 'severity', 'status', 'category'] as const;
  return html`<nav class="filters" aria-label="Filter incidents">
<a href="${site.base}incidents/"${current ? html`` : html` aria-current="page"`}>All (${site.incidents.length})</a>
${groups.map((g) => html`<span class="filter-group"><span class="filter-label">${g}:</span> ${site.facets.filter((f) => f.facet === g).map((f) => html`<a href="${f.url}"${current === f ? html` aria-current="page"` : html``}>${f.value} (${f.incidents.length})</a> `)}</span>`)}
</nav>`;
}

export function incidentsPage(site: SiteData): string {
  return layout(site, { title: 'Incidents', section: 'incidents', body: html`<h1>Incidents and exercises</h1>${filters(site)}${table(site, site.incidents)}` });
}

export function facetPage(site: SiteData, page: FacetPage): string {
  return layout(site, { title: `Incidents: ${page.facet} ${page.value}`, section: 'incidents', body: html`<h1>Incidents: ${page.facet} ${page.value}</h1>${filters(site, page)}${table(site, page.incidents)}` });
}

// Who to call: the directory grouped by type and team, with freshness, and one page per contact.

import { html, raw } from '../html.js';
import { renderMarkdown } from '../markdown.js';
import type { ContactView, SiteData } from '../site-data.js';
import { layout } from './layout.js';
import { shapedBy } from './lessons-part.js';
import { lessonsOfTarget } from '../../core/model/lessons.js';
import { badge, contactLink, contactList, firstChannel, freshness, incidentLink, channelValue } from './parts.js';

const GROUPS: [string, string][] = [['team', 'Teams'], ['person', 'People'], ['vendor', 'Vendors'], ['external', 'Outside parties']];

function row(c: ContactView) {
  const d = c.doc.data;
  return html`<tr><td><a href="${c.url}">${d.name}</a>${d.title ? html`<br><span class="muted">${d.title}</span>` : html``}</td><td>${(d.roles ?? []).join(', ')}</td><td>${firstChannel(c)}</td><td>${freshness(c)}</td></tr>`;
}

export function contactsPage(site: SiteData): string {
  const groups = GROUPS.map(([type, label]) => {
    const members = site.contacts.filter((c) => c.doc.data.type === type);
    if (members.length === 0) return html``;
    const byTeam = type === 'person' ? [...new Set(members.map((c) => c.doc.data.team ?? ''))].sort() : [''];
    return html`<section aria-labelledby="g-${type}"><h2 id="g-${type}">${label}</h2>
${byTeam.map((team) => {
  const rows = members.filter((c) => type !== 'person' || (c.doc.data.team ?? '') === team);
  const teamView = team ? site.contact(team) : undefined;
  return html`${type === 'person' ? html`<h3>${teamView ? teamView.doc.data.name : team || 'No team'}</h3>` : html``}
<table class="directory"><caption class="sr-only">${label}${team ? `: ${team}` : ''}</caption><thead><tr><th scope="col">Name</th><th scope="col">Roles</th><th scope="col">First channel</th><th scope="col">Freshness</th></tr></thead><tbody>${rows.map(row)}</tbody></table>`;
})}</section>`;
  });
  return layout(site, { title: 'Contacts', section: 'contacts', body: html`<h1>Contacts</h1><p>Ordered by name; the first channel is the preferred one. Freshness: when the details were last verified.</p>${groups}` });
}

export function contactPage(site: SiteData, c: ContactView): string {
  const d = c.doc.data;
  const body = html`<article data-pagefind-body>
<header class="doc-head"><p class="kicker" data-pagefind-meta="status[data-status]" data-status="${d.status}"><span data-pagefind-meta="type">contact</span> · ${d.type}${d.organisation ? ` · ${d.organisation}` : ''}</p><h1 data-pagefind-weight="7">${d.name}</h1>
<p class="badges">${freshness(c)} ${d.status === 'departed' ? badge('status', 'departed') : html``}</p>
${d.title ? html`<p>${d.title}</p>` : html``}</header>
<section aria-labelledby="h-reach"><h2 id="h-reach">How to reach</h2>
${c.channels.length === 0 ? html`<p class="none">No channel is published in this build.</p>` : html`<ol class="channels">${c.channels.map((ch) => html`<li><span class="channel-type">${ch.type}</span> ${channelValue(ch)}${ch.label ? html` <span class="muted">(${ch.label})</span>` : html``}</li>`)}</ol>`}
<dl class="facts">${d.hours ? html`<dt>Hours</dt><dd>${d.hours}</dd>` : html``}${d.timezone ? html`<dt>Time zone</dt><dd>${d.timezone}</dd>` : html``}
<dt>If unreachable, call</dt><dd>${contactList(site, d.backups)}</dd>
<dt>Backs up</dt><dd>${c.backupFor.length ? html`${c.backupFor.map((b, i) => html`${i ? ', ' : ''}${contactLink(site, b.id)}`)}` : html`<span class="none">nobody</span>`}</dd>
${d.team ? html`<dt>Team</dt><dd>${contactLink(site, d.team)}</dd>` : html``}
<dt>Last verified</dt><dd>${d.last_verified} by ${contactLink(site, d.verified_by)}${d.verified_method ? ` (${d.verified_method})` : ''}; next due ${c.freshness.due}</dd></dl>
</section>
${d.contract ? html`<section aria-labelledby="h-contract"><h2 id="h-contract">Contract</h2><dl class="facts">${d.contract.reference ? html`<dt>Reference</dt><dd>${d.contract.reference}</dd>` : html``}${d.contract.sla ? html`<dt>SLA</dt><dd>${d.contract.sla}</dd>` : html``}${d.contract.expires ? html`<dt>Expires</dt><dd>${d.contract.expires}</dd>` : html``}${d.contract.portal ? html`<dt>Portal</dt><dd><a href="${d.contract.portal}" rel="noopener noreferrer">${d.contract.portal}</a></dd>` : html``}</dl></section>` : html``}
<section aria-labelledby="h-can"><h2 id="h-can">Roles, systems and access</h2><dl class="facts">
<dt>Incident roles</dt><dd>${(d.roles ?? []).join(', ') || '—'}</dd>
<dt>Owns</dt><dd>${(d.owns ?? []).join(', ') || '—'}</dd>
<dt>Can do</dt><dd>${(d.access ?? []).length ? html`<ul>${(d.access ?? []).map((a) => html`<li>${a}</li>`)}</ul>` : '—'}</dd></dl></section>
<section aria-labelledby="h-plans"><h2 id="h-plans">In plans</h2>
${c.roles.length === 0 ? html`<p class="none">Not named in any plan.</p>` : html`<ul>${c.roles.map((r) => html`<li><a href="${site.plan(r.plan.id)!.url}">${r.plan.data.title}</a>: ${r.role}${r.rank === 0 ? ' (first choice)' : ` (choice ${r.rank + 1})`}</li>`)}</ul>`}</section>
${c.doc.data.revisions?.length || lessonsOfTarget(site.model, 'contact', c.doc.id).pending.length ? shapedBy(site, 'contact', c.doc.id) : html``}
<section aria-labelledby="h-incidents"><h2 id="h-incidents">In incidents</h2>
${c.incidents.length === 0 ? html`<p class="none">None in this build.</p>` : html`<ul>${c.incidents.map((i) => html`<li>${incidentLink(site, i)} ${i.data.title}</li>`)}</ul>`}</section>
${c.doc.body.trim() ? html`<section aria-labelledby="h-notes"><h2 id="h-notes">Notes</h2><div class="prose">${raw(renderMarkdown(c.doc.body, c.doc.file, site.links, site.base))}</div></section>` : html``}
</article>`;
  return layout(site, { title: d.name, section: 'contacts', body, problems: site.problems[c.doc.file] });
}

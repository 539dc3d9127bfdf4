// Plans with their roles resolved to contacts, and a printable call sheet for each.

import { html, raw } from '../html.js';
import { renderMarkdown } from '../markdown.js';
import type { PlanView, SiteData } from '../site-data.js';
import { layout } from './layout.js';
import { shapedBy } from './lessons-part.js';
import { channelValue, contactLink, contactList, firstChannel, incidentLink } from './parts.js';
import { BUILTIN_REGIMES } from '../../core/regimes/builtin.js';
import { periodText } from '../../core/regimes/clock.js';
import type { Regime } from '../../core/regimes/types.js';
import { planRegime } from '../../core/model/duties.js';

function dueState(site: SiteData, due: string | undefined): string {
  if (!due) return 'stale';
  if (due < site.now.date) return 'stale';
  const days = (Date.parse(due) - Date.parse(site.now.date)) / 86_400_000;
  return days <= site.policy.plan_due_soon_days ? 'soon' : 'fresh';
}

export function plansPage(site: SiteData): string {
  const body = html`<h1>Plans</h1>
<table><caption class="sr-only">Response plans</caption><thead><tr><th scope="col">Plan</th><th scope="col">Owner</th><th scope="col">Review due</th><th scope="col">Exercise due</th><th scope="col">Call sheet</th></tr></thead>
<tbody>${site.plans.map((p) => html`<tr><td><a href="${p.url}">${p.doc.data.title}</a></td><td>${contactLink(site, p.doc.data.owner)}</td><td><span class="fresh fresh-${dueState(site, p.reviewDue)}">${p.reviewDue}</span></td><td><span class="fresh fresh-${dueState(site, p.exerciseDue)}">${p.exerciseDue ?? '—'}</span>${p.lastExercised ? html`` : html` <span class="muted">(never exercised)</span>`}</td><td><a href="${p.callSheetUrl}">print</a></td></tr>`)}</tbody></table>`;
  return layout(site, { title: 'Plans', section: 'plans', body });
}

export function planPage(site: SiteData, p: PlanView): string {
  const d = p.doc.data;
  const body = html`<article data-pagefind-body>
<header class="doc-head"><p class="kicker"><span data-pagefind-meta="type">Plan</span> <span data-pagefind-meta="id">${p.doc.id}</span></p><h1 data-pagefind-weight="7">${d.title}</h1>
${d.scope?.summary ? html`<p>${d.scope.summary}</p>` : html``}
<dl class="facts"><dt>Owner</dt><dd>${contactLink(site, d.owner)}</dd>
<dt>Reviewed</dt><dd>${d.last_reviewed}; next review due <span class="fresh fresh-${dueState(site, p.reviewDue)}">${p.reviewDue}</span></dd>
<dt>Exercised</dt><dd>${p.lastExercised ? `${p.lastExercised.date}${p.lastExercised.source === 'last_exercised' ? '' : ` (${p.lastExercised.source})`}` : 'never'}; next due <span class="fresh fresh-${dueState(site, p.exerciseDue)}">${p.exerciseDue ?? 'now'}</span></dd>
${d.scope?.categories ? html`<dt>Attack vectors</dt><dd>${d.scope.categories.join(', ')}</dd>` : html``}
${d.scope?.systems ? html`<dt>Systems</dt><dd>${d.scope.systems.join(', ')}</dd>` : html``}</dl>
<p><a class="button" href="${p.callSheetUrl}">Printable call sheet</a></p></header>
<section aria-labelledby="h-roles"><h2 id="h-roles">Roles</h2>
<table><caption class="sr-only">Roles and who fills them, in order of preference</caption><thead><tr><th scope="col">Role</th><th scope="col">Contacts, in order</th><th scope="col">First choice's channel</th></tr></thead>
<tbody>${Object.entries(d.roles).map(([role, ids]) => {
  const active = ids.map((id) => site.contact(id)).filter((c) => c && c.doc.data.status === 'active');
  return html`<tr${raw(active.length === 0 ? ' class="row-overdue"' : '')}><th scope="row">${role}</th><td>${contactList(site, ids)}${active.length === 0 ? html` <span class="badge badge-flag-overdue">no active contact</span>` : html``}</td><td>${firstChannel(active[0])}</td></tr>`;
})}</tbody></table></section>
<section aria-labelledby="h-escalation"><h2 id="h-escalation">Escalation</h2>
${(d.escalation ?? []).length === 0 ? html`<p class="none">No escalation chain.</p>` : html`<ol>${(d.escalation ?? []).map((e) => html`<li>After ${e.after_minutes} min without an answer: ${contactList(site, e.contacts)}${e.note ? html` — ${e.note}` : html``}</li>`)}</ol>`}</section>
<section aria-labelledby="h-notify"><h2 id="h-notify">Who must be told</h2>
${(d.notify ?? []).length === 0 ? html`<p class="none">No notification duties.</p>` : html`<table><caption class="sr-only">Notification duties</caption><thead><tr><th scope="col">Audience</th><th scope="col">Within</th><th scope="col">When</th><th scope="col">Through</th><th scope="col">Note</th></tr></thead>
<tbody>${(d.notify ?? []).map((n) => html`<tr><td>${n.audience}</td><td>${n.within_hours} h</td><td>${n.when}</td><td>${contactList(site, n.contacts)}</td><td>${n.note ?? ''}</td></tr>`)}</tbody></table>`}</section>
<section aria-labelledby="h-steps"><h2 id="h-steps">Steps</h2><div class="prose">${raw(renderMarkdown(p.doc.body, p.doc.file, site.links, site.base))}</div></section>
${shapedBy(site, 'plan', p.doc.id)}
<section aria-labelledby="h-used"><h2 id="h-used">Incidents and exercises that used it</h2>
${p.incidents.length === 0 ? html`<p class="none">None in this build.</p>` : html`<ul>${p.incidents.map((i) => html`<li>${incidentLink(site, i)} ${i.data.title}</li>`)}</ul>`}</section>
</article>`;
  return layout(site, { title: d.title, section: 'plans', body, problems: site.problems[p.doc.file] });
}

/** Who must be told under a plan: one line per declared regime (its stages) and per duty of the plan's own. */
function mustBeTold(site: SiteData, p: PlanView): { who: string; when: string }[] {
  const byId = new Map([...BUILTIN_REGIMES, ...site.config.regimeDefinitions].map((r) => [r.id, r]));
  const regimes = (p.doc.data.regimes ?? site.config.regimes).map((id) => byId.get(id)).filter((r): r is Regime => r !== undefined);
  const clock = (st: Regime['stages'][number]) => st.clocks.map((c) => `${periodText(c.period, site.policy.undue_delay_hours).replace(/ \(.*\)$/, '')} from ${c.starts.replace(/^decision:/, '').replace(/^stage:/, '').replace('detected', 'awareness')}`).join(', at the latest ');
  const cond = (w: Regime['when']) => [w?.personal_data ? 'personal data' : '', w?.decision ?? ''].filter(Boolean).join(', ');
  const out = regimes.map((r) => ({
    who: `${r.name}${cond(r.when) ? ` (if ${cond(r.when)})` : ''}`,
    when: r.stages.map((st) => `${st.name.replace(/^Notify the |^Tell the /, '').replace(/^Notify /, '')}: ${clock(st)}${st.when?.decision ? ` if ${st.when.decision}` : ''}`).join('; '),
  }));
  const own = planRegime(p.doc);
  for (const st of own?.stages ?? []) out.push({ who: `${st.audience}${st.contacts?.length ? ` (${st.contacts.map((id) => site.contact(id)?.doc.data.name ?? id).join(', ')})` : ''}`, when: clock(st) });
  return out;
}

/** The call sheet: everyone the plan names, how to reach them, who to escalate to, and who must be told. One page of paper. */
export function callSheetPage(site: SiteData, p: PlanView): string {
  const d = p.doc.data;
  const told = mustBeTold(site, p);
  const body = html`<article class="call-sheet">
<h1>Call sheet: ${d.title}</h1>
<p class="muted">As of ${site.now.date} (${site.audience} build). For when chat and single sign-on are down. Plan owner: ${site.contact(d.owner)?.doc.data.name ?? d.owner}.</p>
<table class="sheet"><caption class="sr-only">Every role's contacts, in order of preference, and how to reach them</caption><thead><tr><th scope="col">Role</th><th scope="col">Contact</th><th scope="col">Phone</th><th scope="col">Other channels</th><th scope="col">Hours</th></tr></thead>
<tbody>${Object.entries(d.roles).map(([role, ids]) => html`${ids.map((id, i) => {
  const c = site.contact(id);
  const phones = (c?.channels ?? []).filter((ch) => ch.type === 'phone' || ch.type === 'pager' || ch.type === 'sms');
  const others = (c?.channels ?? []).filter((ch) => !phones.includes(ch));
  return html`<tr${raw(i === 0 ? ' class="first"' : '')}>${i === 0 ? html`<th scope="row" rowspan="${ids.length}">${role}</th>` : html``}<td>${c ? c.doc.data.name : id}${c?.doc.data.status === 'departed' ? ' (departed)' : ''}</td><td>${phones.length ? html`${phones.map((ch, j) => html`${j ? html`<br>` : html``}${channelValue(ch)}${ch.type === 'phone' ? html`` : html` <span class="muted">${ch.type}</span>`}`)}` : html`<span class="none">&#8212;</span>`}</td><td>${others.length ? html`${others.map((ch, j) => html`${j ? html`<br>` : html``}${channelValue(ch)}`)}` : html`<span class="none">&#8212;</span>`}</td><td>${c?.doc.data.hours ?? ''}</td></tr>`;
})}`)}</tbody></table>
<div class="sheet-cols">
${(d.escalation ?? []).length ? html`<section><h2>Escalation</h2><ol>${(d.escalation ?? []).map((e) => html`<li>After ${e.after_minutes} min: ${e.contacts.map((id) => site.contact(id)?.doc.data.name ?? id).join(', ')}${e.note ? ` — ${e.note}` : ''}</li>`)}</ol></section>` : html``}
${told.length ? html`<section><h2>Who must be told</h2><ul>${told.map((t) => html`<li><strong>${t.who}</strong>: ${t.when}</li>`)}</ul></section>` : html``}
</div>
<p class="no-print"><a href="${p.url}">Back to the plan</a> · <a href="${site.base}call-sheets/">All call sheets</a></p>
</article>`;
  return layout(site, { title: `Call sheet: ${d.title}`, section: 'call-sheets', body, printClass: 'print-sheet' });
}

/** Every plan's call sheet, one tap from every page. */
export function callSheetsPage(site: SiteData): string {
  const body = html`<h1>Call sheets</h1>
<p>Who to call for each kind of incident, on one printable page. Print them now: they are for when chat and single sign-on are down.</p>
${site.plans.length === 0 ? html`<p class="none">No plans in this build.</p>` : html`<ul class="sheets">${site.plans.map((p) => html`<li><a class="button" href="${p.callSheetUrl}">${p.doc.data.title}</a></li>`)}</ul>`}
<p>Everyone, by team: <a href="${site.base}contacts/">the contact directory</a>.</p>`;
  return layout(site, { title: 'Call sheets', section: 'call-sheets', body });
}

// Notification duties as people read them during an incident: the clock table of one incident,
// and the dashboard's list of every running clock, soonest first.

import { dutiesFor, outstandingDuty, type Duty } from '../../core/model/duties.js';
import type { IncidentDoc } from '../../core/model/types.js';
import { humanDuration } from '../../core/time/duration.js';
import { html, raw, type Raw } from '../html.js';
import type { SiteData } from '../site-data.js';
import { badge, incidentLink, whenValue } from './parts.js';

export function dutiesOfDoc(site: SiteData, doc: IncidentDoc): Duty[] {
  return dutiesFor(doc, site.model, site.config, site.now).duties;
}

/** Time to spare, time left, or how late, in words. */
export function marginText(d: Duty): string {
  if (d.margin === undefined) return '';
  const m = humanDuration(Math.abs(d.margin));
  switch (d.state) {
    case 'met': return `${m} to spare`;
    case 'late': return `${m} late`;
    case 'due': return `${m} left`;
    case 'overdue': return `${m} overdue`;
    case 'may apply': return d.margin >= 0 ? `if it applies, ${m} left` : `if it applies, ${m} overdue`;
    default: return '';
  }
}

/** Why a duty is where it is, when the state alone does not say; who decided, named as the audience allows. */
function whyText(site: SiteData, d: Duty): string {
  if (d.state === 'decided not to') return d.notice?.notification.decision?.reason ?? '';
  if (d.state === 'not applicable') return d.notice?.notification.reason ?? `${d.why ?? ''}${d.decided?.by ? ` (${site.contact(d.decided.by)?.doc.data.name ?? site.label(d.decided.by)})` : ''}`;
  if (d.state === 'may apply') return d.why ?? '';
  if (d.state === 'waiting') return d.waitingFor ?? '';
  return '';
}

function stateBadge(d: Duty): Raw {
  return badge('duty', d.state.replace(/[^a-z]+/g, '-'), d.state);
}

/** The clock table of an incident: every stage, its clock, its deadline, and where it stands. */
export function clockTable(site: SiteData, doc: IncidentDoc): Raw {
  const all = dutiesOfDoc(site, doc);
  if (all.length === 0) return html``;
  // What still asks something first, then what was done; what does not apply is folded away.
  const rank = (d: Duty) => (outstandingDuty(d) ? 0 : d.state === 'not applicable' ? 2 : 1);
  const shown = all.filter((d) => rank(d) < 2).sort((a, b) => rank(a) - rank(b) || (a.deadline?.due ?? Infinity) - (b.deadline?.due ?? Infinity));
  const folded = all.filter((d) => rank(d) === 2);
  return html`<h3 id="h-duties">Notification duties</h3>
${shown.length ? table(site, shown, 'Notification duties: stage, clock, deadline and state') : html``}
${folded.length ? html`<details class="not-applicable"><summary>${folded.length} ${folded.length === 1 ? 'duty does' : 'duties do'} not apply</summary>
<ul>${folded.map((d) => html`<li>${d.stage.name} <span class="muted">(<code>${d.key}</code>)</span>: ${whyText(site, d)}</li>`)}</ul></details>` : html``}`;
}

function table(site: SiteData, duties: Duty[], caption: string): Raw {
  return html`<table class="duties"><caption class="sr-only">${caption}</caption>
<thead><tr><th scope="col">Duty</th><th scope="col">Clock starts</th><th scope="col">Deadline</th><th scope="col">Sent</th><th scope="col">State</th></tr></thead>
<tbody>${duties.map((d) => html`<tr${raw(d.state === 'overdue' ? ' class="row-overdue"' : d.state === 'late' ? ' class="row-slow"' : '')}>
<td><strong>${d.stage.name}</strong><br><span class="muted">${d.regime.name} · <code>${d.key}</code>${d.stage.reference ? html` · ${d.stage.reference}` : html``}</span></td>
<td>${d.start ? html`${d.start.event}: ${whenValue(d.start.value)}` : html`<span class="none">${d.waitingFor ?? '—'}</span>`}</td>
<td>${d.deadline ? html`${d.deadline.text}<br><span class="muted">${d.deadline.period}${d.deadline.skipped ? `, skipping ${d.deadline.skipped.join(', ')}` : ''}</span>` : html`<span class="none">&#8212;</span>`}</td>
<td>${d.notice?.at ? whenValue(d.notice.at) : html`<span class="none">&#8212;</span>`}${d.guessed ? html` <span class="muted">(names no duty; counted here)</span>` : html``}</td>
<td>${stateBadge(d)} ${marginText(d)}${whyText(site, d) ? html`<br><span class="muted">${whyText(site, d)}</span>` : html``}</td></tr>`)}</tbody></table>`;
}

/** Every running clock of every incident not closed, soonest first: the dashboard's list. */
export function runningClocks(site: SiteData, include: (doc: IncidentDoc) => boolean = () => true): Raw {
  const rows = site.incidents.filter((d) => d.data.status !== 'closed' && include(d))
    .flatMap((doc) => dutiesOfDoc(site, doc).filter((d) => outstandingDuty(d) && d.deadline).map((d) => ({ doc, d })))
    .sort((a, b) => a.d.deadline!.due - b.d.deadline!.due);
  if (rows.length === 0) return html`<p class="none">No notification deadline is running.</p>`;
  return html`<table class="duties"><caption class="sr-only">Notification deadlines, soonest first</caption>
<thead><tr><th scope="col">Incident</th><th scope="col">Duty</th><th scope="col">Deadline</th><th scope="col">State</th></tr></thead>
<tbody>${rows.map(({ doc, d }) => html`<tr${raw(d.state === 'overdue' ? ' class="row-overdue"' : '')}><td>${incidentLink(site, doc)}</td><td>${d.stage.name} <span class="muted">(<code>${d.key}</code>)</span></td><td>${d.deadline!.text}</td><td>${stateBadge(d)} ${marginText(d)}${d.state === 'may apply' ? html`<br><span class="muted">${d.why}</span>` : html``}</td></tr>`)}</tbody></table>`;
}

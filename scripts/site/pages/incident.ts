// One incident or exercise: milestones, durations, the record of the response, the body, lessons.

import { MILESTONES, type IncidentDoc } from '../../core/model/types.js';
import { durations, engagements } from '../../core/model/durations.js';
import { html, raw, type Raw } from '../html.js';
import { outstanding, STATUSES } from '../../core/requirements.js';
import { renderMarkdown } from '../markdown.js';
import { buildIncidentReport } from '../../core/brief/incident-report.js';
import { quickSections } from '../../core/brief/sections.js';
import { formatToDo, importToDo, isUnfinishedImport } from '../../core/model/imported.js';
import { reportFragment } from './report.js';
import type { SiteData } from '../site-data.js';
import { layout } from './layout.js';
import { reachOf } from '../../core/model/lessons.js';
import type { Lesson } from '../../core/model/types.js';
import type { ContactView, PlanView } from '../site-data.js';
import { clockTable, dutiesOfDoc } from './duties.js';
import { badge, contactLink, contactList, fact, lessonOwner, figure, incidentLink, whenValue } from './parts.js';
import { timesOf } from '../../core/model/times.js';
import { notices } from '../../core/model/notifications.js';
import { between, humanDuration } from '../../core/time/duration.js';
import { formatTime } from '../../core/time/format.js';
import { countOf } from '../../core/count.js';
import type { CountFact, TimeFact } from '../../core/model/types.js';

export function incidentPage(site: SiteData, doc: IncidentDoc): string {
  const x = doc.data;
  const plan = x.plan ? site.plan(x.plan) : undefined;
  const spans = durations(doc);
  const engaged = engagements(doc);
  const times = timesOf(doc, site.policy.approximate_minutes);
  // Notifications that discharge a duty are in the clock table; the rest are listed on their own.
  const matched = new Set(dutiesOfDoc(site, doc).flatMap((d) => (d.notice ? [d.notice.index] : [])));
  const sent = notices(doc, site.now).filter((n) => !matched.has(n.index));
  const body = html`
<article class="incident" data-pagefind-body>
<header class="doc-head">
  <p class="kicker" data-pagefind-meta="status[data-status]" data-status="${x.status}"><span data-pagefind-meta="type">${x.kind === 'exercise' ? 'Exercise' : 'Incident'}</span> <span data-pagefind-meta="id" data-pagefind-weight="10">${doc.id}</span></p>
  <h1 data-pagefind-weight="7">${x.title}</h1>
  <p class="badges">${badge('severity', x.severity, x.severity === 'unknown' ? 'severity unknown' : x.severity)} ${badge('status', x.status)} ${x.kind === 'exercise' ? badge('kind', 'exercise') : html``} ${badge('visibility', x.visibility)} ${x.category ? badge('category', x.category) : html``}</p>
  <p class="no-print"><a class="button" href="#report">Report for senior staff</a></p>
  ${nextNeeds(site, doc)}
  <dl class="facts">
    <dt>Commander</dt><dd>${contactLink(site, x.commander)}</dd>
    <dt>Plan</dt><dd>${plan ? html`<a href="${plan.url}">${plan.doc.data.title}</a>` : x.plan ?? '—'}</dd>
    <dt>Participants</dt><dd>${contactList(site, x.participants)}</dd>
    <dt>Systems</dt><dd>${(x.systems ?? []).join(', ') || '—'}</dd>
    ${x.imported ? html`<dt>Imported</dt><dd>${x.imported.at}, from <code>${x.imported.from}</code>${site.audience !== 'public' && x.imported.repository ? html` in ${x.imported.repository}${x.imported.commit ? ` at ${x.imported.commit.slice(0, 12)}` : ''}` : html``}${x.imported.finished ? html`; finished ${x.imported.finished}` : html` <span class="badge badge-flag">not yet finished</span>`}</dd>` : html``}
  </dl>
</header>

<div class="cols">
<section class="milestones" aria-labelledby="h-milestones"><h2 id="h-milestones">Milestones</h2>
<ol class="steps">${MILESTONES.map((m) => html`<li class="${x[m] ? 'done' : 'todo'}"><span class="step">${m}</span> ${x[m] === undefined ? html`<span class="none">&#8212;</span>` : whenValue(times.milestones[m])}${times.notes[m] ? html` <span class="muted">(${times.notes[m]})</span>` : html``}${(times.disputed[m] ?? []).map((d) => html` <span class="disputed">${d.source}: ${formatTime(d.value)}</span>`)}${sourcesOf(x[m])}</li>`)}</ol>
</section>
<section class="durations" aria-labelledby="h-durations"><h2 id="h-durations">Durations</h2>
${spans.length === 0 ? html`<p class="none">Not enough milestones yet.</p>` : html`<dl class="figures">${spans.map((s) => html`<dt title="${s.means}">${s.label}</dt><dd>${figure(s.figure)}</dd>`)}</dl>`}
</section>
</div>

${x.exercise ? html`<section aria-labelledby="h-exercise"><h2 id="h-exercise">Exercise</h2><p>${x.exercise.format}${x.exercise.facilitator ? html`, facilitated by ${contactLink(site, x.exercise.facilitator)}` : html``}.</p>${x.exercise.scenario ? html`<p>${fact(x.exercise.scenario)}</p>` : html``}</section>` : html``}

<section aria-labelledby="h-engage"><h2 id="h-engage">Time to engage</h2>
${engaged.length === 0 ? html`<p class="none">No engagements recorded.</p>` : html`<table><caption class="sr-only">Who was asked for help, and how long it took to engage them</caption>
<thead><tr><th scope="col">Contact</th><th scope="col">Asked</th><th scope="col">Engaged</th><th scope="col">Time to engage</th><th scope="col">From detection</th><th scope="col">Channel</th><th scope="col">For</th><th scope="col">What slowed it</th></tr></thead>
<tbody>${engaged.map((e) => html`<tr${raw(e.toEngage.kind === 'exact' && e.toEngage.ms > 30 * 60_000 ? ' class="row-slow"' : '')}><td>${contactLink(site, e.contact)}</td><td>${e.asked ? whenValue(e.asked) : html`<span class="none">not recorded</span>`}</td><td>${e.state === 'engaged' || e.state === 'engaged, time unknown' ? whenValue(e.engaged) : html`<span class="none">${e.state}</span>`}</td><td>${e.state === 'engaged' ? figure(e.toEngage) : html`<span class="none">&#8212;</span>`}</td><td>${e.state === 'engaged' ? figure(e.fromDetection) : html`<span class="none">&#8212;</span>`}</td><td>${e.channel ?? '—'}</td><td>${e.purpose ?? ''}</td><td>${e.issue ?? ''}</td></tr>`)}</tbody></table>`}
</section>

<section aria-labelledby="h-detection"><h2 id="h-detection">Detection and gaps</h2>
${x.detection ? html`<dl class="facts"><dt>Detected by</dt><dd>${fact(x.detection.source)}${x.detection.method ? ` (${x.detection.method})` : ''}</dd><dt>Could it have been earlier?</dt><dd>${fact(x.detection.could_be_earlier, html`<span class="none">not recorded</span>`)}</dd></dl>` : html`<p class="none">Detection not recorded.</p>`}
${(x.gaps ?? []).length === 0 ? html`` : html`<table><caption class="sr-only">Where the response was slowed</caption><thead><tr><th scope="col">Phase</th><th scope="col">Gap</th><th scope="col">What happened</th><th scope="col">Delay</th><th scope="col">Lesson</th></tr></thead>
<tbody>${(x.gaps ?? []).map((g) => html`<tr><td>${g.phase}</td><td>${badge('gap', g.kind)}</td><td>${g.note}</td><td>${g.delay_minutes !== undefined ? `${g.delay_minutes} min` : '—'}</td><td>${g.lesson ? html`<a href="#lesson-${g.lesson}">${g.lesson}</a>` : '—'}</td></tr>`)}</tbody></table>`}
${(x.accelerators ?? []).length ? html`<h3>What sped things up</h3><ul>${(x.accelerators ?? []).map((a) => html`<li>${a}</li>`)}</ul>` : html``}
</section>

<section aria-labelledby="h-impact"><h2 id="h-impact">Impact and notifications</h2>
${x.impact ? html`<dl class="facts"><dt>Effects</dt><dd>${fact(x.impact.summary)}</dd><dt>Personal data</dt><dd>${x.impact.personal_data === 'unknown' ? 'unknown' : x.impact.personal_data ? 'yes' : 'no'}${count(x.impact.records, ' records')}</dd>${x.impact.customers_affected !== undefined ? html`<dt>Customers affected</dt><dd>${count(x.impact.customers_affected)}</dd>` : html``}${x.impact.devices_affected !== undefined ? html`<dt>Devices affected</dt><dd>${count(x.impact.devices_affected)}</dd>` : html``}${x.impact.downtime_minutes !== undefined ? html`<dt>Downtime</dt><dd>${humanDuration(x.impact.downtime_minutes * 60_000)}</dd>` : html``}${x.impact.cost ? html`<dt>Cost</dt><dd>${x.impact.cost}</dd>` : html``}</dl>` : html`<p class="none">Impact not recorded.</p>`}
${clockTable(site, doc)}
${sent.length === 0 ? (matched.size ? html`` : html`<p class="none">No notifications recorded.</p>`) : html`${matched.size ? html`<h3>Other notifications</h3>` : html``}<table><caption class="sr-only">Notifications</caption><thead><tr><th scope="col">Audience</th><th scope="col">Contact</th><th scope="col">Due</th><th scope="col">State</th><th scope="col">Sent</th><th scope="col">After detection</th><th scope="col">Reference</th></tr></thead>
<tbody>${sent.map((n) => html`<tr><td>${n.notification.audience}</td><td>${n.notification.contact ? contactLink(site, n.notification.contact) : '—'}</td><td>${whenValue(n.due)}</td><td>${badge('notice', n.state.replace(/[^a-z]+/g, '-'), n.state)}${n.notification.reason ?? n.notification.decision?.reason ? html` <span class="muted">${n.notification.reason ?? n.notification.decision?.reason}</span>` : html``}</td><td>${n.at ? whenValue(n.at) : html`<span class="none">&#8212;</span>`}</td><td>${n.at && n.at.kind !== 'unknown' ? figure(between(times.milestones.detected, n.at, ['detected', 'sent'])) : html`<span class="none">&#8212;</span>`}</td><td>${n.notification.reference ?? ''}</td></tr>`)}</tbody></table>`}
</section>

<section aria-labelledby="h-root"><h2 id="h-root">Root cause</h2>
${x.root_cause ? html`<p>${x.root_cause.summary}${x.root_cause.type ? html` ${badge('cause', x.root_cause.type)}` : html``}</p>${similarPart(x.root_cause.similar)}` : html`<p class="none">Not established yet.</p>`}
</section>

${relatedPart(site, doc)}
<section aria-labelledby="h-lessons"><h2 id="h-lessons">Lessons</h2>
${(x.lessons ?? []).length === 0 ? html`<p class="none">No lessons recorded yet.</p>` : html`<table><caption class="sr-only">Lessons, with owner and status</caption><thead><tr><th scope="col">Lesson</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Verification</th></tr></thead>
<tbody>${(x.lessons ?? []).map((l) => html`<tr id="lesson-${l.id}"><td>${l.title}${l.tracking ? html` (<a href="${l.tracking}" rel="noopener noreferrer">tracking</a>)` : html``}${reachPart(site, doc, l)}</td><td>${lessonOwner(site, l)}</td><td>${l.due ?? '—'}</td><td>${badge('lesson', l.status)}</td><td>${l.verified ? `${l.verified}: ` : ''}${l.verification ?? l.reason ?? ''}</td></tr>`)}</tbody></table>`}
</section>

<details id="report" class="report-box" data-pagefind-ignore="all"><summary>Report for senior staff (the same as <code>npm run report -- ${doc.id}</code>)</summary>
${reportFragment(buildIncidentReport(site.model, doc, site.now, site.config, (id) => site.contact(id)?.doc.data.name ?? site.label(id), (d) => site.incidents.includes(d)), (t) => renderMarkdown(t, doc.file, site.links, site.base), 3)}
</details>

<section class="record" aria-labelledby="h-record"><h2 id="h-record">The record</h2>
<div class="prose">${raw(renderMarkdown(doc.body, doc.file, site.links, site.base))}</div>
</section>
</article>`;
  return layout(site, { title: `${doc.id} ${x.title}`, section: 'incidents', body, problems: site.problems[doc.file], printClass: 'print-incident' });
}

/** What the next status will ask for, from the repository's table (docs/statuses.md). */
function nextNeeds(site: SiteData, doc: IncidentDoc): Raw {
  const x = doc.data;
  if (isUnfinishedImport(doc)) {
    const todo = formatToDo(importToDo(doc, site.config));
    return html`<p class="next-needs">Imported, not yet finished${todo ? html`: ${todo}` : html``}. Set <code>imported.finished</code> once it is filled in.</p>`;
  }
  const next = STATUSES[STATUSES.indexOf(x.status) + 1];
  if (!next) return html``;
  const items = outstanding(x, doc.outline?.sections ?? quickSections(doc.body), x.kind, site.config.requirements, site.config.sections[x.kind], site.config.sectionAliases).filter((o) => o.since === next);
  if (items.length === 0) return html`<p class="next-needs">Everything status <strong>${next}</strong> needs is written.</p>`;
  return html`<p class="next-needs">To be written before status <strong>${next}</strong>: ${items.map((o, i) => html`${i ? ', ' : ''}${o.what === 'section' ? `${o.name} (section)` : html`<code>${o.name}</code>`}`)}.</p>`;
}

/** A count as it is known ("~29,000", "fewer than 5", "unknown"), with its sources. */
function count(value: CountFact | undefined, suffix = ''): Raw {
  if (value === undefined) return html``;
  const c = countOf(value);
  const text = c ? `${c.text}${suffix}` : String(typeof value === 'object' ? value.value : value);
  const disputed = typeof value === 'object' ? value.disputed ?? [] : [];
  return html`${suffix ? ' (' : ''}${text}${suffix ? ')' : ''}${disputed.map((d) => html` <span class="disputed">${d.source}: ${countOf(d.value)?.text ?? String(d.value)}</span>`)}${typeof value === 'object' ? sourceLinks(value.sources) : html``}`;
}

function sourcesOf(f: TimeFact | undefined): Raw {
  return typeof f === 'object' ? sourceLinks(f.sources) : html``;
}

function sourceLinks(sources: readonly string[] | undefined): Raw {
  if (!sources?.length) return html``;
  return html` <span class="sources">(${sources.map((s, i) => html`${i ? '; ' : ''}${/^https?:\/\//.test(s) ? html`<a href="${s}" rel="noopener noreferrer">source</a>` : s}`)})</span>`;
}

/** The search for similar causes: where, what was found, and the tickets opened. */
function similarPart(similar: NonNullable<IncidentDoc['data']['root_cause']>['similar']): Raw {
  if (similar === undefined) return html``;
  if (typeof similar === 'string') return html`<p><strong>Similar causes looked for:</strong> ${similar}</p>`;
  return html`<dl class="facts"><dt>Similar causes looked for in</dt><dd>${similar.searched}</dd><dt>Found</dt><dd>${similar.found}</dd>${similar.tickets?.length ? html`<dt>Tickets</dt><dd>${similar.tickets.map((t, i) => html`${i ? ', ' : ''}<a href="${t}" rel="noopener noreferrer">${t}</a>`)}</dd>` : html``}</dl>`;
}

/** Where a lesson reached: each plan or contact it names, and whether the change is recorded there. */
function reachPart(site: SiteData, doc: IncidentDoc, lesson: Lesson): Raw {
  const reach = reachOf(site.model, doc, lesson);
  if (reach.length === 0) return html``;
  return html`<ul class="plain reach">${reach.map((r) => {
    const target = r.kind === 'plan' ? site.plan(r.target) : site.contact(r.target);
    const name = target ? html`<a href="${target.url}">${r.kind === 'plan' ? (target as PlanView).doc.data.title : (target as ContactView).doc.data.name}</a>` : html`${r.kind} ${r.target}`;
    return html`<li class="muted">changes ${name}${r.change.section ? ` (${r.change.section})` : ''}: ${r.revision ? `recorded ${r.revision.date}` : 'not yet recorded'}</li>`;
  })}</ul>`;
}

/** Related incidents, both ways, and recurrences with whether the earlier lessons held. Only what this build shows. */
function relatedPart(site: SiteData, doc: IncidentDoc): Raw {
  const x = doc.data;
  const named = site.namedBy(doc.id);
  const held = (r: { lessons_held?: string; note?: string }) => html`${r.lessons_held ? ` (its lessons held: ${r.lessons_held})` : ''}${r.note ? html` <span class="muted">${r.note}</span>` : html``}`;
  const rows: Raw[] = [];
  const earlier = x.recurrence ? site.model.incidents.get(x.recurrence.of) : undefined;
  if (earlier && site.isShown(earlier)) rows.push(html`<li>A recurrence of ${incidentLink(site, earlier)} ${earlier.data.title}${held(x.recurrence!)}</li>`);
  for (const later of named.recurrences) rows.push(html`<li>Recurred in ${incidentLink(site, later)} ${later.data.title}${held(later.data.recurrence!)}</li>`);
  const related = new Set([...(x.related ?? []), ...named.related.map((d) => d.id)]);
  for (const id of related) {
    const other = site.model.incidents.get(id);
    if (other && site.isShown(other)) rows.push(html`<li>Related: ${incidentLink(site, other)} ${other.data.title}</li>`);
  }
  if (rows.length === 0) return html``;
  return html`<section aria-labelledby="h-related"><h2 id="h-related">Related incidents</h2><ul>${rows}</ul></section>`;
}


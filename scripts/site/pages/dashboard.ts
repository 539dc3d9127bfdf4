// The first page in an incident: what is open, what is overdue, who may be unreachable.

import { html, raw } from '../html.js';
import type { SiteData } from '../site-data.js';
import { layout } from './layout.js';
import { runningClocks } from './duties.js';
import { badge, contactLink, freshness, incidentLink, lessonOwner, soonestDue, whenValue } from './parts.js';
import { timesOf } from '../../core/model/times.js';
import { SEVERITIES } from '../../core/model/types.js';
import { formatToDo, importToDo, isUnfinishedImport } from '../../core/model/imported.js';

/**
 * Lessons the dashboard lists: the most urgent, so that the first page opened in an incident
 * stays light however long the history (on the 10,000-document benchmark it listed 5,371, 2.5 MB).
 * The tiles count them all, and the lessons board lists them all.
 */
const DASHBOARD_LESSONS = 50;

export function dashboardPage(site: SiteData): string {
  const open = site.incidents.filter((d) => d.data.status === 'open' || d.data.status === 'contained')
    .sort((a, b) => SEVERITIES.indexOf(a.data.severity) - SEVERITIES.indexOf(b.data.severity));
  // Imported post-mortems not yet finished are one list of their own, not hundreds of lessons of unknown status.
  const imports = site.incidents.filter(isUnfinishedImport);
  const importFiles = new Set(imports.map((d) => d.file));
  const lessons = site.lessons.filter((l) => !importFiles.has(l.incident.file));
  const importedLessons = site.lessons.length - lessons.length;
  const overdue = lessons.filter((l) => l.overdue).sort(soonestDue);
  const unverified = lessons.filter((l) => l.lesson.status === 'implemented').sort(soonestDue);
  const unclosed = lessons.filter((l) => !['verified', 'wont-fix'].includes(l.lesson.status) && !l.overdue && l.lesson.status !== 'implemented').sort(soonestDue);
  // Overdue first, then those to verify, then the rest; each soonest due first.
  const pending = [...overdue, ...unverified, ...unclosed];
  const listed = pending.slice(0, DASHBOARD_LESSONS);
  const stale = site.contacts.filter((c) => c.freshness.state === 'stale' || c.freshness.state === 'soon');
  const ruleFiles = (prefix: string) => new Set(site.diagnostics.filter((d) => d.ruleId.startsWith(prefix)).map((d) => d.file));
  const planDue = new Set([...ruleFiles('plan/review'), ...ruleFiles('plan/exercise')]);
  const plans = site.plans.filter((p) => planDue.has(p.doc.file));
  const lateReview = ruleFiles('incident/review-late');
  const late = site.incidents.filter((d) => lateReview.has(d.file));
  const errors = site.diagnostics.filter((d) => d.severity === 'error');
  const errorFiles = new Set(errors.map((d) => d.file));

  const tile = (label: string, n: number, href: string, tone: string) => html`<li class="tile tile-${n ? tone : 'ok'}"><a href="${href}"><span class="n">${n}</span> ${label}</a></li>`;
  // The public site is the public record: no directory, no plans, no findings of check.
  const internal = site.audience !== 'public';
  const body = html`
<h1>Dashboard</h1>
<ul class="tiles">
  ${tile('open incidents', open.length, '#open', 'alert')}
  ${tile('overdue lessons', overdue.length, '#lessons', 'alert')}
  ${tile('lessons to verify', unverified.length, '#lessons', 'warn')}
  ${internal ? tile('stale or due contacts', stale.length, '#contacts', stale.some((c) => c.freshness.state === 'stale') ? 'alert' : 'warn') : html``}
  ${internal ? tile('plans due', plans.length, '#plans', 'warn') : html``}
  ${internal ? tile('late reviews', late.length, '#reviews', 'alert') : html``}
  ${internal ? tile(`documents with errors`, errorFiles.size, '#problems', 'alert') : html``}
  ${internal && imports.length ? tile('imported post-mortems to finish', imports.length, '#imports', 'warn') : html``}
</ul>

<section id="open"><h2>Open incidents</h2>
${open.length === 0 ? html`<p class="none">No open incidents.</p>` : html`<table><caption class="sr-only">Open incidents by severity</caption>
<thead><tr><th scope="col">Incident</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Detected</th><th scope="col">Commander</th></tr></thead>
<tbody>${open.map((d) => html`<tr><td>${incidentLink(site, d)}</td><td>${d.data.title}</td><td>${badge('severity', d.data.severity)}</td><td>${badge('status', d.data.status)}</td><td>${whenValue(timesOf(d).milestones.detected)}</td><td>${contactLink(site, d.data.commander)}</td></tr>`)}</tbody></table>`}
</section>

<section id="clocks"><h2>Notification deadlines</h2>
${runningClocks(site, (d) => !importFiles.has(d.file))}
</section>

<section id="lessons"><h2>Lessons not yet closed</h2>
${pending.length === 0 ? html`<p class="none">Every lesson is verified or won't fix.</p>` : html`<table><caption class="sr-only">Lessons not yet closed</caption>
<thead><tr><th scope="col">Lesson</th><th scope="col">Incident</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
<tbody>${listed.map((l) => html`<tr${raw(l.overdue ? ' class="row-overdue"' : '')}><td>${l.lesson.title}</td><td>${incidentLink(site, l.incident)}</td><td>${lessonOwner(site, l.lesson)}</td><td>${l.lesson.due ?? '—'}${l.overdue ? html` ${badge('flag', 'overdue')}` : html``}</td><td>${badge('lesson', l.lesson.status)}</td></tr>`)}</tbody></table>`}
${pending.length > listed.length ? html`<p>The ${listed.length} most urgent of ${pending.length}; the <a href="${site.base}lessons/">lessons board</a> has every one.</p>` : html``}
${importedLessons ? html`<p>${importedLessons} more from imported post-mortems not yet finished${internal ? html` (<a href="#imports">below</a>)` : html``}.</p>` : html``}
<p><a href="${site.base}lessons/">All lessons</a></p>
</section>

${internal && imports.length ? html`<section id="imports"><h2>Imported post-mortems to finish</h2>
<p>Brought in by <code>firebreak import</code>: what each still lacks. Set <code>imported.finished</code> once it is filled in, and it is checked like any other incident.</p>
<table><caption class="sr-only">Imported post-mortems to finish</caption>
<thead><tr><th scope="col">Incident</th><th scope="col">Title</th><th scope="col">Imported from</th><th scope="col">Still to do</th></tr></thead>
<tbody>${imports.map((d) => html`<tr><td>${incidentLink(site, d)}</td><td>${d.data.title}</td><td><code>${d.data.imported!.from}</code></td><td>${formatToDo(importToDo(d, site.config)) || 'nothing: set imported.finished'}</td></tr>`)}</tbody></table>
</section>` : html``}

${internal ? html`<section id="contacts"><h2>Contacts to verify</h2>
${stale.length === 0 ? html`<p class="none">All contacts were verified recently.</p>` : html`<ul class="plain">${stale.map((c) => html`<li><a href="${c.url}">${c.doc.data.name}</a> ${freshness(c)}</li>`)}</ul>`}
</section>

<section id="plans"><h2>Plans due for review or exercise</h2>
${plans.length === 0 ? html`<p class="none">No plan is due.</p>` : html`<ul class="plain">${plans.map((p) => html`<li><a href="${p.url}">${p.doc.data.title}</a>: review due ${p.reviewDue}${p.exerciseDue ? `, exercise due ${p.exerciseDue}${p.lastExercised ? '' : ' (never exercised)'}` : ''}</li>`)}</ul>`}
</section>

<section id="reviews"><h2>Late post-incident reviews</h2>
${late.length === 0 ? html`<p class="none">No review is late.</p>` : html`<ul class="plain">${late.map((d) => html`<li>${incidentLink(site, d)} ${d.data.title}: resolved ${whenValue(timesOf(d).milestones.resolved)}</li>`)}</ul>`}
</section>

<section id="problems"><h2>Problems found by check</h2>
${errors.length === 0 ? html`<p class="none">No errors as of ${site.now.date}.</p>` : html`<ul>${errors.slice(0, 50).map((d) => html`<li><code>${d.file}:${d.line}</code> ${d.message} <span class="rule">${d.ruleId}</span></li>`)}</ul>`}
</section>` : html``}`;
  return layout(site, { title: 'Dashboard', section: 'dashboard', body });
}

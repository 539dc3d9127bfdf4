// Every lesson across incidents, by status: the list an incident is not closed without.

import { html, raw } from '../html.js';
import type { SiteData } from '../site-data.js';
import { layout } from './layout.js';
import { badge, incidentLink, lessonOwner, soonestDue } from './parts.js';

const COLUMNS = ['open', 'in-progress', 'implemented', 'verified', 'wont-fix', 'unknown'] as const;

export function lessonsPage(site: SiteData): string {
  const body = html`<h1>Lessons</h1>
<p>${site.lessons.length} lessons from ${new Set(site.lessons.map((l) => l.incident.id)).size} incidents and exercises. An incident is closed only when each of its lessons is verified (tested) or won't fix.</p>
${COLUMNS.filter((status) => status !== 'unknown' || site.lessons.some((l) => l.lesson.status === 'unknown')).map((status) => {
  // Soonest due first; lessons without a due date last.
  const rows = site.lessons.filter((l) => l.lesson.status === status).sort(soonestDue);
  return html`<section aria-labelledby="s-${status}"><h2 id="s-${status}">${badge('lesson', status)} ${rows.length}</h2>
${rows.length === 0 ? html`<p class="none">None.</p>` : html`<table><caption class="sr-only">Lessons with status ${status}</caption><thead><tr><th scope="col">Lesson</th><th scope="col">Incident</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>
<tbody>${rows.map((l) => html`<tr${raw(l.overdue ? ' class="row-overdue"' : '')}><td>${l.lesson.title}</td><td>${incidentLink(site, l.incident)}</td><td>${lessonOwner(site, l.lesson)}</td><td>${l.lesson.due ?? '—'}${l.overdue ? html` ${badge('flag', 'overdue')}` : html``}</td></tr>`)}</tbody></table>`}</section>`;
})}`;
  return layout(site, { title: 'Lessons', section: 'lessons', body });
}

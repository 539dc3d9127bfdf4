// The lessons that changed a plan or a contact, from its revisions, and those still to change it.

import { lessonsOfTarget } from '../../core/model/lessons.js';
import { html, type Raw } from '../html.js';
import type { SiteData } from '../site-data.js';
import { badge, incidentLink } from './parts.js';

export function shapedBy(site: SiteData, kind: 'plan' | 'contact', id: string): Raw {
  const { done, pending } = lessonsOfTarget(site.model, kind, id);
  const d = done.filter((x) => site.isShown(x.incident));
  const p = pending.filter((x) => site.isShown(x.incident));
  return html`<section aria-labelledby="h-shaped"><h2 id="h-shaped">Lessons that shaped it</h2>
${d.length === 0 ? html`<p class="none">No lesson has changed it yet.</p>` : html`<table><caption class="sr-only">Changes made for lessons</caption><thead><tr><th scope="col">Date</th><th scope="col">Lesson</th><th scope="col">From</th><th scope="col">What changed</th></tr></thead>
<tbody>${d.map((x) => html`<tr><td>${x.revision.date}</td><td>${x.lesson.title}</td><td>${incidentLink(site, x.incident)}</td><td>${x.revision.note ?? ''}</td></tr>`)}</tbody></table>`}
${p.length ? html`<h3>Still to change it</h3><ul>${p.map((x) => html`<li>${x.lesson.title} (${incidentLink(site, x.incident)}, ${badge('lesson', x.lesson.status)}${x.lesson.due ? `, due ${x.lesson.due}` : ''})</li>`)}</ul>` : html``}
</section>`;
}

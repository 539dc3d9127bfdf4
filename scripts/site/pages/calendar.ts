// The calendar of what falls due, for the audience of the build: only what the build shows.

import { calendarEvents, renderIcs } from '../../core/brief/ics.js';
import type { SiteData } from '../site-data.js';
import { outstandingDuty } from '../../core/model/duties.js';
import { dutiesOfDoc } from './duties.js';

export function calendar(site: SiteData): string {
  const rows = site.lessons.map((l) => ({ lesson: l.lesson, incident: l.incident, overdue: l.overdue }));
  return renderIcs(calendarEvents(site.model, rows, site.policy, {
    contacts: site.contacts.map((c) => c.doc),
    plans: site.plans.map((p) => p.doc),
    visible: site.isShown,
    ownerName: (id) => site.contact(id)?.doc.data.name ?? site.label(id),
    // The deadlines of notification duties still to meet, for the incidents this build shows.
    duties: site.incidents.filter((d) => d.data.status !== 'closed').flatMap((incident) => dutiesOfDoc(site, incident).filter((d) => outstandingDuty(d)).map((duty) => ({ incident, duty }))),
  }), site.now);
}

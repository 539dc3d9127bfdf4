// The calendar of what falls due, for the audience of the build.

import { calendarEvents, renderIcs } from '../../core/brief/ics.js';
import { redact } from '../html.js';
import type { SiteData } from '../site-data.js';

export function calendar(site: SiteData): string {
  const rows = site.lessons.map((l) => ({ lesson: l.lesson, incident: l.incident, overdue: l.overdue }));
  return redact(renderIcs(calendarEvents(site.model, rows, site.policy), site.now));
}

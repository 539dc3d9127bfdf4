// An iCalendar (RFC 5545) feed of what falls due: lessons, contact re-verifications, plan
// reviews and exercises. All-day events, stable UIDs, so a subscribed calendar updates in place.

import { contactDueDay, planExerciseDue, planReviewDueDay } from '../model/derive.js';
import { formatDay, parseDate, type Now } from '../model/time.js';
import type { ContactDoc, IncidentDoc, Model, PlanDoc } from '../model/types.js';
import type { Policy } from '../policy.js';
import type { LessonRow } from './lessons.js';
import type { Duty } from '../model/duties.js';

export interface CalendarEvent {
  uid: string;
  /** The day of an all-day event (YYYY-MM-DD), or of a deadline's instant. */
  date: string;
  /** A deadline: the instant it runs out (the event is the half hour before it). */
  at?: number;
  summary: string;
  description?: string;
}

/** RFC 5545 TEXT escaping. */
function text(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold lines longer than 75 octets, as RFC 5545 requires. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + limit);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // do not split a character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

/** What a calendar may show: by default everything in the model (the `lessons` command). */
export interface CalendarScope {
  contacts?: Iterable<ContactDoc>;
  plans?: Iterable<PlanDoc>;
  /** Exercises that count for a plan's next exercise. */
  visible?: (doc: IncidentDoc) => boolean;
  ownerName?: (id: string) => string;
  /** Notification deadlines still to meet (docs/regimes.md). */
  duties?: Iterable<{ incident: IncidentDoc; duty: Duty }>;
}

export function calendarEvents(model: Model, lessons: LessonRow[], policy: Policy, scope: CalendarScope = {}): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const ownerName = scope.ownerName ?? ((id: string) => model.contacts.get(id)?.data.name ?? id);
  for (const { lesson, incident } of lessons) {
    if (!lesson.due || lesson.status === 'verified' || lesson.status === 'wont-fix') continue;
    events.push({ uid: `lesson-${incident.id}-${lesson.id}`, date: lesson.due, summary: `Lesson due: ${lesson.title}`, description: `${incident.id} ${incident.data.title}. Owner: ${lesson.owner === undefined ? 'none' : ownerName(lesson.owner)}. Status: ${lesson.status}.` });
  }
  for (const c of scope.contacts ?? model.contacts.values()) {
    if (c.data.status !== 'active') continue;
    const due = contactDueDay(c.data, policy);
    if (due === undefined) continue;
    events.push({ uid: `verify-${c.id}`, date: formatDay(due), summary: `Verify contact: ${c.data.name}`, description: `Last verified ${c.data.last_verified}. Run: npm run verify -- ${c.id} --by <your-id>` });
  }
  for (const p of scope.plans ?? model.plans.values()) {
    const review = planReviewDueDay(p.data, policy);
    if (review !== undefined) events.push({ uid: `review-${p.id}`, date: formatDay(review), summary: `Review plan: ${p.data.title}` });
    const exercise = planExerciseDue(model, p, policy, scope.visible);
    if (exercise) events.push({ uid: `exercise-${p.id}`, date: formatDay(exercise.day), summary: `Exercise plan: ${p.data.title}` });
  }
  for (const { incident, duty } of scope.duties ?? []) {
    if (!duty.deadline) continue;
    events.push({
      uid: `duty-${incident.id}-${duty.key.replace('/', '-')}`, date: new Date(duty.deadline.due).toISOString().slice(0, 10), at: duty.deadline.due,
      summary: `Deadline: ${duty.stage.name} (${incident.id})`,
      description: `${incident.id} ${incident.data.title}. ${duty.regime.name}, ${duty.key}: ${duty.deadline.text}, ${duty.deadline.period} from ${duty.start?.event ?? 'its event'}.${duty.state === 'may apply' ? ` May apply: ${duty.why}.` : ''}`,
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}

export function renderIcs(events: CalendarEvent[], now: Now, domain = 'firebreak.invalid'): string {
  const stamp = new Date(now.ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Firebreak//Incident response calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Firebreak: what falls due'];
  for (const e of events) {
    const day = e.date.replace(/-/g, '');
    const next = formatDay(parseDate(e.date)! + 1).replace(/-/g, '');
    const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const when = e.at === undefined ? [`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${next}`] : [`DTSTART:${utc(e.at - 30 * 60_000)}`, `DTEND:${utc(e.at)}`];
    lines.push('BEGIN:VEVENT', `UID:${text(e.uid)}@${domain}`, `DTSTAMP:${stamp}`, ...when, `SUMMARY:${text(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${text(e.description)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

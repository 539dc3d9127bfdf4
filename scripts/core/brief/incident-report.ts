// The report for senior staff about one incident: what happened and why, its effects, how it
// was handled and how long each step took, where the process worked and where it failed,
// notifications, lessons, and what remains open. One model, rendered as Markdown here and as
// HTML by the site (shared code).

import { durations, engagements, type Duration } from '../model/durations.js';
import { notices, type NoticeState } from '../model/notifications.js';
import { dutiesOf, outstandingDuty, type DutyState } from '../model/duties.js';
import { similarText } from '../model/derive.js';
import { reachOf } from '../model/lessons.js';
import { parseDate, type Now } from '../model/time.js';
import { timesOf } from '../model/times.js';
import type { IncidentDoc, Lesson, Model } from '../model/types.js';
import { countOf } from '../count.js';
import { between, formatFigure, figureNote, humanDuration } from '../time/duration.js';
import { formatTime } from '../time/format.js';
import { quickSections, sectionText } from './sections.js';
import { outstanding, written, type Outstanding } from '../requirements.js';
import { defaultConfig, type Config } from '../policy.js';

export interface IncidentReport {
  id: string;
  title: string;
  kind: 'incident' | 'exercise';
  severity: string;
  status: string;
  asOf: string;
  summary?: string;
  cause?: { summary: string; type?: string; similar?: string };
  effects: string[];
  durations: (Duration & { shown: string; note?: string })[];
  engaged: { who: string; took: string; note?: string; issue?: string }[];
  worked: string[];
  wentWell?: string;
  failed: string[];
  wentPoorly?: string;
  /** Each notification duty (docs/regimes.md) and whether it was met. */
  duties: { key: string; regime: string; name: string; state: DutyState; deadline?: string; sent?: string; margin?: string; why?: string }[];
  /** What each lesson changed (or is still to change), plan or contact. */
  changes: { lesson: string; target: string; section?: string; recorded?: string }[];
  /** Recurrences: of an earlier incident, and later ones of this. */
  recurrences: string[];
  /** Notifications that discharge no duty. */
  notifications: { audience: string; when?: string; due?: string; state: NoticeState; afterDetection?: string; why?: string }[];
  lessons: (Lesson & { ownerName: string; overdue: boolean })[];
  open: string[];
  /** What the record still lacks, by the status that needs it. */
  toWrite: Outstanding[];
}

/**
 * Build the report. `nameOf` names a contact for the report's readers: by default their name; the
 * public site passes its label (a person's team, or "staff").
 */
const recurrenceIndex = new WeakMap<Model, Map<string, IncidentDoc[]>>();

/** The incidents that record themselves as a recurrence of `id`, indexed once per model. */
function recurrencesOf(model: Model, id: string): IncidentDoc[] {
  let index = recurrenceIndex.get(model);
  if (!index) {
    index = new Map();
    for (const d of model.incidents.values()) {
      const of = d.data.recurrence?.of;
      if (of !== undefined) (index.get(of) ?? index.set(of, []).get(of)!).push(d);
    }
    recurrenceIndex.set(model, index);
  }
  return index.get(id) ?? [];
}

export function buildIncidentReport(model: Model, doc: IncidentDoc, now: Now, config: Config = defaultConfig(), nameOf: (id: string) => string = (id) => model.contacts.get(id)?.data.name ?? id, visible: (d: IncidentDoc) => boolean = () => true): IncidentReport {
  const name = (_model: Model, id: string | undefined) => (id === undefined ? 'no owner' : id === 'unknown' ? 'not recorded' : nameOf(id));
  const x = doc.data;
  const today = Math.floor(now.ms / 86_400_000);
  const times = timesOf(doc, config.policy.approximate_minutes);
  const effects: string[] = [];
  if (x.impact?.summary) effects.push(written(x.impact.summary) ?? 'Effects in plain words: to be written.');
  const records = countOf(x.impact?.records);
  if (x.impact?.personal_data === 'unknown') effects.push('Whether personal data was involved is not known yet.');
  else if (x.impact) effects.push(x.impact.personal_data ? `Personal data involved${records ? ` (${records.text} records)` : ''}.` : 'No personal data involved.');
  const customers = countOf(x.impact?.customers_affected);
  if (customers) effects.push(`Customers affected: ${customers.text}.`);
  const devices = countOf(x.impact?.devices_affected);
  if (devices) effects.push(`Devices affected: ${devices.text}.`);
  if (x.impact?.downtime_minutes) effects.push(`Downtime: ${humanDuration(x.impact.downtime_minutes * 60_000)}.`);
  if (x.impact?.cost) effects.push(`Estimated cost: ${x.impact.cost}.`);

  const owed = dutiesOf(doc, model, config, now).duties;
  const matched = new Set(owed.flatMap((d) => (d.notice ? [d.notice.index] : [])));
  const duties: IncidentReport['duties'] = owed.map((d) => {
    const out: IncidentReport['duties'][number] = { key: d.key, regime: d.regime.name, name: d.stage.name, state: d.state };
    if (d.deadline) out.deadline = d.deadline.text;
    if (d.notice?.at) out.sent = formatTime(d.notice.at);
    if (d.margin !== undefined) {
      const m = humanDuration(Math.abs(d.margin));
      out.margin = d.state === 'met' ? `${m} before the deadline` : d.state === 'late' ? `${m} after the deadline` : d.margin >= 0 ? `${m} left` : `${m} overdue`;
    }
    const by = d.decided?.by ? ` (${name(model, d.decided.by)})` : '';
    const why = d.state === 'decided not to' ? d.notice?.notification.decision?.reason : d.state === 'not applicable' ? d.notice?.notification.reason ?? (d.why ? `${d.why}${by}` : undefined) : d.state === 'may apply' ? d.why : d.state === 'waiting' ? d.waitingFor : undefined;
    if (why) out.why = why;
    return out;
  });
  const notifications = notices(doc, now).filter((n) => !matched.has(n.index)).map((n) => {
    const out: IncidentReport['notifications'][number] = { audience: n.notification.audience, state: n.state };
    if (n.at) out.when = formatTime(n.at);
    if (n.due) out.due = formatTime(n.due);
    if (n.at && n.at.kind !== 'unknown') out.afterDetection = formatFigure(between(times.milestones.detected, n.at, ['detected', 'sent']));
    const why = n.notification.reason ?? n.notification.decision?.reason;
    if (why) out.why = why;
    return out;
  });
  const lessons = (x.lessons ?? []).map((l) => {
    const due = parseDate(l.due);
    return { ...l, ownerName: l.owner === undefined && l.named_owner !== undefined ? `${l.named_owner} (as the source names them)` : name(model, l.owner), overdue: due !== undefined && due < today && (l.status === 'open' || l.status === 'in-progress') };
  });
  const open: string[] = [];
  for (const l of lessons) {
    if (l.status !== 'verified' && l.status !== 'wont-fix') open.push(`Lesson "${l.title}" (${l.ownerName}) is ${l.status}${l.due ? `, due ${l.due}` : ''}${l.overdue ? ' — overdue' : ''}.`);
  }
  for (const n of notifications) if (n.state === 'pending' || n.state === 'overdue') open.push(`Notification to ${n.audience} is ${n.state}${n.due ? ` (due ${n.due})` : ''}.`);
  for (const n of notifications) if (n.state === 'unknown') open.push(`Whether the ${n.audience === 'regulator' ? 'regulator was' : `${n.audience} were`} notified is unknown.`);
  for (const d of owed) if (outstandingDuty(d)) open.push(`${d.stage.name} (${d.key}) ${d.state === 'may apply' ? `may apply: ${d.why}` : d.state === 'waiting' ? `is waiting: ${d.waitingFor}` : `is ${d.state}`}${d.deadline ? `, due ${d.deadline.text}` : ''}.`);
  if (x.status !== 'closed') open.push(`The ${x.kind} is ${x.status}, not closed.`);

  const report: IncidentReport = {
    id: doc.id, title: x.title, kind: x.kind, severity: x.severity, status: x.status, asOf: now.date,
    effects,
    durations: durations(doc).map((d) => {
      const note = figureNote(d.figure);
      return { ...d, shown: formatFigure(d.figure), ...(note ? { note } : {}) };
    }),
    engaged: engagements(doc).map((e) => {
      const took = e.state === 'engaged' ? formatFigure(e.toEngage) : e.state;
      const note = e.state === 'engaged' ? figureNote(e.toEngage) : undefined;
      const out: IncidentReport['engaged'][number] = { who: name(model, e.contact), took: note && e.toEngage.kind === 'none' ? `engaged (${note})` : took };
      if (note && e.toEngage.kind !== 'none') out.note = note;
      if (e.issue) out.issue = e.issue;
      return out;
    }),
    worked: x.accelerators ?? [],
    failed: (x.gaps ?? []).map((g) => `${g.note}${g.delay_minutes ? ` (cost ${humanDuration(g.delay_minutes * 60_000)})` : ''}`),
    duties, notifications, lessons, open,
    changes: (x.lessons ?? []).flatMap((l) => reachOf(model, doc, l).map((r) => ({
      lesson: l.title, target: `${r.kind} ${r.kind === 'plan' ? model.plans.get(r.target)?.data.title ?? r.target : model.contacts.has(r.target) ? nameOf(r.target) : r.target}`,
      ...(r.change.section ? { section: r.change.section } : {}), ...(r.revision ? { recorded: r.revision.date } : {}),
    }))),
    recurrences: [
      ...(x.recurrence && model.incidents.get(x.recurrence.of) && visible(model.incidents.get(x.recurrence.of)!) ? [`A recurrence of ${x.recurrence.of}${model.incidents.get(x.recurrence.of) ? ` (${model.incidents.get(x.recurrence.of)!.data.title})` : ''}; its lessons held: ${x.recurrence.lessons_held ?? 'not yet said'}${x.recurrence.note ? `. ${x.recurrence.note}` : ''}`] : []),
      ...recurrencesOf(model, doc.id).filter(visible).map((d) => `Recurred in ${d.id} (${d.data.title}); lessons held: ${d.data.recurrence!.lessons_held ?? 'not yet said'}`),
    ],
    toWrite: outstanding(x, doc.outline?.sections ?? quickSections(doc.body), x.kind, config.requirements, config.sections[x.kind], config.sectionAliases),
  };
  const summary = sectionText(doc.body, 'Summary', config.sectionAliases);
  if (summary) report.summary = summary;
  if (x.root_cause && written(x.root_cause.summary)) {
    const similar = similarText(x.root_cause.similar);
    report.cause = { summary: x.root_cause.summary, ...(x.root_cause.type ? { type: x.root_cause.type } : {}), ...(similar ? { similar } : {}) };
  }
  const well = sectionText(doc.body, 'What went well', config.sectionAliases);
  if (well) report.wentWell = well;
  const poorly = sectionText(doc.body, 'What went poorly', config.sectionAliases);
  if (poorly) report.wentPoorly = poorly;
  return report;
}

/** The report as Markdown, for mail or a document system. */
export function reportMarkdown(r: IncidentReport): string {
  const out: string[] = [];
  const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
  out.push(`# ${r.kind === 'exercise' ? 'Exercise' : 'Incident'} report: ${r.id} ${r.title}`, '');
  out.push(`Severity **${r.severity}**, status **${r.status}**, as of ${r.asOf}.`, '');
  out.push('## What happened', '', r.summary ?? 'To be written.', '');
  out.push('## Cause', '', r.cause ? `${r.cause.summary}${r.cause.type ? ` (${r.cause.type})` : ''}` : 'Not yet established.', '');
  if (r.cause?.similar) out.push(`Similar causes looked for: ${r.cause.similar}`, '');
  out.push('## Effects', '', r.effects.length ? list(r.effects) : 'Not yet recorded.', '');
  out.push('## How it was handled', '');
  if (r.durations.length) out.push('| Step | Took | |', '| --- | --- | --- |', ...r.durations.map((d) => `| ${d.label} | ${d.shown} | ${d.note ?? ''} |`), '');
  if (r.engaged.length) out.push('Who was engaged, and how long it took:', '', list(r.engaged.map((e) => `${e.who}: ${e.took}${e.note ? ` (${e.note})` : ''}${e.issue ? ` — ${e.issue}` : ''}`)), '');
  out.push('## Where the process worked', '', [...r.worked.map((w) => `- ${w}`), r.wentWell ?? ''].filter(Boolean).join('\n') || 'Not yet recorded.', '');
  out.push('## Where it failed', '', [r.failed.map((f) => `- ${f}`).join('\n'), r.wentPoorly ?? ''].filter(Boolean).join('\n\n') || 'Not yet recorded.', '');
  out.push('## Notification duties', '', dutyLines(r).length ? list(dutyLines(r)) : 'No notification duty is declared for this incident.', '');
  if (!r.duties.length || r.notifications.length) out.push(r.duties.length ? '## Other notifications' : '## Notifications', '', r.notifications.length ? list(r.notifications.map((n) => `${n.audience}: ${n.state}${n.when && n.state !== 'sent, time unknown' ? ` ${n.when}` : ''}${n.afterDetection ? `, ${n.afterDetection} after detection` : ''}${n.due ? ` (due ${n.due})` : ''}${n.why ? ` — ${n.why}` : ''}`)) : 'None recorded.', '');
  out.push('## Lessons', '');
  if (r.lessons.length) out.push('| Lesson | Owner | Due | Status |', '| --- | --- | --- | --- |', ...r.lessons.map((l) => `| ${l.title.replace(/\|/g, '\\|')} | ${l.ownerName} | ${l.due ?? '—'} | ${l.status}${l.overdue ? ' (overdue)' : ''} |`), '');
  else out.push('None recorded yet.', '');
  if (r.changes.length) out.push('## What the lessons changed', '', list(r.changes.map((c) => `"${c.lesson}": ${c.target}${c.section ? ` (${c.section})` : ''}, ${c.recorded ? `changed ${c.recorded}` : 'not yet changed'}`)), '');
  if (r.recurrences.length) out.push('## Recurrences', '', list(r.recurrences), '');
  out.push('## What remains open', '', r.open.length ? list(r.open) : 'Nothing: every lesson is verified or won\'t fix, and every notification was made.', '');
  if (r.toWrite.length) out.push('### Still to be written', '', list(r.toWrite.map((t) => `${t.what === 'section' ? `The ${t.name} section` : `\`${t.name}\``} (needed from status ${t.since})`)), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Each duty in a line: met or not, when, by how much; what does not apply, in one line. */
export function dutyLines(r: IncidentReport): string[] {
  const shown = r.duties.filter((d) => d.state !== 'not applicable').map((d) =>
    `${d.regime}, ${d.name.charAt(0).toLowerCase()}${d.name.slice(1)} (${d.key}): ${d.state}${d.sent && d.state !== 'sent, time unknown' ? ` ${d.sent}` : ''}${d.margin ? `, ${d.margin}` : ''}${d.deadline ? ` (deadline ${d.deadline})` : ''}${d.why ? ` — ${d.why}` : ''}`);
  const na = r.duties.filter((d) => d.state === 'not applicable');
  // Grouped by reason: "uk-gdpr/authority, eu-gdpr/authority (no personal data involved)".
  const byWhy = new Map<string, string[]>();
  for (const d of na) (byWhy.get(d.why ?? '') ?? byWhy.set(d.why ?? '', []).get(d.why ?? '')!).push(d.key);
  if (na.length) shown.push(`Not applicable: ${[...byWhy].map(([why, keys]) => `${keys.join(', ')}${why ? ` (${why})` : ''}`).join('; ')}`);
  return shown;
}

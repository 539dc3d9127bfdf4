// The report for senior staff about one incident: what happened and why, its effects, how it
// was handled and how long each step took, where the process worked and where it failed,
// notifications, lessons, and what remains open. One model, rendered as Markdown here and as
// HTML by the site (shared code).

import { durations, engagements, type Duration } from '../model/durations.js';
import { formatDuration, formatUtc, parseDate, parseInstant, type Now } from '../model/time.js';
import type { IncidentDoc, Lesson, Model } from '../model/types.js';
import { sectionText } from './sections.js';
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
  durations: Duration[];
  engaged: { who: string; took?: string; issue?: string }[];
  worked: string[];
  wentWell?: string;
  failed: string[];
  wentPoorly?: string;
  notifications: { audience: string; when?: string; due?: string; state: 'made' | 'late' | 'pending' | 'overdue' }[];
  lessons: (Lesson & { ownerName: string; overdue: boolean })[];
  open: string[];
  /** What the record still lacks, by the status that needs it. */
  toWrite: Outstanding[];
}

const name = (model: Model, id: string) => model.contacts.get(id)?.data.name ?? id;
const utc = (iso: string | undefined) => {
  const ms = parseInstant(iso);
  return ms === undefined ? iso : formatUtc(ms);
};

export function buildIncidentReport(model: Model, doc: IncidentDoc, now: Now, config: Config = defaultConfig()): IncidentReport {
  const x = doc.data;
  const today = Math.floor(now.ms / 86_400_000);
  const effects: string[] = [];
  if (x.impact?.summary) effects.push(written(x.impact.summary) ?? 'Effects in plain words: to be written.');
  if (x.impact?.personal_data === 'unknown') effects.push('Whether personal data was involved is not known yet.');
  else if (x.impact) effects.push(x.impact.personal_data ? `Personal data involved${x.impact.records !== undefined ? ` (${x.impact.records} records)` : ''}.` : 'No personal data involved.');
  if (x.impact?.customers_affected) effects.push(`${x.impact.customers_affected} customers affected.`);
  if (x.impact?.downtime_minutes) effects.push(`Downtime: ${formatDuration(x.impact.downtime_minutes * 60_000)}.`);
  if (x.impact?.cost) effects.push(`Estimated cost: ${x.impact.cost}.`);

  const notifications = (x.notifications ?? []).map((n) => {
    const at = parseInstant(n.at);
    const due = parseInstant(n.due);
    const state: IncidentReport['notifications'][number]['state'] = at !== undefined ? (due !== undefined && at > due ? 'late' : 'made') : due !== undefined && due < now.ms ? 'overdue' : 'pending';
    const out: IncidentReport['notifications'][number] = { audience: n.audience, state };
    if (n.at) out.when = utc(n.at)!;
    if (n.due) out.due = utc(n.due)!;
    return out;
  });
  const lessons = (x.lessons ?? []).map((l) => {
    const due = parseDate(l.due);
    return { ...l, ownerName: name(model, l.owner), overdue: due !== undefined && due < today && (l.status === 'open' || l.status === 'in-progress') };
  });
  const open: string[] = [];
  for (const l of lessons) {
    if (l.status !== 'verified' && l.status !== 'wont-fix') open.push(`Lesson "${l.title}" (${l.ownerName}) is ${l.status}${l.due ? `, due ${l.due}` : ''}${l.overdue ? ' — overdue' : ''}.`);
  }
  for (const n of notifications) if (n.state === 'pending' || n.state === 'overdue') open.push(`Notification to ${n.audience} is ${n.state}${n.due ? ` (due ${n.due})` : ''}.`);
  if (x.status !== 'closed') open.push(`The ${x.kind} is ${x.status}, not closed.`);

  const report: IncidentReport = {
    id: doc.id, title: x.title, kind: x.kind, severity: x.severity, status: x.status, asOf: now.date,
    effects,
    durations: durations(x),
    engaged: engagements(x).map((e) => {
      const out: IncidentReport['engaged'][number] = { who: name(model, e.contact) };
      if (e.ms !== undefined) out.took = formatDuration(e.ms);
      if (e.issue) out.issue = e.issue;
      return out;
    }),
    worked: x.accelerators ?? [],
    failed: (x.gaps ?? []).map((g) => `${g.note}${g.delay_minutes ? ` (cost ${formatDuration(g.delay_minutes * 60_000)})` : ''}`),
    notifications, lessons, open,
    toWrite: outstanding(x, doc.outline?.headings, x.kind, config.requirements, config.sections[x.kind]),
  };
  const summary = sectionText(doc.body, 'Summary');
  if (summary) report.summary = summary;
  if (x.root_cause && written(x.root_cause.summary)) report.cause = x.root_cause;
  const well = sectionText(doc.body, 'What went well');
  if (well) report.wentWell = well;
  const poorly = sectionText(doc.body, 'What went poorly');
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
  if (r.durations.length) out.push('| Step | Took |', '| --- | --- |', ...r.durations.map((d) => `| ${d.label} | ${formatDuration(d.ms)} |`), '');
  if (r.engaged.length) out.push('Who was engaged, and how long it took:', '', list(r.engaged.map((e) => `${e.who}: ${e.took ?? 'not engaged'}${e.issue ? ` — ${e.issue}` : ''}`)), '');
  out.push('## Where the process worked', '', [...r.worked.map((w) => `- ${w}`), r.wentWell ?? ''].filter(Boolean).join('\n') || 'Not yet recorded.', '');
  out.push('## Where it failed', '', [...r.failed.map((f) => `- ${f}`), r.wentPoorly ?? ''].filter(Boolean).join('\n') || 'Not yet recorded.', '');
  out.push('## Notifications', '', r.notifications.length ? list(r.notifications.map((n) => `${n.audience}: ${n.state}${n.when ? ` ${n.when}` : ''}${n.due ? ` (due ${n.due})` : ''}`)) : 'None recorded.', '');
  out.push('## Lessons', '');
  if (r.lessons.length) out.push('| Lesson | Owner | Due | Status |', '| --- | --- | --- | --- |', ...r.lessons.map((l) => `| ${l.title.replace(/\|/g, '\\|')} | ${l.ownerName} | ${l.due ?? '—'} | ${l.status}${l.overdue ? ' (overdue)' : ''} |`), '');
  else out.push('None recorded yet.', '');
  out.push('## What remains open', '', r.open.length ? list(r.open) : 'Nothing: every lesson is verified or won\'t fix, and every notification was made.', '');
  if (r.toWrite.length) out.push('### Still to be written', '', list(r.toWrite.map((t) => `${t.what === 'section' ? `The ${t.name} section` : `\`${t.name}\``} (needed from status ${t.since})`)), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

// What the notification rules share: the duties of each incident, where a finding about a duty
// belongs in the front matter, and how a duty is named in a message.

import type { DataPath } from '../../diagnostic.js';
import { dutiesFor, type Duty } from '../../model/duties.js';
import type { IncidentDoc } from '../../model/types.js';
import { formatTime } from '../../time/format.js';
import type { RuleContext } from '../rule.js';

const listed = new WeakMap<RuleContext['model'], { config: RuleContext['config']; now: number; list: { doc: IncidentDoc; duty: Duty }[] }>();

/** Each incident with its duties: listed once per check (every notification rule reads the list). */
export function incidentDuties(ctx: RuleContext): readonly { doc: IncidentDoc; duty: Duty }[] {
  const known = listed.get(ctx.model);
  if (known && known.config === ctx.config && known.now === ctx.now.ms) return known.list;
  const list: { doc: IncidentDoc; duty: Duty }[] = [];
  for (const doc of ctx.model.incidents.values()) {
    if (doc.data.kind !== 'incident') continue;
    for (const duty of dutiesFor(doc, ctx.model, ctx.config, ctx.now).duties) list.push({ doc, duty });
  }
  listed.set(ctx.model, { config: ctx.config, now: ctx.now.ms, list });
  return list;
}

/** "NIS2 early warning to the CSIRT or competent authority (nis2/early-warning)". */
export function dutyName(d: Duty): string {
  return `${d.stage.name} (\`${d.key}\`)`;
}

/** "72 h from detected (2026-03-02 09:00 UTC)". */
export function clockText(d: Duty): string {
  return d.deadline && d.start ? `${d.deadline.period} from ${d.start.event} (${formatTime(d.start.value)})` : '';
}

/** Where a finding about a duty goes: its notification, else the fact that started its clock. */
export function dutyPath(doc: IncidentDoc, d: Duty): DataPath {
  if (d.notice) return ['notifications', d.notice.index];
  const event = d.start?.event ?? '';
  const decision = /^(.+) decided$/.exec(event)?.[1];
  if (decision && doc.data.decisions?.[decision]) return ['decisions', decision];
  if (doc.data.notifications) return ['notifications'];
  return event === 'declared' || event === 'started' ? [event] : ['detected'];
}

/** How to discharge or excuse a duty. */
export function dischargeHint(d: Duty): string {
  const who = d.stage.contacts?.length ? ` (${d.stage.contacts.join(', ')})` : '';
  return `Notify ${d.stage.audience}${who} and record it under \`notifications:\` with \`duty: ${d.key}\` and \`at:\`; or record \`status: decided-not-to\` with the decision (who, when, why), or \`status: not-required\` with the reason.`;
}

// Where documents name contacts and plans: one list, used by the ref rules and by the site.

import type { DataPath } from '../diagnostic.js';
import type { ContactDoc, IncidentDoc, PlanDoc } from '../model/types.js';

export interface ContactRef {
  id: string;
  path: DataPath;
  /** True where the contact is relied on now (a departed contact there is a problem). */
  current: boolean;
}

function list(ids: readonly string[] | undefined, path: DataPath, current: boolean, out: ContactRef[]): void {
  ids?.forEach((id, i) => out.push({ id, path: [...path, i], current }));
}

/** Contact ids named by a contact. */
export function contactRefsOfContact(doc: ContactDoc): ContactRef[] {
  const c = doc.data;
  const out: ContactRef[] = [];
  if (c.team) out.push({ id: c.team, path: ['team'], current: c.status === 'active' });
  list(c.backups, ['backups'], c.status === 'active', out);
  out.push({ id: c.verified_by, path: ['verified_by'], current: false });
  return out;
}

/** Contact ids named by a plan: all of them are relied on in the next incident. */
export function contactRefsOfPlan(doc: PlanDoc): ContactRef[] {
  const p = doc.data;
  const out: ContactRef[] = [{ id: p.owner, path: ['owner'], current: true }];
  for (const [role, ids] of Object.entries(p.roles)) list(ids, ['roles', role], true, out);
  p.escalation?.forEach((step, i) => list(step.contacts, ['escalation', i, 'contacts'], true, out));
  p.notify?.forEach((duty, i) => list(duty.contacts, ['notify', i, 'contacts'], true, out));
  return out;
}

const UNCLOSED = new Set(['open', 'in-progress', 'implemented', 'unknown']);

/** The commander of a record whose source does not say who led the response. */
export const UNKNOWN_COMMANDER = 'unknown';

/** Contact ids named by an incident; only owners of unclosed lessons are relied on now. */
export function contactRefsOfIncident(doc: IncidentDoc): ContactRef[] {
  const x = doc.data;
  // `unknown`: the source does not say who led the response (a record of a published report).
  const out: ContactRef[] = x.commander === UNKNOWN_COMMANDER ? [] : [{ id: x.commander, path: ['commander'], current: false }];
  list(x.participants, ['participants'], false, out);
  x.engagements?.forEach((e, i) => out.push({ id: e.contact, path: ['engagements', i, 'contact'], current: false }));
  x.notifications?.forEach((n, i) => n.contact && out.push({ id: n.contact, path: ['notifications', i, 'contact'], current: false }));
  x.lessons?.forEach((l, i) => l.owner !== undefined && out.push({ id: l.owner, path: ['lessons', i, 'owner'], current: UNCLOSED.has(l.status) }));
  for (const [name, d] of Object.entries(x.decisions ?? {})) if (d.by) out.push({ id: d.by, path: ['decisions', name, 'by'], current: false });
  x.notifications?.forEach((n, i) => n.decision && out.push({ id: n.decision.by, path: ['notifications', i, 'decision', 'by'], current: false }));
  if (x.exercise?.facilitator) out.push({ id: x.exercise.facilitator, path: ['exercise', 'facilitator'], current: false });
  return out;
}

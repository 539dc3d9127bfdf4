// Facts derived from several documents, shared by rules, reports and the site.

import { dayOf, formatDay, parseDate } from './time.js';
import type { Contact, IncidentDoc, Model, Plan, PlanDoc } from './types.js';
import type { Policy } from '../policy.js';

const latestExercises = new WeakMap<Model, Map<string, { day: number; source: string }>>();
const latestVisible = new WeakMap<Model, WeakMap<(doc: IncidentDoc) => boolean, Map<string, { day: number; source: string }>>>();

/** The latest finished exercise of each plan, indexed once per model (and per filter function). */
function exercisesByPlan(model: Model, visible?: (doc: IncidentDoc) => boolean): Map<string, { day: number; source: string }> {
  let index = visible ? latestVisible.get(model)?.get(visible) : latestExercises.get(model);
  if (index) return index;
  index = new Map();
  for (const doc of model.incidents.values()) {
    if (visible && !visible(doc)) continue;
    const x = doc.data;
    if (x.kind !== 'exercise' || x.plan === undefined || x.status === 'open') continue;
    const t = timesOf(doc).milestones;
    const end = t.resolved ?? t.detected;
    if (!end || end.kind === 'unknown' || !Number.isFinite(end.earliest)) continue;
    const ms = end.kind === 'point' ? end.at : end.start.at;
    const d = dayOf(ms);
    const best = index.get(x.plan);
    if (!best || d > best.day) index.set(x.plan, { day: d, source: doc.id });
  }
  if (!visible) latestExercises.set(model, index);
  else (latestVisible.get(model) ?? latestVisible.set(model, new WeakMap()).get(model)!).set(visible, index);
  return index;
}

/** The later of a plan's `last_exercised` and the finished exercises that name it (those `visible`). */
export function lastExercised(model: Model, plan: PlanDoc, visible?: (doc: IncidentDoc) => boolean): { date: string; source: string } | undefined {
  let best: { day: number; source: string } | undefined;
  const own = parseDate(plan.data.last_exercised);
  if (own !== undefined) best = { day: own, source: 'last_exercised' };
  const exercise = exercisesByPlan(model, visible).get(plan.id);
  if (exercise && (!best || exercise.day > best.day)) best = exercise;
  return best && { date: formatDay(best.day), source: best.source };
}

import type { Incident, NotifyDuty } from './types.js';
import { countOf, someFor } from '../count.js';
import { timesOf } from './times.js';

/** Whether a plan's notification duty applies to an incident. */
export function dutyApplies(duty: NotifyDuty, x: Incident): boolean {
  switch (duty.when) {
    case 'always': return true;
    case 'personal-data': return x.impact?.personal_data === true;
    case 'customer-impact': return someFor(countOf(x.impact?.customers_affected));
    case 'severity-high': return x.severity === 'high' || x.severity === 'critical';
    case 'severity-critical': return x.severity === 'critical';
  }
}

/** When a contact falls due for verification (epoch day): `review_every` after `verified`. */
export function contactDueDay(contact: Contact, policy: Policy, verified: string = contact.last_verified): number | undefined {
  const last = parseDate(verified);
  return last === undefined ? undefined : last + (contact.review_every ?? policy.contact_review_days);
}

/** When a plan falls due for review (epoch day). */
export function planReviewDueDay(plan: Plan, policy: Policy): number | undefined {
  const last = parseDate(plan.last_reviewed);
  return last === undefined ? undefined : last + (plan.review_every ?? policy.plan_review_days);
}

/**
 * When a plan's next exercise falls due: one interval after its last exercise, or after its last
 * review when it was never exercised.
 */
export function planExerciseDue(model: Model, plan: PlanDoc, policy: Policy, visible?: (doc: IncidentDoc) => boolean): { day: number; last?: { date: string; source: string } } | undefined {
  const every = plan.data.exercise_every ?? policy.plan_exercise_days;
  const last = lastExercised(model, plan, visible);
  const from = last ? parseDate(last.date) : parseDate(plan.data.last_reviewed);
  if (from === undefined) return undefined;
  return last ? { day: from + every, last } : { day: from + every };
}

/** The search for similar causes in words, whether recorded as text or as data. */
export function similarText(similar: string | { searched: string; found: string; tickets?: string[] } | undefined): string | undefined {
  if (similar === undefined || typeof similar === 'string') return similar;
  return `Searched ${similar.searched.replace(/\.$/, '')}. Found: ${similar.found.replace(/\.$/, '')}.${similar.tickets?.length ? ` Tickets: ${similar.tickets.join(', ')}.` : ''}`;
}

// Facts derived from several documents, shared by rules, reports and the site.

import { dayOf, formatDay, parseDate, parseInstant } from './time.js';
import type { Model, PlanDoc } from './types.js';

/** The later of a plan's `last_exercised` and the finished exercises that name it. */
export function lastExercised(model: Model, plan: PlanDoc): { date: string; source: string } | undefined {
  let best: { day: number; source: string } | undefined;
  const own = parseDate(plan.data.last_exercised);
  if (own !== undefined) best = { day: own, source: 'last_exercised' };
  for (const doc of model.incidents.values()) {
    const x = doc.data;
    if (x.kind !== 'exercise' || x.plan !== plan.id || x.status === 'open') continue;
    const ms = parseInstant(x.resolved ?? x.detected);
    if (ms === undefined) continue;
    const d = dayOf(ms);
    if (!best || d > best.day) best = { day: d, source: doc.id };
  }
  return best && { date: formatDay(best.day), source: best.source };
}

import type { Incident, NotifyDuty } from './types.js';

/** Whether a plan's notification duty applies to an incident. */
export function dutyApplies(duty: NotifyDuty, x: Incident): boolean {
  switch (duty.when) {
    case 'always': return true;
    case 'personal-data': return x.impact?.personal_data === true;
    case 'customer-impact': return (x.impact?.customers_affected ?? 0) > 0;
    case 'severity-high': return x.severity === 'high' || x.severity === 'critical';
    case 'severity-critical': return x.severity === 'critical';
  }
}

/** When the notification clock starts: declaration, else detection. */
export function notificationClockStart(x: Incident): number | undefined {
  return parseInstant(x.declared) ?? parseInstant(x.detected);
}

import type { Finding } from '../../diagnostic.js';
import { dutyApplies, notificationClockStart } from '../../model/derive.js';
import { formatDuration, formatInstant } from '../../model/time.js';
import { discharges, notices } from '../../model/notifications.js';
import { report, type Rule } from '../rule.js';

/** Disclosure is centralised and on time: the plan says who must be told, the incident proves it. */
export const rule: Rule = {
  id: 'incident/plan-notification-missed',
  severity: 'error',
  crossDocument: true,
  freshness: true,
  description: 'An incident\'s plan requires a notification (audience, within hours, condition) that was not recorded in time.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      const plan = x.plan === undefined ? undefined : model.plans.get(x.plan);
      const start = notificationClockStart(doc, policy.approximate_minutes);
      if (x.kind !== 'incident' || !plan || start === undefined) continue;
      const list = notices(doc, now);
      for (const duty of plan.data.notify ?? []) {
        const deadline = start + duty.within_hours * 3_600_000;
        const found = list.find((n) => n.notification.audience === duty.audience && discharges(n.state)) ?? list.find((n) => n.notification.audience === duty.audience);
        const index = found ? found.index : -1;
        const done = found !== undefined && discharges(found.state);
        const made = done ? (found!.at && found!.at.kind !== 'unknown' ? found!.at.earliest : -Infinity) : undefined;
        const when = formatInstant(deadline);
        if (!dutyApplies(duty, x)) {
          if (duty.when === 'personal-data' && x.impact?.personal_data === 'unknown' && made === undefined && (x.status === 'open' || x.status === 'contained')) {
            out.push(report(rule, doc.file, ['impact', 'personal_data'],
              `Unknown whether personal data was involved; if it was, plan \`${plan.id}\` requires notifying ${duty.audience} by ${when} (within ${duty.within_hours} h).`,
              'Establish whether personal data was involved and set `personal_data: true` or `false`.', { at: 'value', severity: 'warning' }));
          }
          continue;
        }
        if (made === undefined && deadline < now.ms) {
          out.push(report(rule, doc.file, index === -1 ? (x.notifications ? ['notifications'] : ['plan']) : ['notifications', index],
            `Missing notification to ${duty.audience}: plan \`${plan.id}\` requires it within ${duty.within_hours} h (${duty.when}), by ${when}; expected a notification with \`at\`.`,
            `Notify ${duty.audience}${duty.contacts?.length ? ` (${duty.contacts.join(', ')})` : ''} now and record it under \`notifications:\` with \`at:\`.`));
        } else if (made === undefined) {
          out.push(report(rule, doc.file, index === -1 ? ['plan'] : ['notifications', index],
            `Notification to ${duty.audience} due by ${when} (plan \`${plan.id}\`, within ${duty.within_hours} h).`,
            `Record it under \`notifications:\` with \`audience: ${duty.audience}\` and \`at:\` once sent.`, { severity: 'warning' }));
        } else if (made > deadline) {
          out.push(report(rule, doc.file, ['notifications', index, 'at'],
            `Notification to ${duty.audience} made ${formatDuration(made - deadline)} after the plan's ${duty.within_hours} h deadline (${when}).`,
            'Note the cause of the delay in the review and make it a lesson.', { at: 'value', severity: 'warning' }));
        }
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { formatDuration, formatInstant } from '../../model/time.js';
import { discharges, notices } from '../../model/notifications.js';
import { factText, timesOf } from '../../model/times.js';
import { report, type Rule } from '../rule.js';

/** A personal-data breach must reach the regulator within the legal window (GDPR: 72 h). */
export const rule: Rule = {
  id: 'incident/personal-data-not-notified',
  severity: 'error',
  crossDocument: true,
  freshness: true,
  description: 'Personal data was involved and no regulator notification was made within `regulator_notification_hours` of detection (unless the plan sets its own regulator duty).',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      if (x.kind !== 'incident' || (x.impact?.personal_data !== true && x.impact?.personal_data !== 'unknown')) continue;
      const plan = x.plan === undefined ? undefined : model.plans.get(x.plan);
      if (plan?.data.notify?.some((d) => d.audience === 'regulator' && (d.when === 'personal-data' || d.when === 'always'))) continue;
      const detectedAt = timesOf(doc, policy.approximate_minutes).milestones.detected;
      if (!detectedAt || detectedAt.kind === 'unknown' || !Number.isFinite(detectedAt.earliest)) continue;
      // The clock starts at the earliest time the detection could mean.
      const deadline = detectedAt.earliest + policy.regulator_notification_hours * 3_600_000;
      if (x.impact.personal_data === 'unknown') {
        if (x.status === 'open' || x.status === 'contained') {
          out.push(report(rule, doc.file, ['impact', 'personal_data'],
            `Unknown whether personal data was involved (detected ${factText(x.detected)}); if it was, the regulator must be told by ${formatInstant(deadline)} (${policy.regulator_notification_hours} h).`,
            'Establish whether personal data was involved and set `personal_data: true` or `false`.', { at: 'value', severity: 'warning' }));
        }
        continue;
      }
      const list = notices(doc, now);
      const done = list.find((n) => n.notification.audience === 'regulator' && discharges(n.state));
      const index = done ? done.index : -1;
      const made = done?.at && done.at.kind !== 'unknown' ? done.at.earliest : undefined;
      const unknown = done ? undefined : list.find((n) => n.notification.audience === 'regulator' && n.state === 'unknown');
      if (unknown) {
        // Recorded as unknown (the source does not say): not a fact of failure, but not one of success.
        out.push(report(rule, doc.file, ['notifications', unknown.index, 'status'],
          `Unknown whether the regulator was told: personal data involved, detected ${factText(x.detected)}, ${policy.regulator_notification_hours} h window.`,
          'Find out and record the notification (or the decision not to notify) when you can.', { at: 'value', severity: 'warning' }));
      } else if (!done && deadline < now.ms) {
        out.push(report(rule, doc.file, ['impact', 'personal_data'],
          `Missing regulator notification: personal data involved, detected ${factText(x.detected)}, and nothing recorded within ${policy.regulator_notification_hours} h.`,
          'Notify the regulator (or record the documented decision not to) under `notifications:` with `audience: regulator` and `at:`.'));
      } else if (made !== undefined && made > deadline) {
        out.push(report(rule, doc.file, ['notifications', index, 'at'],
          `Regulator notified ${formatDuration(made - deadline)} after the ${policy.regulator_notification_hours} h window.`,
          'Record the reasons for the delay, as the regulator will ask for them.', { at: 'value', severity: 'warning' }));
      }
    }
    return out;
  },
};

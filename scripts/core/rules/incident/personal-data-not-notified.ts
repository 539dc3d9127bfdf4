import type { Finding } from '../../diagnostic.js';
import { formatDuration } from '../../model/time.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A personal-data breach must reach the regulator within the legal window (GDPR: 72 h). */
export const rule: Rule = {
  id: 'incident/personal-data-not-notified',
  severity: 'error',
  description: 'Personal data was involved and no regulator notification was made within `regulator_notification_hours` of detection (unless the plan sets its own regulator duty).',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      if (x.kind !== 'incident' || x.impact?.personal_data !== true) continue;
      const plan = x.plan === undefined ? undefined : model.plans.get(x.plan);
      if (plan?.data.notify?.some((d) => d.audience === 'regulator' && (d.when === 'personal-data' || d.when === 'always'))) continue;
      const detected = instant(x.detected);
      if (detected === undefined) continue;
      const deadline = detected + policy.regulator_notification_hours * 3_600_000;
      const index = (x.notifications ?? []).findIndex((n) => n.audience === 'regulator' && n.at !== undefined);
      const made = index === -1 ? undefined : instant(x.notifications![index]!.at);
      if (made === undefined && deadline < now.ms) {
        out.push(report(rule, doc.file, ['impact', 'personal_data'],
          `Missing regulator notification: personal data involved, detected ${x.detected}, and nothing recorded within ${policy.regulator_notification_hours} h.`,
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

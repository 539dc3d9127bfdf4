import type { Finding } from '../../diagnostic.js';
import { formatDuration, formatInstant } from '../../model/time.js';
import { instant } from '../dates.js';
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
      const detected = instant(x.detected);
      if (detected === undefined) continue;
      const deadline = detected + policy.regulator_notification_hours * 3_600_000;
      if (x.impact.personal_data === 'unknown') {
        if (x.status === 'open' || x.status === 'contained') {
          out.push(report(rule, doc.file, ['impact', 'personal_data'],
            `Unknown whether personal data was involved (detected ${x.detected}); if it was, the regulator must be told by ${formatInstant(deadline)} (${policy.regulator_notification_hours} h).`,
            'Establish whether personal data was involved and set `personal_data: true` or `false`.', { at: 'value', severity: 'warning' }));
        }
        continue;
      }
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

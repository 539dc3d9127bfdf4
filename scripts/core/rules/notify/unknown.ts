import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';
import { dutyName, incidentDuties } from './common.js';

/** Recorded as unknown: not a failure, not a success. */
export const rule: Rule = {
  id: 'notify/unknown',
  severity: 'warning',
  crossDocument: true,
  description: 'A notification owed under a duty is recorded as `status: unknown` (the source does not say whether it was made).',
  check(ctx) {
    const out: Finding[] = [];
    for (const { doc, duty } of incidentDuties(ctx)) {
      if (duty.state !== 'unknown') continue;
      out.push(report(rule, doc.file, ['notifications', duty.notice!.index, 'status'],
        `Unknown whether ${dutyName(duty)} was made${duty.deadline ? ` (due ${duty.deadline.text})` : ''}.`,
        'Find out and record the notification, or the decision not to notify.', { at: 'value' }));
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { humanDuration } from '../../time/duration.js';
import { report, type Rule } from '../rule.js';
import { clockText, dischargeHint, dutyName, dutyPath, incidentDuties } from './common.js';

/** A clock that is running: how long is left. */
export const rule: Rule = {
  id: 'notify/due',
  severity: 'warning',
  crossDocument: true,
  freshness: true,
  description: 'A notification duty is running: its deadline and the time left.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { doc, duty } of incidentDuties(ctx)) {
      if (duty.state !== 'due' || doc.data.status === 'closed') continue;
      out.push(report(rule, doc.file, dutyPath(doc, duty),
        `${dutyName(duty)} due ${duty.deadline!.text}, ${clockText(duty)}: ${humanDuration(duty.margin!)} left.`,
        dischargeHint(duty)));
    }
    return out;
  },
};

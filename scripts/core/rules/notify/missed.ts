import type { Finding } from '../../diagnostic.js';
import { humanDuration } from '../../time/duration.js';
import { report, type Rule } from '../rule.js';
import { clockText, dischargeHint, dutyName, dutyPath, incidentDuties } from './common.js';

/** A duty whose deadline has passed with nothing recorded: no notice, no decision, no reason. */
export const rule: Rule = {
  id: 'notify/missed',
  severity: 'error',
  crossDocument: true,
  freshness: true,
  description: 'A notification duty of a declared regime or of the plan (docs/regimes.md) is past its deadline and nothing discharges it: no notification, no recorded decision not to notify, no reason it is not required.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { doc, duty } of incidentDuties(ctx)) {
      if (duty.state !== 'overdue') continue;
      out.push(report(rule, doc.file, dutyPath(doc, duty),
        `Missing ${dutyName(duty)}: due ${duty.deadline!.text}, ${clockText(duty)}; ${humanDuration(-duty.margin!)} overdue.`,
        dischargeHint(duty)));
    }
    return out;
  },
};

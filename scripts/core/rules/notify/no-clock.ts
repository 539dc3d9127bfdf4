import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';
import { dutyName, dutyPath, incidentDuties } from './common.js';

/** A duty that applies but whose clock cannot start: the time of its event is missing or unknown. */
export const rule: Rule = {
  id: 'notify/no-clock',
  severity: 'warning',
  crossDocument: true,
  description: 'A notification duty applies, but its deadline cannot be computed: the time of the event that starts it (a decision, detection) is not recorded or not known.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { doc, duty } of incidentDuties(ctx)) {
      // Waiting on a decision not taken or a stage not submitted is normal; a missing time is not.
      if (duty.state !== 'waiting' || !duty.waitingFor || duty.waitingFor.startsWith('starts when')) continue;
      out.push(report(rule, doc.file, dutyPath(doc, duty),
        `No deadline for ${dutyName(duty)}: ${duty.waitingFor}.`,
        'Record the time (at the precision known); the law\'s clock starts at the earliest time it could mean.'));
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { humanDuration } from '../../time/duration.js';
import { report, type Rule } from '../rule.js';
import { clockText, dutyName, incidentDuties } from './common.js';

/** Sent, but after the deadline: the review (and the regulator) will ask why. */
export const rule: Rule = {
  id: 'notify/late',
  severity: 'warning',
  crossDocument: true,
  description: 'A notification was sent after its duty\'s deadline.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { doc, duty } of incidentDuties(ctx)) {
      if (duty.state !== 'late') continue;
      out.push(report(rule, doc.file, ['notifications', duty.notice!.index, 'at'],
        `${dutyName(duty)} sent ${humanDuration(-duty.margin!)} after its deadline, ${duty.deadline!.text} (${clockText(duty)}).`,
        'Record the reasons for the delay in the review; a regulator will ask for them.', { at: 'value' }));
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { timesOf } from '../../model/times.js';
import { certainlyBefore } from '../../time/parse.js';
import { report, type Rule } from '../rule.js';

/** Time to engage is the figure that matters most; a negative one is a typo that hides it. */
export const rule: Rule = {
  id: 'incident/engagement-out-of-order',
  severity: 'error',
  description: 'An engagement\'s `engaged` time is certainly before its `asked` time.',
  check({ model, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      timesOf(doc, policy.approximate_minutes).engagements.forEach((e, i) => {
        if (e.asked && e.engaged && certainlyBefore(e.engaged, e.asked)) {
          out.push(report(rule, doc.file, ['engagements', i, 'engaged'], `Unexpected \`engaged\` ${e.engaged.text.trim()} before \`asked\` ${e.asked.text.trim()}, expected asked ≤ engaged.`,
            'Check both times and their time zones.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Time to engage is the figure that matters most; a negative one is a typo that hides it. */
export const rule: Rule = {
  id: 'incident/engagement-out-of-order',
  severity: 'error',
  description: 'An engagement\'s `engaged` time is before its `asked` time.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.engagements?.forEach((e, i) => {
        const asked = instant(e.asked);
        const engaged = instant(e.engaged);
        if (asked !== undefined && engaged !== undefined && engaged < asked) {
          out.push(report(rule, doc.file, ['engagements', i, 'engaged'], `Unexpected \`engaged\` ${e.engaged} before \`asked\` ${e.asked}, expected asked ≤ engaged.`,
            'Check both times and their time zones.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { MILESTONES } from '../../model/types.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A milestone after now is a typo (often the year or the time zone). */
export const rule: Rule = {
  id: 'incident/milestone-in-future',
  severity: 'error',
  description: 'A milestone timestamp is later than now.',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      for (const m of MILESTONES) {
        const t = instant(doc.data[m]);
        if (t !== undefined && t > now.ms) {
          out.push(report(rule, doc.file, [m], `Unexpected \`${m}\` ${doc.data[m]} in the future (now is ${now.date}), expected a past time.`,
            'Check the date, the year and the time zone.', { at: 'value' }));
        }
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { timesOf } from '../../model/times.js';
import { MILESTONES } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

/** A milestone after now is a typo (often the year or the time zone). */
export const rule: Rule = {
  id: 'incident/milestone-in-future',
  severity: 'error',
  description: 'A milestone is certainly later than now (its earliest possible instant is in the future).',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const t = timesOf(doc, policy.approximate_minutes);
      for (const m of MILESTONES) {
        const v = t.milestones[m];
        if (v && v.kind !== 'unknown' && v.earliest > now.ms) {
          out.push(report(rule, doc.file, typeof doc.data[m] === 'object' ? [m, 'at'] : [m], `Unexpected \`${m}\` ${v.text.trim()} in the future (now is ${now.date}), expected a past time.`,
            'Check the date, the year and the time zone.', { at: 'value' }));
        }
      }
    }
    return out;
  },
};

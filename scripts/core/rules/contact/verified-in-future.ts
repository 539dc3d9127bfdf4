import type { Finding } from '../../diagnostic.js';
import { day, nowDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A verification date after today is a typo that would hide staleness for months. */
export const rule: Rule = {
  id: 'contact/verified-in-future',
  severity: 'error',
  description: '`last_verified` is after today.',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const d = day(doc.data.last_verified);
      if (d !== undefined && d > nowDay(now)) {
        out.push(report(rule, doc.file, ['last_verified'], `Unexpected \`last_verified\` ${doc.data.last_verified} after today (${now.date}), expected a past date.`,
          'Use the date the details were actually confirmed.', { at: 'value' }));
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { day, formatDay, nowDay, days } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** An expired support contract means the vendor may not answer when called. */
export const rule: Rule = {
  id: 'contact/contract-expired',
  severity: 'warning',
  freshness: true,
  description: 'A vendor\'s `contract.expires` is in the past.',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const expires = day(doc.data.contract?.expires);
      if (doc.data.status === 'active' && expires !== undefined && expires < nowDay(now)) {
        out.push(report(rule, doc.file, ['contract', 'expires'], `Unexpected expired contract: ended ${formatDay(expires)}, ${days(nowDay(now) - expires)} ago; expected a current one.`,
          'Record the renewed contract, or mark the vendor departed and update the plans that name it.', { at: 'value' }));
      }
    }
    return out;
  },
};

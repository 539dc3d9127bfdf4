import type { Finding } from '../../diagnostic.js';
import { contactDueDay } from '../../model/derive.js';
import { days, dueIn, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A warning ahead of staleness, so verification is planned rather than forced by a red build. */
export const rule: Rule = {
  id: 'contact/due-soon',
  severity: 'warning',
  freshness: true,
  description: 'An active contact falls due for verification within `contact_due_soon_days`.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const c = doc.data;
      if (c.status !== 'active') continue;
      const due = dueIn(contactDueDay(c, policy), now);
      if (due && due.left >= 0 && due.left <= policy.contact_due_soon_days) {
        out.push(report(rule, doc.file, ['last_verified'],
          `Contact due for verification on ${formatDay(due.day)} (in ${days(due.left)}); last verified ${c.last_verified}.`,
          `Verify ${c.name} before then: \`npm run verify -- ${c.id} --by <your-id>\`.`));
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { contactDueDay } from '../../model/derive.js';
import { days, dueIn, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Contact data goes stale silently; finding out in an incident is too late. */
export const rule: Rule = {
  id: 'contact/stale',
  severity: 'error',
  freshness: true,
  description: 'An active contact was not verified within its review interval (`review_every`, default policy `contact_review_days`).',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const c = doc.data;
      if (c.status !== 'active') continue;
      const every = c.review_every ?? policy.contact_review_days;
      const due = dueIn(contactDueDay(c, policy), now);
      if (due && due.left < 0) {
        out.push(report(rule, doc.file, ['last_verified'],
          `Unexpected stale contact: last verified ${c.last_verified}, ${days(-due.left)} past its ${every}-day review (due ${formatDay(due.day)}); expected a verification since.`,
          `Call, mail or drill ${c.name}, then run \`npm run verify -- ${c.id} --by <your-id>\`.`));
      }
    }
    return out;
  },
};

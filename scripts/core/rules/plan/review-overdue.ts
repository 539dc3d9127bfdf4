import type { Finding } from '../../diagnostic.js';
import { planReviewDueDay } from '../../model/derive.js';
import { days, dueIn, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A plan nobody has read in a year describes an organisation that no longer exists. */
export const rule: Rule = {
  id: 'plan/review-overdue',
  severity: 'error',
  freshness: true,
  description: 'A plan was not reviewed within `review_every` (default policy `plan_review_days`).',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      const every = doc.data.review_every ?? policy.plan_review_days;
      const due = dueIn(planReviewDueDay(doc.data, policy), now);
      if (due && due.left < 0) {
        out.push(report(rule, doc.file, ['last_reviewed'],
          `Unexpected overdue review: last reviewed ${doc.data.last_reviewed}, ${days(-due.left)} past its ${every}-day review (due ${formatDay(due.day)}).`,
          'Review the plan with its owner (roles, escalation, notification duties), then set `last_reviewed` to the review date.'));
      }
    }
    return out;
  },
};

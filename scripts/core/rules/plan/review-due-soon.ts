import type { Finding } from '../../diagnostic.js';
import { planReviewDueDay } from '../../model/derive.js';
import { days, dueIn, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Reviews planned ahead are done properly; reviews forced by a red build are rubber stamps. */
export const rule: Rule = {
  id: 'plan/review-due-soon',
  severity: 'warning',
  freshness: true,
  description: 'A plan review falls due within `plan_due_soon_days`.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      const due = dueIn(planReviewDueDay(doc.data, policy), now);
      if (due && due.left >= 0 && due.left <= policy.plan_due_soon_days) {
        out.push(report(rule, doc.file, ['last_reviewed'], `Plan review due on ${formatDay(due.day)} (in ${days(due.left)}).`,
          'Book the review with the plan owner.'));
      }
    }
    return out;
  },
};

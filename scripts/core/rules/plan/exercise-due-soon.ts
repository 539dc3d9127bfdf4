import type { Finding } from '../../diagnostic.js';
import { planExerciseDue } from '../../model/derive.js';
import { days, dueIn, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Early notice so the next drill can be scheduled with the people it needs. */
export const rule: Rule = {
  id: 'plan/exercise-due-soon',
  severity: 'warning',
  crossDocument: true,
  freshness: true,
  description: 'A plan exercise falls due within `plan_due_soon_days`.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      const next = planExerciseDue(model, doc, policy);
      if (!next?.last) continue;
      const due = dueIn(next.day, now);
      if (due && due.left >= 0 && due.left <= policy.plan_due_soon_days) {
        out.push(report(rule, doc.file, doc.data.last_exercised !== undefined ? ['last_exercised'] : ['id'], `Plan exercise due on ${formatDay(due.day)} (in ${days(due.left)}).`,
          'Schedule a tabletop or contact drill.'));
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { lastExercised } from '../../model/derive.js';
import { days, dueAfter, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Early notice so the next drill can be scheduled with the people it needs. */
export const rule: Rule = {
  id: 'plan/exercise-due-soon',
  severity: 'warning',
  description: 'A plan exercise falls due within `plan_due_soon_days`.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      const last = lastExercised(model, doc);
      if (!last) continue;
      const due = dueAfter(last.date, doc.data.exercise_every ?? policy.plan_exercise_days, now);
      if (due && due.left >= 0 && due.left <= policy.plan_due_soon_days) {
        out.push(report(rule, doc.file, doc.data.last_exercised !== undefined ? ['last_exercised'] : ['id'], `Plan exercise due on ${formatDay(due.day)} (in ${days(due.left)}).`,
          'Schedule a tabletop or contact drill.'));
      }
    }
    return out;
  },
};

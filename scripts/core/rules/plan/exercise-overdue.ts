import type { Finding } from '../../diagnostic.js';
import { lastExercised } from '../../model/derive.js';
import { days, dueAfter, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A plan that was never practised fails in the ways nobody has seen yet. */
export const rule: Rule = {
  id: 'plan/exercise-overdue',
  severity: 'error',
  description: 'A plan was not exercised within `exercise_every` (default policy `plan_exercise_days`) of its last exercise, or of its last review if it was never exercised. Exercises that name the plan count.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      const every = doc.data.exercise_every ?? policy.plan_exercise_days;
      const last = lastExercised(model, doc);
      const path = doc.data.last_exercised !== undefined ? ['last_exercised'] : ['id'];
      if (!last) {
        // A plan never exercised is due one interval after it was written or last reviewed.
        const due = dueAfter(doc.data.last_reviewed, every, now);
        if (due && due.left < 0) {
          out.push(report(rule, doc.file, path, `Unexpected plan that was never exercised, ${days(-due.left)} past its ${every}-day interval since its review on ${doc.data.last_reviewed}.`,
            `Run a tabletop or contact drill and record it: \`npm run new -- exercise --plan ${doc.id}\`.`));
        }
        continue;
      }
      const due = dueAfter(last.date, every, now);
      if (due && due.left < 0) {
        out.push(report(rule, doc.file, path,
          `Unexpected overdue exercise: last exercised ${last.date}${last.source === 'last_exercised' ? '' : ` (${last.source})`}, ${days(-due.left)} past its ${every}-day interval (due ${formatDay(due.day)}).`,
          `Run a tabletop or contact drill and record it: \`npm run new -- exercise --plan ${doc.id}\`.`));
      }
    }
    return out;
  },
};

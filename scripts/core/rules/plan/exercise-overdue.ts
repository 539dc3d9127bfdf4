import type { Finding } from '../../diagnostic.js';
import { planExerciseDue } from '../../model/derive.js';
import { days, dueIn, formatDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A plan that was never practised fails in the ways nobody has seen yet. */
export const rule: Rule = {
  id: 'plan/exercise-overdue',
  severity: 'error',
  crossDocument: true,
  freshness: true,
  description: 'A plan was not exercised within `exercise_every` (default policy `plan_exercise_days`) of its last exercise, or of its last review if it was never exercised. Exercises that name the plan count.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      const every = doc.data.exercise_every ?? policy.plan_exercise_days;
      const next = planExerciseDue(model, doc, policy);
      const due = dueIn(next?.day, now);
      if (!next || !due || due.left >= 0) continue;
      const last = next.last;
      out.push(report(rule, doc.file, doc.data.last_exercised !== undefined ? ['last_exercised'] : ['id'],
        last
          ? `Unexpected overdue exercise: last exercised ${last.date}${last.source === 'last_exercised' ? '' : ` (${last.source})`}, ${days(-due.left)} past its ${every}-day interval (due ${formatDay(due.day)}).`
          : `Unexpected plan that was never exercised, ${days(-due.left)} past its ${every}-day interval since its review on ${doc.data.last_reviewed}.`,
        `Run a tabletop or contact drill and record it: \`npm run new -- exercise --plan ${doc.id}\`.`));
    }
    return out;
  },
};

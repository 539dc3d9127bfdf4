import type { Finding } from '../../diagnostic.js';
import { day, days, nowDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Improvements lose priority once the business is back to normal; a due date keeps them honest. */
export const rule: Rule = {
  id: 'incident/lesson-overdue',
  severity: 'error',
  freshness: true,
  description: 'A lesson that is `open` or `in-progress` is past its `due` date.',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.lessons?.forEach((lesson, i) => {
        const due = day(lesson.due);
        if ((lesson.status === 'open' || lesson.status === 'in-progress') && due !== undefined && due < nowDay(now)) {
          out.push(report(rule, doc.file, ['lessons', i, 'due'],
            `Unexpected overdue lesson \`${lesson.id}\` (${lesson.status}): due ${lesson.due}, ${days(nowDay(now) - due)} ago.`,
            `Ask ${lesson.owner ?? 'someone to own it and'} to finish it, or agree a new \`due\` date (and say why in the body).`, { at: 'value' }));
        }
      });
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** A fix that was never tested is a hope, not a lesson learned. */
export const rule: Rule = {
  id: 'incident/lesson-unverified',
  severity: 'warning',
  description: 'A lesson is `implemented` but has not been verified (tested) yet.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      if (doc.data.status === 'closed') continue; // reported as an error by closed-with-open-lessons
      doc.data.lessons?.forEach((lesson, i) => {
        if (lesson.status === 'implemented') {
          out.push(report(rule, doc.file, ['lessons', i, 'status'], `Lesson \`${lesson.id}\` is implemented but never verified.`,
            'Test it (a drill, a re-run of the attack path), then set `status: verified` with `verified: <date>` and `verification: <how>`.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

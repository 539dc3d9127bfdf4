import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** A gap points at the lesson that fixes it; a dangling link hides an unaddressed gap. */
export const rule: Rule = {
  id: 'ref/unknown-lesson',
  severity: 'error',
  description: 'A gap names a lesson id that is not among the incident\'s lessons.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const ids = new Set((doc.data.lessons ?? []).map((l) => l.id));
      doc.data.gaps?.forEach((gap, i) => {
        if (gap.lesson !== undefined && !ids.has(gap.lesson)) {
          out.push(report(rule, doc.file, ['gaps', i, 'lesson'], `Unexpected lesson id \`${gap.lesson}\`, expected one of: ${[...ids].join(', ') || '(no lessons yet)'}.`,
            'Add the lesson under `lessons:`, or fix the id.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

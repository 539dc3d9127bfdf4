import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** A recurrence is a question about the earlier incident's lessons: answer it. */
export const rule: Rule = {
  id: 'incident/recurrence-lessons',
  severity: 'warning',
  crossDocument: true,
  description: 'An incident records that it is a recurrence of an earlier one but not whether the earlier one\'s lessons held.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const r = doc.data.recurrence;
      if (!r || (r.lessons_held !== undefined && r.lessons_held !== 'unknown') || doc.data.status === 'open') continue;
      const earlier = model.incidents.get(r.of);
      const lessons = (earlier?.data.lessons ?? []).map((l) => `\`${l.id}\``).join(', ');
      out.push(report(rule, doc.file, ['recurrence', 'of'],
        `Missing \`lessons_held\` for the recurrence of ${r.of}, expected whether its lessons${lessons ? ` (${lessons})` : ''} held.`,
        'Record `lessons_held: yes, no or partly` and, in `note`, which held and which did not; a lesson that did not hold is a new lesson here.', { at: 'value' }));
    }
    return out;
  },
};

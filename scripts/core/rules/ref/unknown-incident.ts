import type { DataPath, Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** Links between records resolve: related incidents, recurrences, exercises named as evidence, lessons named by revisions. */
export const rule: Rule = {
  id: 'ref/unknown-incident',
  severity: 'error',
  crossDocument: true,
  description: 'An incident, exercise or lesson named by `related`, `recurrence.of`, `unrelated`, a lesson\'s `exercise`, or a plan\'s or contact\'s `revisions[].lesson` does not exist.',
  check({ model }) {
    const out: Finding[] = [];
    const missing = (file: string, path: DataPath, id: string, what: string) => out.push(report(rule, file, path, `Unexpected ${what} \`${id}\`, which does not exist.`, 'Fix the id (incidents are `INC-YYYY-NNN`, exercises `EX-YYYY-NNN`, lessons `<incident>/<lesson id>`).', { at: 'value' }));
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      x.related?.forEach((id, i) => { if (!model.incidents.has(id)) missing(doc.file, ['related', i], id, 'related incident'); });
      x.unrelated?.forEach((id, i) => { if (!model.incidents.has(id)) missing(doc.file, ['unrelated', i], id, 'incident'); });
      if (x.recurrence && !model.incidents.has(x.recurrence.of)) missing(doc.file, ['recurrence', 'of'], x.recurrence.of, 'incident');
      x.lessons?.forEach((l, i) => { if (l.exercise !== undefined && !model.incidents.has(l.exercise)) missing(doc.file, ['lessons', i, 'exercise'], l.exercise, 'exercise'); });
    }
    for (const doc of [...model.plans.values(), ...model.contacts.values()]) {
      doc.data.revisions?.forEach((rev, i) => {
        const [incident, lesson] = rev.lesson.split('/');
        if (!model.incidents.get(incident!)?.data.lessons?.some((l) => l.id === lesson)) missing(doc.file, ['revisions', i, 'lesson'], rev.lesson, 'lesson');
      });
    }
    return out;
  },
};

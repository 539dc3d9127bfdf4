import type { Finding } from '../../diagnostic.js';
import { reachOf } from '../../model/lessons.js';
import { report, type Rule } from '../rule.js';

/** A lesson that targets a plan or contact that does not exist can never be shown to have reached it. */
export const rule: Rule = {
  id: 'ref/unknown-target',
  severity: 'error',
  crossDocument: true,
  description: 'A lesson\'s `changes:` names a plan or contact that does not exist (a lesson that adds a contact is implemented once the contact exists and records it).',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.lessons?.forEach((lesson, i) => {
        for (const r of reachOf(model, doc, lesson)) {
          if (r.doc) continue;
          // A lesson still to be done may name the contact it will add.
          if (r.kind === 'contact' && (lesson.status === 'open' || lesson.status === 'in-progress')) continue;
          out.push(report(rule, doc.file, ['lessons', i, 'changes', r.index, r.kind], `Unexpected ${r.kind} \`${r.target}\` as the target of lesson \`${lesson.id}\`, which does not exist.`,
            `Fix the id, or add ${r.kind === 'plan' ? 'the plan' : 'the contact'} (with a \`revisions:\` entry naming the lesson).`, { at: 'value' }));
        }
      });
    }
    return out;
  },
};

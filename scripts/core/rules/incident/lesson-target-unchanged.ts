import type { Finding } from '../../diagnostic.js';
import { lessonRef, reachOf } from '../../model/lessons.js';
import { report, type Rule } from '../rule.js';

/** A lesson that says it changed a plan or a contact is done only when that document records the change. */
export const rule: Rule = {
  id: 'incident/lesson-target-unchanged',
  severity: 'error',
  crossDocument: true,
  description: 'A lesson is implemented or verified, but a plan or contact it names under `changes:` records no change for it (no `revisions:` entry naming the lesson, dated on or after the lesson was raised).',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.lessons?.forEach((lesson, i) => {
        if (lesson.status !== 'implemented' && lesson.status !== 'verified') return;
        for (const r of reachOf(model, doc, lesson)) {
          if (!r.doc || r.revision) continue;
          const ref = lessonRef(doc, lesson);
          out.push(report(rule, doc.file, ['lessons', i, 'changes', r.index],
            r.early
              ? `Unexpected change for lesson \`${lesson.id}\` in ${r.kind} \`${r.target}\` dated ${r.early.date}, before the lesson was raised, expected a change made for it (the lesson is ${lesson.status}).`
              : `Missing change for lesson \`${lesson.id}\` in ${r.kind} \`${r.target}\`${r.change.section ? ` (${r.change.section})` : ''}: the lesson is ${lesson.status}, but the ${r.kind} records no revision naming \`${ref}\`.`,
            `Make the change in ${r.kind === 'plan' ? 'plans' : 'contacts'}/${r.target}.md and record it there: \`revisions: [{ date: YYYY-MM-DD, lesson: ${ref}, note: what changed }]\`; or set the lesson back to in-progress.`));
        }
      });
    }
    return out;
  },
};

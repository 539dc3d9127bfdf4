import type { Finding } from '../../diagnostic.js';
import { raisedDay } from '../../model/lessons.js';
import { dayOf, formatDay, parseDate } from '../../model/time.js';
import { timesOf } from '../../model/times.js';
import { report, type Rule } from '../rule.js';

const DRILL = /\b(drill|exercise|tabletop|table-top)\b/i;

/** "Verified in a drill" names the drill; the drill exists and came after the change it tested. */
export const rule: Rule = {
  id: 'incident/lesson-exercise',
  severity: 'error',
  crossDocument: true,
  description: 'A verified lesson whose verification was a drill or exercise does not name the exercise record (`exercise:`), or names one that is not an exercise, or one held before the lesson was implemented.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.lessons?.forEach((lesson, i) => {
        if (lesson.status !== 'verified') return;
        const at = ['lessons', i];
        if (lesson.exercise === undefined) {
          if (lesson.verification && DRILL.test(lesson.verification)) {
            out.push(report(rule, doc.file, [...at, 'verification'], `Missing \`exercise\` for lesson \`${lesson.id}\`, verified by "${DRILL.exec(lesson.verification)![0]}": expected the exercise record's id.`,
              'Record the drill with `npm run new -- exercise …` and name it: `exercise: EX-YYYY-NNN`.', { at: 'value' }));
          }
          return;
        }
        const ex = model.incidents.get(lesson.exercise);
        if (!ex) return; // ref/unknown-incident says so
        if (ex.data.kind !== 'exercise') {
          out.push(report(rule, doc.file, [...at, 'exercise'], `Unexpected \`${lesson.exercise}\` as the exercise that verified lesson \`${lesson.id}\`, expected an exercise (it is an incident).`, 'Name the exercise record.', { at: 'value' }));
          return;
        }
        const m = timesOf(ex).milestones;
        const held = [m.started, m.detected].find((v) => v && v.kind !== 'unknown' && Number.isFinite(v.latest));
        const since = lesson.implemented ? parseDate(lesson.implemented) : raisedDay(doc, lesson);
        if (held && held.kind !== 'unknown' && since !== undefined && dayOf(held.latest - 1) < since) {
          out.push(report(rule, doc.file, [...at, 'exercise'],
            `Unexpected exercise \`${lesson.exercise}\` (held ${formatDay(dayOf(held.latest - 1))}) as the verification of lesson \`${lesson.id}\`, expected one held after it was ${lesson.implemented ? `implemented (${lesson.implemented})` : `raised (${formatDay(since)})`}.`,
            'An exercise before the change cannot test it: run another, and name that one.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

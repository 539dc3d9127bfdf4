import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

const CLOSED = new Set(['verified', 'wont-fix']);

/** An incident is not closed until its lessons are implemented and tested. */
export const rule: Rule = {
  id: 'incident/closed-with-open-lessons',
  severity: 'error',
  description: 'An incident or exercise is `closed` while a lesson is not `verified` or `wont-fix`.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      if (doc.data.status !== 'closed') continue;
      doc.data.lessons?.forEach((lesson, i) => {
        if (!CLOSED.has(lesson.status)) {
          out.push(report(rule, doc.file, ['lessons', i, 'status'],
            `Unexpected closed ${doc.data.kind} with lesson \`${lesson.id}\` still \`${lesson.status}\`, expected every lesson verified or wont-fix.`,
            lesson.status === 'implemented'
              ? 'Test the change (a drill, a re-run of the attack path), then set `status: verified` with `verified` and `verification`; or reopen the incident (`status: reviewed`).'
              : 'Finish and verify the lesson, or record `status: wont-fix` with a `reason`; until then keep the incident at `status: reviewed`.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

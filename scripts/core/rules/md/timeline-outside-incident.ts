import type { Finding } from '../../diagnostic.js';
import { factText, timesOf } from '../../model/times.js';
import { certainlyBefore } from '../../time/parse.js';
import { report, type Rule } from '../rule.js';

/** Items before the start or after the close are typos (often the date) or belong elsewhere. */
export const rule: Rule = {
  id: 'md/timeline-outside-incident',
  severity: 'error',
  description: 'A timeline item is certainly before `started` (or `detected` when there is no `started`), unless tagged `[precursor]` (the vulnerability disclosed, the patch missed), or certainly after `closed`.',
  check({ model, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      const m = timesOf(doc, policy.approximate_minutes).milestones;
      const startKey = m.started && m.started.kind !== 'unknown' ? 'started' : 'detected';
      const start = m[startKey];
      const end = m.closed;
      for (const entry of doc.timeline ?? []) {
        if (start && entry.phase !== 'precursor' && certainlyBefore(entry.value, start)) {
          out.push(report(rule, doc.file, [], `Unexpected ${entry.written} before \`${startKey}\` ${factText(x[startKey])}, expected timeline items within the incident.`,
            `Tag it \`[precursor]\` if it happened before the incident (a vulnerability disclosed, a patch missed); else fix its date, or move \`${startKey}\` earlier.`, { line: entry.line, column: entry.column }));
        } else if (end && certainlyBefore(end, entry.value)) {
          out.push(report(rule, doc.file, [], `Unexpected ${entry.written} after \`closed\` ${factText(x.closed)}, expected timeline items within the incident.`,
            'Fix the item\'s date; work after closing belongs to the lessons.', { line: entry.line, column: entry.column }));
        }
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { compareEntry } from '../../markdown/timeline.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Items before the start or after the close are typos (often the date) or belong elsewhere. */
export const rule: Rule = {
  id: 'md/timeline-outside-incident',
  severity: 'error',
  description: 'A timeline item is before `started` (or `detected` when there is no `started`) or after `closed`.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      const startKey = x.started !== undefined ? 'started' : 'detected';
      const start = instant(x[startKey]);
      const end = instant(x.closed);
      for (const entry of doc.timeline ?? []) {
        if (start !== undefined && compareEntry(entry, start) < 0) {
          out.push(report(rule, doc.file, [], `Unexpected ${entry.instant} before \`${startKey}\` ${x[startKey]}, expected timeline items within the incident.`,
            `Fix the item's date, or move \`${startKey}\` earlier if the incident began before.`, { line: entry.line, column: entry.column }));
        } else if (end !== undefined && compareEntry(entry, end) > 0) {
          out.push(report(rule, doc.file, [], `Unexpected ${entry.instant} after \`closed\` ${x.closed}, expected timeline items within the incident.`,
            'Fix the item\'s date; work after closing belongs to the lessons.', { line: entry.line, column: entry.column }));
        }
      }
    }
    return out;
  },
};

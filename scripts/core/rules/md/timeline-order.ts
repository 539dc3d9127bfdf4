import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** A timeline out of order misleads everyone who reads it later, and every duration from it. */
export const rule: Rule = {
  id: 'md/timeline-order',
  severity: 'error',
  description: 'A timeline item is earlier than the item above it.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const entries = doc.timeline ?? [];
      for (let i = 1; i < entries.length; i++) {
        const prev = entries[i - 1]!;
        const entry = entries[i]!;
        if (entry.at < prev.at) {
          out.push(report(rule, doc.file, [], `Unexpected ${entry.instant} after ${prev.instant} (line ${prev.line}), expected the timeline in chronological order.`,
            'Move the item to its place in time, or fix its time (a bare time continues the day of the item above).', { line: entry.line, column: entry.column }));
        }
      }
    }
    return out;
  },
};

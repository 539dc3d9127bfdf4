import type { Finding } from '../../diagnostic.js';
import { certainlyBefore } from '../../time/parse.js';
import { report, type Rule } from '../rule.js';

/** A timeline out of order misleads everyone who reads it later, and every duration from it. */
export const rule: Rule = {
  id: 'md/timeline-order',
  severity: 'error',
  description: 'A timeline item is certainly earlier than the item above it (compared at the precision each is written: a date next to a time is out of order only when the whole day is before it).',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const entries = doc.timeline ?? [];
      for (let i = 1; i < entries.length; i++) {
        const prev = entries[i - 1]!;
        const entry = entries[i]!;
        if (certainlyBefore(entry.value, prev.value)) {
          out.push(report(rule, doc.file, [], `Unexpected ${entry.written} after ${prev.written} (line ${prev.line}), expected the timeline in chronological order.`,
            'Move the item to its place in time, or fix its time (a bare time continues the day of the item above).', { line: entry.line, column: entry.column }));
        }
      }
    }
    return out;
  },
};

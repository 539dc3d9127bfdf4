import type { Finding } from '../../diagnostic.js';
import { compareEntry, type TimelineEntry } from '../../markdown/timeline.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Milestones and the timeline are written by different people at different times; they must agree. */
const PAIRS: { milestone: 'detected' | 'contained'; phase: string; pick: (e: TimelineEntry[]) => TimelineEntry | undefined; which: string }[] = [
  { milestone: 'detected', phase: 'detection', pick: (e) => e[0], which: 'first' },
  { milestone: 'contained', phase: 'containment', pick: (e) => e[e.length - 1], which: 'last' },
];

export const rule: Rule = {
  id: 'md/timeline-milestones',
  severity: 'error',
  description: '`detected` differs from the first `[detection]` timeline item, or `contained` from the last `[containment]` item.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      for (const { milestone, phase, pick, which } of PAIRS) {
        const at = instant(doc.data[milestone]);
        const entry = pick((doc.timeline ?? []).filter((e) => e.phase === phase));
        if (at === undefined || !entry || compareEntry(entry, at) === 0) continue;
        out.push(report(rule, doc.file, [],
          `Unexpected ${which} [${phase}] item at ${entry.instant} while \`${milestone}\` in the front matter is ${doc.data[milestone]}, expected them to agree.`,
          compareEntry(entry, at) < 0
            ? `If ${milestone === 'detected' ? 'detection' : 'containment'} happened at ${entry.instant}, set \`${milestone}\` to it; otherwise fix the item's time or its [${phase}] tag.`
            : `Fix this item's time or \`${milestone}\`, whichever is wrong.`, { line: entry.line, column: entry.column }));
      }
    }
    return out;
  },
};

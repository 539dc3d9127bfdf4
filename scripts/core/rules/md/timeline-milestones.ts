import type { Finding } from '../../diagnostic.js';
import type { TimelineEntry } from '../../markdown/timeline.js';
import { factText, timesOf } from '../../model/times.js';
import { certainlyBefore } from '../../time/parse.js';
import { report, type Rule } from '../rule.js';

/** Milestones and the timeline are written by different people at different times; they must agree. */
const PAIRS: { milestone: 'detected' | 'contained'; phase: string; pick: (e: TimelineEntry[]) => TimelineEntry | undefined; which: string }[] = [
  { milestone: 'detected', phase: 'detection', pick: (e) => e[0], which: 'first' },
  { milestone: 'contained', phase: 'containment', pick: (e) => e[e.length - 1], which: 'last' },
];

export const rule: Rule = {
  id: 'md/timeline-milestones',
  severity: 'error',
  description: '`detected` certainly differs from the first `[detection]` timeline item, or `contained` from the last `[containment]` item (at the precision each is written).',
  check({ model, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const m = timesOf(doc, policy.approximate_minutes).milestones;
      for (const { milestone, phase, pick, which } of PAIRS) {
        const at = m[milestone];
        const entry = pick((doc.timeline ?? []).filter((e) => e.phase === phase));
        if (!at || at.kind === 'unknown' || !entry) continue;
        const early = certainlyBefore(entry.value, at);
        if (!early && !certainlyBefore(at, entry.value)) continue;
        out.push(report(rule, doc.file, [],
          `Unexpected ${which} [${phase}] item at ${entry.written} while \`${milestone}\` in the front matter is ${factText(doc.data[milestone])}, expected them to agree.`,
          early
            ? `If ${milestone === 'detected' ? 'detection' : 'containment'} happened at ${entry.written}, set \`${milestone}\` to it; otherwise fix the item's time or its [${phase}] tag.`
            : `Fix this item's time or \`${milestone}\`, whichever is wrong.`, { line: entry.line, column: entry.column }));
      }
    }
    return out;
  },
};

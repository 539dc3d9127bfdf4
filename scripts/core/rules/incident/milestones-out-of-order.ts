import type { Finding } from '../../diagnostic.js';
import type { Milestone } from '../../model/types.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** Pairs that must hold: [earlier, later]. Containment may precede the formal declaration. */
const ORDER: [Milestone, Milestone][] = [
  ['started', 'detected'], ['detected', 'declared'], ['detected', 'contained'], ['contained', 'recovered'],
  ['recovered', 'resolved'], ['contained', 'resolved'], ['declared', 'resolved'], ['resolved', 'reviewed'],
  ['reviewed', 'closed'], ['resolved', 'closed'],
];

/** Durations (time to detect, contain, resolve) are only true when the milestones are. */
export const rule: Rule = {
  id: 'incident/milestones-out-of-order',
  severity: 'error',
  description: 'Milestone timestamps out of order (started ≤ detected ≤ declared, detected ≤ contained ≤ recovered ≤ resolved ≤ reviewed ≤ closed).',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const seen = new Set<Milestone>();
      for (const [a, b] of ORDER) {
        const ta = instant(doc.data[a]);
        const tb = instant(doc.data[b]);
        if (ta === undefined || tb === undefined || tb >= ta || seen.has(b)) continue;
        seen.add(b);
        out.push(report(rule, doc.file, [b], `Unexpected \`${b}\` ${doc.data[b]} before \`${a}\` ${doc.data[a]}, expected ${a} ≤ ${b}.`,
          `Check both times and their time zones; fix whichever is wrong.`, { at: 'value' }));
      }
    }
    return out;
  },
};

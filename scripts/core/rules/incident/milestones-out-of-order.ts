import type { Finding } from '../../diagnostic.js';
import { timesOf } from '../../model/times.js';
import type { Milestone } from '../../model/types.js';
import { certainlyBefore } from '../../time/parse.js';
import { report, type Rule } from '../rule.js';

/**
 * Orders that cannot be otherwise: nothing is detected before it starts, declared before it is
 * detected, or closed before it is reviewed.
 */
export const HARD: readonly [Milestone, Milestone][] = [
  ['started', 'detected'], ['started', 'contained'], ['started', 'recovered'], ['started', 'resolved'], ['detected', 'declared'],
  ['detected', 'resolved'], ['detected', 'reviewed'], ['resolved', 'closed'], ['reviewed', 'closed'], ['detected', 'closed'],
];

/** The usual order, which real incidents sometimes break for good reasons (see the `unusual` rule). */
export const USUAL: readonly [Milestone, Milestone][] = [
  ['detected', 'contained'], ['contained', 'recovered'], ['recovered', 'resolved'], ['contained', 'resolved'], ['declared', 'resolved'], ['resolved', 'reviewed'],
];

/** Durations are only true when the milestones are; these orders cannot happen. */
export const rule: Rule = {
  id: 'incident/milestones-out-of-order',
  severity: 'error',
  description: 'Milestones in an order that cannot happen: detected before started, declared before detected, closed before reviewed or resolved, … (compared at the precision each is known: only a certain inversion counts).',
  check({ model, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const t = timesOf(doc, policy.approximate_minutes).milestones;
      const seen = new Set<Milestone>();
      for (const [a, b] of HARD) {
        const ta = t[a];
        const tb = t[b];
        if (!ta || !tb || seen.has(b) || !certainlyBefore(tb, ta)) continue;
        seen.add(b);
        out.push(report(rule, doc.file, typeof doc.data[b] === 'object' ? [b, 'at'] : [b], `Unexpected \`${b}\` ${tb.text.trim()} before \`${a}\` ${ta.text.trim()}, expected ${a} ≤ ${b}.`,
          'Check both times and their time zones; fix whichever is wrong.', { at: 'value' }));
      }
    }
    return out;
  },
};

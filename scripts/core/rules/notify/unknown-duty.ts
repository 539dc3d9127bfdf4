import type { Finding } from '../../diagnostic.js';
import { dutiesFor } from '../../model/duties.js';
import { report, type Rule } from '../rule.js';

/** A notification that names a duty the incident does not owe: a typo, or a regime not declared. */
export const rule: Rule = {
  id: 'notify/unknown-duty',
  severity: 'error',
  crossDocument: true,
  description: 'A notification\'s `duty` names no duty of the regimes declared for the incident (firebreak.yml `regimes:`, the plan\'s `regimes:` and its `notify:`).',
  check(ctx) {
    const out: Finding[] = [];
    for (const doc of ctx.model.incidents.values()) {
      const { duties, unknownDuty } = dutiesFor(doc, ctx.model, ctx.config, ctx.now);
      for (const u of unknownDuty) {
        const owed = duties.map((d) => d.key);
        out.push(report(rule, doc.file, ['notifications', u.index, 'duty'],
          `Unexpected duty \`${u.duty}\`, expected one this incident owes${owed.length ? `: ${owed.join(', ')}` : ' (none is declared)'}.`,
          'Fix the name, or declare the regime in firebreak.yml `regimes:` (or the plan\'s).', { at: 'value' }));
      }
    }
    return out;
  },
};

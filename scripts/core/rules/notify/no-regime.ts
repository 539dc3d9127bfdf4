import type { Finding } from '../../diagnostic.js';
import { dutiesFor } from '../../model/duties.js';
import { report, type Rule } from '../rule.js';

/** Personal data, and no regime or plan duty that would say who must be told: nothing is checked. */
export const rule: Rule = {
  id: 'notify/no-regime',
  severity: 'warning',
  crossDocument: true,
  description: 'An incident involves (or may involve) personal data, but no notification regime is declared for it and its plan has no duty to a regulator: no legal deadline is checked.',
  check(ctx) {
    const out: Finding[] = [];
    for (const doc of ctx.model.incidents.values()) {
      const x = doc.data;
      if (x.kind !== 'incident' || (x.impact?.personal_data !== true && x.impact?.personal_data !== 'unknown')) continue;
      const { duties, regimes } = dutiesFor(doc, ctx.model, ctx.config, ctx.now);
      if (regimes.some((r) => r !== 'plan') || duties.some((d) => d.stage.audience === 'regulator')) continue;
      out.push(report(rule, doc.file, ['impact', 'personal_data'],
        'No notification regime is declared for this incident, so no legal deadline is checked for its personal data.',
        'Declare the regimes that apply to you in firebreak.yml (`regimes: [uk-gdpr]`, see docs/regimes.md), or a regulator duty in the plan.', { at: 'value' }));
    }
    return out;
  },
};

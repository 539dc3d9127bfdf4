import type { Finding } from '../../diagnostic.js';
import { regimeIds } from '../../regimes/check-config.js';
import { report, type Rule } from '../rule.js';

/** A plan that declares a regime nobody defined would check no duty under it. */
export const rule: Rule = {
  id: 'ref/unknown-regime',
  severity: 'error',
  description: 'A plan\'s `regimes:` names a regime that is neither built in nor defined in firebreak.yml `regime_definitions:`.',
  check({ model, config }) {
    const out: Finding[] = [];
    const known = regimeIds(config);
    for (const plan of model.plans.values()) {
      plan.data.regimes?.forEach((id, i) => {
        if (!known.includes(id)) {
          out.push(report(rule, plan.file, ['regimes', i], `Unexpected regime \`${id}\`, expected one of ${known.join(', ')}.`,
            'Fix the id, or define the regime under `regime_definitions:` in firebreak.yml (docs/regimes.md).', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

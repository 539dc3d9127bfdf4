import type { Finding } from '../../diagnostic.js';
import type { DocRecord } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

function isBrokenPlan(doc: DocRecord | undefined): boolean {
  return doc !== undefined && (doc.kind === 'plan' || (doc.kind === undefined && doc.folder === 'plans'));
}

/** An incident that names a plan that does not exist cannot be checked against its duties. */
export const rule: Rule = {
  id: 'ref/unknown-plan',
  severity: 'error',
  crossDocument: true,
  description: 'An incident or exercise names a plan id that does not match any plan in plans/.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const plan = doc.data.plan;
      if (plan !== undefined && !model.plans.has(plan) && !isBrokenPlan(model.ids.get(plan))) {
        out.push(report(rule, doc.file, ['plan'], `Unexpected plan id \`${plan}\`, expected one of: ${[...model.plans.keys()].join(', ') || '(no plans yet)'}.`,
          'Fix the id, or add the plan to plans/.', { at: 'value' }));
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { isActive } from '../each.js';
import { report, type Rule } from '../rule.js';

/** A role nobody active can fill is a hole found at the worst moment. */
export const rule: Rule = {
  id: 'plan/role-without-active-contact',
  severity: 'error',
  crossDocument: true,
  description: 'A plan role lists no contact that exists and is active.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.plans.values()) {
      for (const [role, ids] of Object.entries(doc.data.roles)) {
        if (!ids.some((id) => isActive(model.contacts.get(id)))) {
          out.push(report(rule, doc.file, ['roles', role], `Unexpected role \`${role}\` with no active contact (listed: ${ids.join(', ')}), expected at least one.`,
            'Add an active contact who can fill this role, first in order of preference.'));
        }
      }
    }
    return out;
  },
};

import { report, type Rule } from '../rule.js';

/** Every response needs one person in charge; a plan without one invites a committee. */
export const rule: Rule = {
  id: 'plan/no-commander',
  severity: 'error',
  description: 'A plan has no `incident-commander` role.',
  check({ model }) {
    return [...model.plans.values()]
      .filter((doc) => !doc.data.roles['incident-commander'])
      .map((doc) => report(rule, doc.file, ['roles'], 'Missing role `incident-commander`, expected every plan to name who takes command.',
        'Add `incident-commander: [<contact-id>, <backup-id>]` under `roles:`.'));
  },
};

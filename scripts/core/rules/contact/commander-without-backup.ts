import type { Finding } from '../../diagnostic.js';
import { isActive } from '../each.js';
import { report, type Rule } from '../rule.js';

/** An incident commander who is on leave must not stop the response. */
export const rule: Rule = {
  id: 'contact/commander-without-backup',
  severity: 'error',
  crossDocument: true,
  description: 'An active contact who can be incident commander has no active backup.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const c = doc.data;
      if (c.status !== 'active' || !c.roles?.includes('incident-commander')) continue;
      const backups = (c.backups ?? []).filter((id) => id !== c.id && isActive(model.contacts.get(id)));
      if (backups.length === 0) {
        out.push(report(rule, doc.file, c.backups ? ['backups'] : ['roles'],
          `Unexpected incident commander without an active backup${c.backups?.length ? ` (listed: ${c.backups.join(', ')})` : ''}, expected at least one.`,
          'Add `backups:` with the id of an active contact who can take command.'));
      }
    }
    return out;
  },
};

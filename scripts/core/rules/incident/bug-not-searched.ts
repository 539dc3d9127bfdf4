import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** When the cause is a bug, the same bug is usually elsewhere too. */
export const rule: Rule = {
  id: 'incident/bug-not-searched',
  severity: 'warning',
  description: 'The root cause is a bug or configuration error and `root_cause.similar` does not say where similar ones were looked for.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const rc = doc.data.root_cause;
      if (rc && (rc.type === 'bug' || rc.type === 'configuration') && rc.similar === undefined) {
        out.push(report(rule, doc.file, ['root_cause', 'type'], `Missing \`root_cause.similar\` for a ${rc.type} cause, expected where similar ${rc.type === 'bug' ? 'bugs' : 'misconfigurations'} were looked for.`,
          'Search the codebase or estate for the same pattern and record what was found under `similar:`.', { at: 'value' }));
      }
    }
    return out;
  },
};

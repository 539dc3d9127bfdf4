import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** A review that produced no root cause and no lessons did not capture the incident's value. */
export const rule: Rule = {
  id: 'incident/review-incomplete',
  severity: 'warning',
  description: 'A reviewed or closed incident has no `root_cause` or no `lessons`.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      if (x.status !== 'reviewed' && x.status !== 'closed') continue;
      if (x.kind === 'incident' && x.root_cause === undefined) {
        out.push(report(rule, doc.file, ['status'], `Missing \`root_cause\` for a ${x.status} incident, expected the cause found by the review.`,
          'Add `root_cause:` with `summary`, `type`, and where similar causes were looked for.'));
      }
      if (!x.lessons || x.lessons.length === 0) {
        out.push(report(rule, doc.file, ['status'], `Missing \`lessons\` for a ${x.status} ${x.kind}, expected what will change and who owns it.`,
          'Add at least one lesson with `id`, `title`, `owner`, `due` and `status`.'));
      }
    }
    return out;
  },
};

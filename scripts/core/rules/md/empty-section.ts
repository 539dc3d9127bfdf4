import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';
import { findHeading, sectionPlan } from './sections.js';
import { becauseOf } from '../../requirements.js';

/** A heading with nothing under it (or only the scaffold's prompt) records nothing yet. */
export const rule: Rule = {
  id: 'md/empty-section',
  severity: 'error',
  description: 'A section is empty or still holds the scaffold\'s `TODO` prompt: an error once the status requires it, a warning ("to be written") before.',
  check({ model, config }) {
    const out: Finding[] = [];
    for (const doc of model.docs) {
      const plan = sectionPlan(doc, config);
      if (!plan) continue;
      const headings = doc.outline!.sections;
      for (const section of plan.listed) {
        const at = findHeading(headings, section.name, config.sectionAliases);
        if (at === -1 || !headings[at]!.empty) continue;
        const heading = headings[at]!;
        const place = { line: heading.line, column: heading.column };
        if (plan.requiredNow(section)) {
          const why = plan.status ? ` ${becauseOf(section.since, plan.status)}` : '';
          out.push(report(rule, doc.file, [], `Unexpected empty section \`${heading.text}\`${why}, expected what happened (the \`TODO\` prompt does not count).`,
            'Replace the prompt with what you know now; "Not known yet" with the reason is better than nothing.', place));
        } else {
          out.push(report(rule, doc.file, [], `Section \`${heading.text}\` is still to be written (required from status \`${section.since}\`).`,
            'Write it when you know; until then the site shows it as "to be written".', { ...place, severity: 'warning' }));
        }
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';
import { findHeading, sectionPlan } from './sections.js';
import { becauseOf } from '../../requirements.js';

/** Every document of a kind has the same sections in the same order, so readers find things. */
export const rule: Rule = {
  id: 'md/required-sections',
  severity: 'error',
  description: 'A section the document needs at its status is missing, or the sections are out of order (lists in firebreak.yml `sections:`, statuses in `requirements:`).',
  check({ model, config }) {
    const out: Finding[] = [];
    for (const doc of model.docs) {
      const plan = sectionPlan(doc, config);
      if (!plan) continue;
      const headings = doc.outline!.sections;
      const names = plan.listed.map((s) => s.name);
      const found = plan.listed.map((s) => findHeading(headings, s.name, config.sectionAliases));
      let last = -1;
      let lastName: string | undefined;
      plan.listed.forEach((section, i) => {
        const at = found[i]!;
        if (at === -1) {
          if (!plan.requiredNow(section)) return;
          const following = found.slice(i + 1).find((f) => f !== -1);
          const place = following !== undefined ? headings[following]! : { line: doc.outline!.lastLine, column: 1 };
          const why = plan.status ? ` ${becauseOf(section.since, plan.status)}` : '';
          out.push(report(rule, doc.file, [], `Missing section \`${section.name}\`${why}${lastName ? ` after \`${lastName}\`` : ''}, expected the ${doc.kind} sections in order: ${names.join(', ')}.`,
            `Add a \`## ${section.name}\` heading${lastName ? ` after \`${lastName}\`` : ''} (write "Not applicable" and why, if it is).`, { line: place.line, column: place.column }));
          return;
        }
        if (at < last) {
          out.push(report(rule, doc.file, [], `Unexpected section \`${headings[at]!.text}\` after \`${lastName}\`, expected the order: ${names.join(', ')}.`,
            `Move \`${headings[at]!.text}\` before \`${lastName}\`.`, { line: headings[at]!.line, column: headings[at]!.column }));
          return;
        }
        last = at;
        lastName = headings[at]!.text;
      });
    }
    return out;
  },
};

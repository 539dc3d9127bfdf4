import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** An @mention names who did what; a wrong id silently drops them from the record. */
export const rule: Rule = {
  id: 'md/unknown-mention',
  severity: 'error',
  crossDocument: true,
  description: 'A timeline item mentions `@id` that is not a contact.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.docs) {
      for (const entry of doc.timeline ?? []) {
        for (const m of entry.mentions) {
          if (model.contacts.has(m.id) || model.ids.get(m.id)?.folder === 'contacts') continue;
          out.push(report(rule, doc.file, [], `Unexpected mention \`@${m.id}\`, expected the id of a contact in contacts/.`,
            'Fix the id, or add the contact.', { line: m.line, column: m.column }));
        }
      }
    }
    return out;
  },
};

import { allContactRefs } from '../each.js';
import type { DocRecord } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

/** A contact file that exists but is invalid reports its own errors; its references do not cascade. */
function isBrokenContact(doc: DocRecord | undefined): boolean {
  return doc !== undefined && (doc.kind === 'contact' || (doc.kind === undefined && doc.folder === 'contacts'));
}

/** A contact id that resolves to nothing leaves a responder with nobody to call. */
export const rule: Rule = {
  id: 'ref/unknown-contact',
  severity: 'error',
  crossDocument: true,
  description: 'A contact id that does not match any contact in contacts/.',
  check({ model }) {
    return allContactRefs(model)
      .filter(({ ref }) => !model.contacts.has(ref.id) && !isBrokenContact(model.ids.get(ref.id)))
      .map(({ file, ref }) => {
        const other = model.plans.has(ref.id) ? ' (it is a plan)' : model.incidents.has(ref.id) ? ' (it is an incident)' : '';
        return report(rule, file, ref.path, `Unexpected contact id \`${ref.id}\`${other}, expected the id of a contact in contacts/.`,
          `Fix the id, or add contacts/${ref.id}.md (\`npm run new -- contact\`).`, { at: 'value' });
      });
  },
};

import { allContactRefs } from '../each.js';
import { report, type Rule } from '../rule.js';

/** People leave; a plan or backup chain that still names them fails when it is needed. */
export const rule: Rule = {
  id: 'ref/departed-contact',
  severity: 'error',
  crossDocument: true,
  description: 'A plan, backup chain or unclosed lesson relies on a contact whose status is departed.',
  check({ model }) {
    return allContactRefs(model)
      .filter(({ ref }) => ref.current && model.contacts.get(ref.id)?.data.status === 'departed')
      .map(({ file, ref }) =>
        report(rule, file, ref.path, `Unexpected departed contact \`${ref.id}\`, expected an active contact here.`,
          `Name who took over from ${model.contacts.get(ref.id)!.data.name}; departed contacts are kept for history only.`, { at: 'value' }));
  },
};

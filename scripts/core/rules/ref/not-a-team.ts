import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

/** `team` groups people in the directory; it must name a team, not a person. */
export const rule: Rule = {
  id: 'ref/not-a-team',
  severity: 'error',
  crossDocument: true,
  description: 'A contact\'s `team` names a contact that is not of type team.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const team = doc.data.team;
      const target = team === undefined ? undefined : model.contacts.get(team);
      if (target && target.data.type !== 'team') {
        out.push(report(rule, doc.file, ['team'], `Unexpected \`${team}\` (a ${target.data.type}) as team, expected a contact of type team.`,
          'Name the team contact this person belongs to.', { at: 'value' }));
      }
    }
    return out;
  },
};

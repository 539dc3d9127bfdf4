import type { Finding } from '../../diagnostic.js';
import type { IncidentStatus, Milestone } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

const RANK: Record<IncidentStatus, number> = { open: 0, contained: 1, resolved: 2, reviewed: 3, closed: 4 };
const STAGE: [Milestone, number][] = [['contained', 1], ['resolved', 2], ['reviewed', 3], ['closed', 4]];

/** The status and the milestones must tell the same story, or the dashboard lies. */
export const rule: Rule = {
  id: 'incident/status-milestones',
  severity: 'error',
  description: 'The status needs the milestones up to it (`resolved` needs `contained` and `resolved`, …) and none beyond it.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      const rank = RANK[x.status];
      for (const [m, r] of STAGE) {
        if (r <= rank && x[m] === undefined) {
          out.push(report(rule, doc.file, ['status'], `Missing \`${m}\` for status \`${x.status}\`, expected the time it was ${m}.`,
            `Add \`${m}: YYYY-MM-DDTHH:MMZ\`, or set the status back.`, { at: 'value' }));
        } else if (r > rank && x[m] !== undefined) {
          out.push(report(rule, doc.file, [m], `Unexpected \`${m}\` while status is \`${x.status}\`, expected status \`${m}\` or later.`,
            `Update \`status\` to match, or remove \`${m}\`.`));
        }
      }
    }
    return out;
  },
};

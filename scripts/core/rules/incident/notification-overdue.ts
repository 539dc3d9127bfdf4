import type { Finding } from '../../diagnostic.js';
import { formatDuration } from '../../model/time.js';
import { instant } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** A notification with a deadline and no record of being sent is a legal risk, not paperwork. */
export const rule: Rule = {
  id: 'incident/notification-overdue',
  severity: 'error',
  freshness: true,
  description: 'A notification is past its `due` time without `at` (error), or was sent after it (warning).',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.notifications?.forEach((n, i) => {
        const due = instant(n.due);
        const at = instant(n.at);
        if (due === undefined) return;
        if (at === undefined && due < now.ms) {
          out.push(report(rule, doc.file, ['notifications', i, 'due'], `Unexpected unsent notification to ${n.audience}: due ${n.due}, ${formatDuration(now.ms - due)} ago.`,
            'Send it now through the communications lead, then record `at:` (and a `reference`).', { at: 'value' }));
        } else if (at !== undefined && at > due) {
          out.push(report(rule, doc.file, ['notifications', i, 'at'], `Notification to ${n.audience} sent ${formatDuration(at - due)} after its deadline (${n.due}).`,
            'Record why in the review, and make the delay a lesson if it was avoidable.', { at: 'value', severity: 'warning' }));
        }
      });
    }
    return out;
  },
};

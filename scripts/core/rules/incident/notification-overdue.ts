import type { Finding } from '../../diagnostic.js';
import { notices } from '../../model/notifications.js';
import { humanDuration } from '../../time/duration.js';
import { report, type Rule } from '../rule.js';

/** A notification with a deadline and no record of being sent is a legal risk, not paperwork. */
export const rule: Rule = {
  id: 'incident/notification-overdue',
  severity: 'error',
  freshness: true,
  description: 'A notification is past its `due` time and not sent, not decided against and not marked not required (error), or was sent after it (warning).',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      for (const n of notices(doc, now)) {
        const due = n.due && n.due.kind !== 'unknown' ? n.due : undefined;
        if (!due) continue;
        if (n.state === 'overdue') {
          out.push(report(rule, doc.file, ['notifications', n.index, 'due'], `Unexpected unsent notification to ${n.notification.audience}: due ${due.text.trim()}, ${humanDuration(now.ms - due.latest)} ago.`,
            'Send it now through the communications lead and record `at:`; or record the decision not to (`status: decided-not-to` with `decision:`).', { at: 'value' }));
        } else if (n.state === 'sent late' && n.at && n.at.kind !== 'unknown') {
          out.push(report(rule, doc.file, ['notifications', n.index, 'at'], `Notification to ${n.notification.audience} sent ${humanDuration(n.at.earliest - due.latest)} after its deadline (${due.text.trim()}).`,
            'Record why in the review, and make the delay a lesson if it was avoidable.', { at: 'value', severity: 'warning' }));
        }
      }
    }
    return out;
  },
};

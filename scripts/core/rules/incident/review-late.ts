import type { Finding } from '../../diagnostic.js';
import { timesOf } from '../../model/times.js';
import { days, dayOf, formatDay, nowDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** The review must happen while memories are fresh and people are still assigned. */
export const rule: Rule = {
  id: 'incident/review-late',
  severity: 'error',
  freshness: true,
  description: 'An incident was resolved more than `review_within_days` ago (counted from the latest it could have been resolved) and has not been reviewed.',
  check({ model, now, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      if (x.reviewed !== undefined || x.status === 'reviewed' || x.status === 'closed') continue;
      const resolved = timesOf(doc, policy.approximate_minutes).milestones.resolved;
      if (!resolved || resolved.kind === 'unknown' || !Number.isFinite(resolved.latest)) continue;
      const due = dayOf(resolved.latest - 1) + policy.review_within_days;
      if (due < nowDay(now)) {
        out.push(report(rule, doc.file, ['resolved'],
          `Unexpected unreviewed ${x.kind}: resolved ${resolved.text.trim()}, review was due by ${formatDay(due)} (${days(nowDay(now) - due)} late).`,
          'Hold the post-incident review now, then set `reviewed:` and `status: reviewed`, with lessons and owners.'));
      }
    }
    return out;
  },
};

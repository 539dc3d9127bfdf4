import type { Finding } from '../../diagnostic.js';
import { day, nowDay } from '../dates.js';
import { report, type Rule } from '../rule.js';

/** "Verified" means someone can say when and how; "won't fix" means someone said why. */
export const rule: Rule = {
  id: 'incident/lesson-incomplete',
  severity: 'error',
  description: 'A lesson without an owner while it is still to be done, or whose status nobody knows (warnings), a `verified` lesson without `verified` date and `verification`, a verification dated in the future, or a `wont-fix` lesson without `reason`.',
  check({ model, now }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      doc.data.lessons?.forEach((lesson, i) => {
        const at = ['lessons', i];
        // A published report names what will change, rarely who: the team that records it should.
        if (lesson.owner === undefined && (lesson.status === 'open' || lesson.status === 'in-progress' || lesson.status === 'implemented' || lesson.status === 'unknown')) {
          out.push(lesson.named_owner === undefined
            ? report(rule, doc.file, [...at, 'id'], `Missing \`owner\` for lesson \`${lesson.id}\`, expected who is accountable for it.`,
              'Add `owner: <contact id>`; a lesson nobody owns is not done.', { at: 'value', severity: 'warning' })
            : report(rule, doc.file, [...at, 'named_owner'], `Missing \`owner\` for lesson \`${lesson.id}\`: the source names ${lesson.named_owner}, who is not yet a contact.`,
              `Add \`owner: <contact id>\` for ${lesson.named_owner} (create the contact with \`npm run new -- contact\` if needed).`, { at: 'value', severity: 'warning' }));
        }
        if (lesson.status === 'unknown') {
          out.push(report(rule, doc.file, [...at, 'status'], `Unknown status of lesson \`${lesson.id}\`, expected whether it was done: open, in-progress, implemented, verified or wont-fix.`,
            'Ask its owner or look in its tracker, then set `status:`.', { at: 'value', severity: 'warning' }));
        }
        if (lesson.status === 'verified') {
          const missing = (['verified', 'verification'] as const).filter((k) => lesson[k] === undefined);
          if (missing.length > 0) {
            out.push(report(rule, doc.file, [...at, 'status'], `Missing ${missing.map((k) => `\`${k}\``).join(' and ')} for verified lesson \`${lesson.id}\`, expected when and how it was tested.`,
              'Add `verified: YYYY-MM-DD` and `verification: <how it was tested>`.', { at: 'value' }));
          }
          const d = day(lesson.verified);
          if (d !== undefined && d > nowDay(now)) {
            out.push(report(rule, doc.file, [...at, 'verified'], `Unexpected \`verified\` ${lesson.verified} after today (${now.date}), expected a past date.`,
              'Use the date the test actually happened.', { at: 'value' }));
          }
        }
        if (lesson.status === 'wont-fix' && lesson.reason === undefined) {
          out.push(report(rule, doc.file, [...at, 'status'], `Missing \`reason\` for wont-fix lesson \`${lesson.id}\`, expected why it will not be done.`,
            'Add `reason:` — the risk accepted, or what replaces it.', { at: 'value' }));
        }
      });
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { timesOf } from '../../model/times.js';
import { report, type Rule } from '../rule.js';

/** A time the kit cannot read for certain is said so at its place, never guessed. */
export const rule: Rule = {
  id: 'incident/time-unreadable',
  severity: 'error',
  description: 'A time in the front matter cannot be read without guessing (no zone, an ambiguous zone abbreviation, a 13 PM, a date that does not exist, a time skipped or repeated by daylight saving), or a zone abbreviation disagrees with the daylight saving of its day (warning). See docs/time.md.',
  check({ model, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      for (const { path, problem } of timesOf(doc, policy.approximate_minutes).problems) {
        out.push(report(rule, doc.file, path, `${problem.message}.`, problem.hint, { at: 'value', ...(problem.severity ? { severity: problem.severity } : {}) }));
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { humanDuration } from '../../time/duration.js';
import { atOf } from '../../time/parse.js';
import { timesOf } from '../../model/times.js';
import type { IncidentDoc } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

/** Whether two incidents are already linked, either way, or the later one dismissed the earlier. */
function linked(a: IncidentDoc, b: IncidentDoc): boolean {
  const links = (x: IncidentDoc) => new Set([...(x.data.related ?? []), ...(x.data.unrelated ?? []), ...(x.data.recurrence ? [x.data.recurrence.of] : [])]);
  return links(a).has(b.id) || links(b).has(a.id);
}

/** The same systems and the same kind of cause (or attack vector) within the window: is it the same incident again? */
export const rule: Rule = {
  id: 'incident/possible-recurrence',
  severity: 'warning',
  crossDocument: true,
  description: 'An incident shares systems and its root-cause type (or attack vector) with an earlier one within `recurrence_window_days`, and the two are not linked: it may be a recurrence, and the earlier one\'s lessons may not have held.',
  check({ model, policy }) {
    const out: Finding[] = [];
    const incidents = [...model.incidents.values()].filter((d) => d.data.kind === 'incident' && d.data.systems?.length);
    const at = (d: IncidentDoc) => atOf(timesOf(d).milestones.detected);
    for (const later of incidents) {
      const t = at(later);
      if (t === undefined) continue;
      for (const earlier of incidents) {
        const e = at(earlier);
        if (earlier === later || e === undefined || e >= t || t - e > policy.recurrence_window_days * 86_400_000 || linked(earlier, later)) continue;
        const systems = later.data.systems!.filter((s) => earlier.data.systems!.includes(s));
        if (systems.length === 0) continue;
        const sameCause = later.data.root_cause?.type !== undefined && later.data.root_cause.type === earlier.data.root_cause?.type;
        const sameVector = later.data.category !== undefined && later.data.category === earlier.data.category;
        if (!sameCause && !sameVector) continue;
        const why = [`the same ${systems.length === 1 ? 'system' : 'systems'} (${systems.join(', ')})`, sameCause ? `the same kind of cause (${later.data.root_cause!.type})` : `the same attack vector (${later.data.category})`].join(' and ');
        out.push(report(rule, later.file, ['systems'],
          `Possible recurrence of ${earlier.id} (${humanDuration(t - e)} earlier): ${why}. Did its lessons hold?`,
          `If it is one, record \`recurrence: { of: ${earlier.id}, lessons_held: yes, no or partly }\`; if it is only related, \`related: [${earlier.id}]\`; if not, \`unrelated: [${earlier.id}]\`.`));
      }
    }
    return out;
  },
};

import type { Finding } from '../../diagnostic.js';
import { humanDuration } from '../../time/duration.js';
import { atOf } from '../../time/parse.js';
import { timesOf } from '../../model/times.js';
import type { IncidentDoc } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

/** Whether two incidents are already linked, either way, or the later one dismissed the earlier. */
function linked(a: IncidentDoc, b: IncidentDoc): boolean {
  return linksOf(a).has(b.id) || linksOf(b).has(a.id);
}

const links = new WeakMap<IncidentDoc, Set<string>>();

/** The incidents one names as related, unrelated or the one it recurs (once per document). */
function linksOf(x: IncidentDoc): Set<string> {
  let set = links.get(x);
  if (!set) links.set(x, (set = new Set([...(x.data.related ?? []), ...(x.data.unrelated ?? []), ...(x.data.recurrence ? [x.data.recurrence.of] : [])])));
  return set;
}

/** The index of the first entry at or after `t` in a list sorted by time. */
function firstAtOrAfter(list: readonly { t: number }[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    const at = new Map(incidents.map((d) => [d, atOf(timesOf(d).milestones.detected)]));
    const order = new Map(incidents.map((d, i) => [d, i]));
    // Each system's incidents of one kind of cause, and of one vector, by detection time: only
    // alike incidents within the window before an incident are compared with it, so the work
    // grows with the alike incidents per window, not with all of a system's or their square.
    const byKey = new Map<string, { t: number; d: IncidentDoc }[]>();
    const keysOf = (d: IncidentDoc, s: string) => [
      ...(d.data.root_cause?.type !== undefined ? [`${s}\0cause\0${d.data.root_cause.type}`] : []),
      ...(d.data.category !== undefined ? [`${s}\0vector\0${d.data.category}`] : []),
    ];
    for (const d of incidents) {
      const t = at.get(d);
      if (t === undefined) continue;
      for (const s of new Set(d.data.systems)) for (const k of keysOf(d, s)) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push({ t, d });
    }
    for (const list of byKey.values()) list.sort((a, b) => a.t - b.t);
    const windowMs = policy.recurrence_window_days * 86_400_000;
    for (const later of incidents) {
      const t = at.get(later);
      if (t === undefined) continue;
      const cause = later.data.root_cause?.type;
      const vector = later.data.category;
      if (cause === undefined && vector === undefined) continue;
      // Only incidents of the same kind of cause or the same vector can be one again.
      const candidates = new Set<IncidentDoc>();
      for (const s of new Set(later.data.systems)) {
        for (const k of keysOf(later, s)) {
          const list = byKey.get(k)!;
          for (let i = firstAtOrAfter(list, t - windowMs); i < list.length && list[i]!.t < t; i++) candidates.add(list[i]!.d);
        }
      }
      if (candidates.size === 0) continue;
      for (const earlier of [...candidates].sort((a, b) => order.get(a)! - order.get(b)!)) {
        const e = at.get(earlier)!;
        const sameCause = cause !== undefined && cause === earlier.data.root_cause?.type;
        const sameVector = vector !== undefined && vector === earlier.data.category;
        const systems = later.data.systems!.filter((s) => earlier.data.systems!.includes(s));
        if (systems.length === 0 || linked(earlier, later)) continue;
        const why = [`the same ${systems.length === 1 ? 'system' : 'systems'} (${systems.join(', ')})`, sameCause ? `the same kind of cause (${later.data.root_cause!.type})` : `the same attack vector (${later.data.category})`].join(' and ');
        out.push(report(rule, later.file, ['systems'],
          `Possible recurrence of ${earlier.id} (${humanDuration(t - e)} earlier): ${why}. Did its lessons hold?`,
          `If it is one, record \`recurrence: { of: ${earlier.id}, lessons_held: yes, no or partly }\`; if it is only related, \`related: [${earlier.id}]\`; if not, \`unrelated: [${earlier.id}]\`.`));
      }
    }
    return out;
  },
};

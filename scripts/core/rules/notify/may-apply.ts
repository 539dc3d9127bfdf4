import type { DataPath, Finding } from '../../diagnostic.js';
import type { Duty } from '../../model/duties.js';
import type { IncidentDoc } from '../../model/types.js';
import { humanDuration } from '../../time/duration.js';
import { report, type Rule } from '../rule.js';
import { incidentDuties } from './common.js';

/** Where the fact that settles it is recorded. */
function settlePath(doc: IncidentDoc, d: Duty): DataPath {
  if (d.why?.includes('personal data')) return ['impact', 'personal_data'];
  if (d.why?.includes('records')) return doc.data.impact?.records !== undefined ? ['impact', 'records'] : ['impact'];
  return doc.data.decisions ? ['decisions'] : ['detected'];
}

/** A duty that depends on what is not known yet: say what settles it, and the deadline if it applies. */
export const rule: Rule = {
  id: 'notify/may-apply',
  severity: 'warning',
  crossDocument: true,
  freshness: true,
  description: 'A notification duty may apply: it depends on a fact or a decision not yet recorded (personal data, significance, materiality). Says what settles it and, if it applies, the deadline.',
  check(ctx) {
    const out: Finding[] = [];
    // One finding per regime and reason: "UK GDPR may apply: unknown whether personal data…".
    const groups = new Map<string, { doc: IncidentDoc; duties: Duty[] }>();
    for (const { doc, duty } of incidentDuties(ctx)) {
      if (duty.state !== 'may apply' || doc.data.status === 'closed') continue;
      const key = `${doc.file}\0${duty.regime.id}\0${duty.why}`;
      (groups.get(key) ?? groups.set(key, { doc, duties: [] }).get(key)!).duties.push(duty);
    }
    for (const { doc, duties } of groups.values()) {
      const soonest = duties.filter((d) => d.deadline).sort((a, b) => a.deadline!.due - b.deadline!.due)[0];
      const when = soonest?.deadline ? `; if it does, the first deadline is ${soonest.deadline.text} (\`${soonest.key}\`, ${soonest.margin! >= 0 ? `${humanDuration(soonest.margin!)} left` : `passed ${humanDuration(-soonest.margin!)} ago`})` : '';
      const d = duties[0]!;
      const decision = /^(.+) not yet decided$/.exec(d.why ?? '')?.[1];
      out.push(report(rule, doc.file, settlePath(doc, d),
        `${d.regime.name} may apply (${duties.map((x) => `\`${x.key}\``).join(', ')}): ${d.why}${when}.`,
        decision ? `Decide and record it: \`decisions: { ${decision}: { answer: yes or no, at: <when>, by: <contact> } }\`.` : 'Establish the fact and record it; until then the duty stays in view.', { severity: 'warning' }));
    }
    return out;
  },
};

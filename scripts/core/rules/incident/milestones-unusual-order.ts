import type { Finding } from '../../diagnostic.js';
import { timesOf } from '../../model/times.js';
import type { Milestone } from '../../model/types.js';
import { certainlyBefore } from '../../time/parse.js';
import { report, type Rule } from '../rule.js';
import { USUAL } from './milestones-out-of-order.js';

const WHY: Partial<Record<string, string>> = {
  'detected contained': 'containment came before detection (a control stopped it before anyone noticed)',
  'contained recovered': 'recovery came before containment (service restored while the attacker was still being shut out)',
  'recovered resolved': 'the incident was resolved before every system was back',
  'contained resolved': 'the incident was resolved before it was contained',
  'declared resolved': 'it was resolved before it was declared',
  'resolved reviewed': 'the review was held before the incident was resolved (while hosts were still being recovered)',
};

/** Real incidents break the usual order for good reasons; the record should say which. */
export const rule: Rule = {
  id: 'incident/milestones-unusual-order',
  severity: 'warning',
  description: 'Milestones out of their usual order (detected ≤ contained ≤ recovered ≤ resolved ≤ reviewed), which happens: explain it with a `note` on the later milestone (`reviewed: { at: …, note: … }`), and the warning goes.',
  check({ model, policy }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const times = timesOf(doc, policy.approximate_minutes);
      const t = times.milestones;
      const seen = new Set<Milestone>();
      for (const [a, b] of USUAL) {
        const ta = t[a];
        const tb = t[b];
        if (!ta || !tb || seen.has(b) || !certainlyBefore(tb, ta)) continue;
        seen.add(b);
        if (times.notes[b] || times.notes[a]) continue;
        out.push(report(rule, doc.file, typeof doc.data[b] === 'object' ? [b, 'at'] : [b],
          `Unusual order: \`${b}\` ${tb.text.trim()} before \`${a}\` ${ta.text.trim()}; this happens when ${WHY[`${a} ${b}`] ?? `${b} comes first`}.`,
          `If that is what happened, say so: \`${b}: { at: "${tb.text.trim()}", note: "…" }\`; otherwise fix the times.`, { at: 'value' }));
      }
    }
    return out;
  },
};

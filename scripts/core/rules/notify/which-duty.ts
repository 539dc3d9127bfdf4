import type { Finding } from '../../diagnostic.js';
import { dutiesFor } from '../../model/duties.js';
import { report, type Rule } from '../rule.js';
import { incidentDuties } from './common.js';

/** One notice, several duties to the same audience: say which it discharges. */
export const rule: Rule = {
  id: 'notify/which-duty',
  severity: 'warning',
  crossDocument: true,
  description: 'A notification does not name its duty and several duties are owed to its audience (an early warning and a full notification to the same authority): it counts for one only.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { doc, duty } of incidentDuties(ctx)) {
      if (!duty.guessed) continue;
      const others = dutiesFor(doc, ctx.model, ctx.config, ctx.now).duties.filter((d) => d !== duty && d.stage.audience === duty.stage.audience && d.applies !== 'no').map((d) => d.key);
      out.push(report(rule, doc.file, ['notifications', duty.notice!.index, 'audience'],
        `Notification to ${duty.stage.audience} names no duty; it was counted for \`${duty.key}\`, and ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} owed to ${duty.stage.audience} too.`,
        `Add \`duty: ${duty.key}\` (or the one it was for), and record each stage as its own notification.`, { at: 'value' }));
    }
    return out;
  },
};

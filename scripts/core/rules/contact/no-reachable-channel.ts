import type { Finding } from '../../diagnostic.js';
import { report, type Rule } from '../rule.js';

const VOICE = new Set(['phone', 'pager', 'sms']);
const RESPONDER_ROLES = new Set(['incident-commander', 'deputy-commander', 'technical-lead', 'network', 'identity', 'forensics']);

/** When chat and SSO are down, someone with a response role must still be reachable by phone. */
export const rule: Rule = {
  id: 'contact/no-reachable-channel',
  severity: 'error',
  description: 'An active contact has no channel, or a contact with a responder role has no phone, pager or SMS.',
  check({ model }) {
    const out: Finding[] = [];
    for (const doc of model.contacts.values()) {
      const c = doc.data;
      if (c.status !== 'active') continue;
      if (c.channels.length === 0) {
        out.push(report(rule, doc.file, ['channels'], 'Unexpected contact with no channels, expected at least one way to reach them.',
          'Add a phone, pager, e-mail or chat channel under `channels:`, best first.'));
      } else if (c.roles?.some((r) => RESPONDER_ROLES.has(r)) && !c.channels.some((ch) => VOICE.has(ch.type))) {
        out.push(report(rule, doc.file, ['channels'], `Unexpected responder (${c.roles.filter((r) => RESPONDER_ROLES.has(r)).join(', ')}) reachable only by ${[...new Set(c.channels.map((ch) => ch.type))].join(', ')}, expected a phone, pager or SMS channel.`,
          'Add a phone or pager: chat and e-mail may be down or compromised during an incident.'));
      }
    }
    return out;
  },
};

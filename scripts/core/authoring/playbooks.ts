// Starting points for plans: NIST SP 800-61 steps, roles and notification duties per kind of
// incident. `new plan --from <playbook>` fills the roles from contacts that declare them.

import type { NotifyDuty } from '../model/types.js';

export interface Playbook {
  title: string;
  summary: string;
  categories: string[];
  roles: string[];
  notify: NotifyDuty[];
  steps: Record<'Preparation' | 'Detection and analysis' | 'Containment, eradication and recovery' | 'Post-incident activity', string[]>;
}

const EXECUTIVES: NotifyDuty = { audience: 'executives', within_hours: 4, when: 'severity-high' };
const REGULATOR: NotifyDuty = { audience: 'regulator', within_hours: 72, when: 'personal-data', note: 'GDPR Art. 33: within 72 hours of becoming aware.' };
const POST = ['Hold the review within 14 days of resolution, with every team involved, without blame.', 'Record lessons with an owner, a due date and how each will be tested; close the incident only when all are verified.', 'Write the report for senior staff: cause, effects, handling, what worked and what failed.'];

export const PLAYBOOKS: Record<string, Playbook> = {
  ransomware: {
    title: 'Ransomware and destructive malware',
    summary: 'Files encrypted, a ransom note, or mass file changes or backup deletion on any host.',
    categories: ['email', 'web', 'external-media'],
    roles: ['incident-commander', 'deputy-commander', 'scribe', 'technical-lead', 'forensics', 'communications', 'legal', 'executive'],
    notify: [{ audience: 'executives', within_hours: 1, when: 'always' }, { audience: 'insurer', within_hours: 24, when: 'severity-high' }, REGULATOR, { audience: 'law-enforcement', within_hours: 72, when: 'severity-critical' }],
    steps: {
      'Preparation': ['Immutable, offline-tested backups of critical systems; a restore test every quarter.', 'EDR with host isolation on every server and workstation.', 'A printed copy of this plan and its call sheet.'],
      'Detection and analysis': ['Confirm: ransom note, encrypted files, EDR ransomware behaviour, backup deletion.', 'Declare the incident; open the bridge; the scribe starts the timeline.', 'Scope hosts, accounts and shares; look for initial access and data staged for exfiltration.'],
      'Containment, eradication and recovery': ['Isolate affected hosts; disable the accounts involved; block command-and-control.', 'Capture memory before powering off, unless spread cannot be stopped otherwise.', 'Rebuild from known-good images; restore from immutable backups; rotate credentials.', 'Any contact with the attacker goes through legal and the executive sponsor.'],
      'Post-incident activity': POST,
    },
  },
  'credential-compromise': {
    title: 'Account and credential compromise',
    summary: 'An account used by someone else: phished passwords, MFA fatigue, token theft, malicious OAuth grants.',
    categories: ['email', 'impersonation'],
    roles: ['incident-commander', 'scribe', 'identity', 'network', 'forensics', 'communications'],
    notify: [EXECUTIVES, REGULATOR],
    steps: {
      'Preparation': ['Phishing-resistant MFA for administrators.', 'Sign-in logs from the identity provider and VPN in the SIEM.'],
      'Detection and analysis': ['Confirm the sign-ins, devices and addresses that are not the user\'s.', 'List what the account could reach and what it did: mail rules, OAuth grants, files, VPN.'],
      'Containment, eradication and recovery': ['Disable the account; revoke sessions and refresh tokens; reset password and MFA.', 'Remove malicious inbox rules and grants; block the addresses and phishing domain; purge the mail.'],
      'Post-incident activity': POST,
    },
  },
  ddos: {
    title: 'Denial of service against public services',
    summary: 'Public services slowed or unreachable by hostile traffic.',
    categories: ['attrition'],
    roles: ['incident-commander', 'scribe', 'network', 'vendor-liaison', 'communications', 'customer-support'],
    notify: [{ audience: 'customers', within_hours: 2, when: 'customer-impact' }, EXECUTIVES],
    steps: {
      'Preparation': ['Scrubbing contract with account numbers at hand; traffic baselines per prefix; a status page template.'],
      'Detection and analysis': ['Rule out a release or a partner\'s batch job; identify target, vector and peak rate.'],
      'Containment, eradication and recovery': ['Swing the prefix to scrubbing; enable WAF challenges; ask the ISP to rate-limit upstream.'],
      'Post-incident activity': POST,
    },
  },
  'personal-data-breach': {
    title: 'Personal data breach',
    summary: 'Personal data disclosed, altered, lost or made unavailable, by an attacker or by mistake.',
    categories: ['web', 'improper-usage', 'loss-or-theft', 'other'],
    roles: ['incident-commander', 'scribe', 'privacy', 'legal', 'technical-lead', 'communications', 'executive'],
    notify: [{ audience: 'executives', within_hours: 4, when: 'always' }, REGULATOR, { audience: 'data-subjects', within_hours: 168, when: 'personal-data', note: 'GDPR Art. 34 when the risk to people is high; record the decision either way.' }],
    steps: {
      'Preparation': ['A register of personal-data stores and their owners; template notices for the regulator and for people affected.'],
      'Detection and analysis': ['What data, whose, how many records, since when, who could have seen it.', 'Tell the privacy lead at once: the 72-hour clock is running.'],
      'Containment, eradication and recovery': ['Close the exposure; ask recipients to delete data sent by mistake; preserve the access logs.'],
      'Post-incident activity': POST,
    },
  },
  'vendor-compromise': {
    title: 'Vendor or supply-chain compromise',
    summary: 'A supplier, its software update or its access to our systems is compromised.',
    categories: ['supply-chain'],
    roles: ['incident-commander', 'scribe', 'vendor-liaison', 'technical-lead', 'legal', 'communications'],
    notify: [EXECUTIVES, REGULATOR, { audience: 'partners', within_hours: 24, when: 'customer-impact' }],
    steps: {
      'Preparation': ['An inventory of vendors with access, their contacts, contracts and security SLAs.', 'Vendor accounts separate, least-privilege and logged.'],
      'Detection and analysis': ['Confirm with the vendor through a known channel (not the one possibly compromised); list what the vendor\'s access or software reached.'],
      'Containment, eradication and recovery': ['Suspend the vendor\'s access and integrations; pin or roll back the affected software; rotate shared secrets.'],
      'Post-incident activity': POST,
    },
  },
  'lost-device': {
    title: 'Lost or stolen device',
    summary: 'A laptop, phone or storage device with company data is lost or stolen.',
    categories: ['loss-or-theft'],
    roles: ['incident-commander', 'identity', 'privacy', 'technical-lead'],
    notify: [REGULATOR],
    steps: {
      'Preparation': ['Full-disk encryption and remote wipe on every device; an inventory of who holds what.'],
      'Detection and analysis': ['When and where was it last seen; was it encrypted and locked; what data and sessions were on it.'],
      'Containment, eradication and recovery': ['Wipe remotely; revoke the device\'s sessions and certificates; reset the user\'s credentials.'],
      'Post-incident activity': POST,
    },
  },
  'insider-misuse': {
    title: 'Insider misuse',
    summary: 'Someone with legitimate access uses it against policy: data taken, systems misused.',
    categories: ['improper-usage'],
    roles: ['incident-commander', 'scribe', 'hr', 'legal', 'forensics', 'privacy'],
    notify: [{ audience: 'executives', within_hours: 24, when: 'always' }, REGULATOR],
    steps: {
      'Preparation': ['Access reviews; logging of access to sensitive data; an agreed process with HR and legal.'],
      'Detection and analysis': ['Keep the circle small (need to know); preserve evidence before any conversation with the person.'],
      'Containment, eradication and recovery': ['Suspend access in coordination with HR; recover company data and devices.'],
      'Post-incident activity': POST,
    },
  },
};

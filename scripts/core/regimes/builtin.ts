// The notification regimes the kit ships, each with its legal reference. A repository declares
// which apply to it (firebreak.yml `regimes:`, or a plan's `regimes:`); docs/regimes.md is
// generated from this table. Periods are as the law states them; where the law says "without
// undue delay" the number is the repository's (`policy.undue_delay_hours`).

import type { Regime } from './types.js';

const GDPR_AUTHORITY_NOTE = 'Not required where the breach is unlikely to result in a risk to people: record that decision (`risk: { answer: no }`) or the notification with `status: not-required` and the reason.';

function gdpr(id: string, name: string, reference: string, url: string, jurisdiction: string, zone: string, from: string): Regime {
  return {
    id, name, reference, url, jurisdiction, zone, from,
    when: { personal_data: true },
    stages: [
      {
        id: 'authority', name: 'Notify the supervisory authority', audience: 'regulator',
        clocks: [{ starts: 'detected', period: { hours: 72 } }],
        reference: 'Art. 33(1): without undue delay and, where feasible, not later than 72 hours after having become aware of it',
        when: { presumed: 'risk' }, note: GDPR_AUTHORITY_NOTE,
      },
      {
        id: 'data-subjects', name: 'Tell the people affected', audience: 'data-subjects',
        clocks: [{ starts: 'decision:high-risk', period: { undue_delay: true } }],
        reference: 'Art. 34(1): without undue delay when the breach is likely to result in a high risk to their rights and freedoms',
        when: { decision: 'high-risk' },
        note: 'The clock starts when the high risk is established (`decisions: high-risk`); Art. 34(3) lists when it is not required.',
      },
    ],
  };
}

export const BUILTIN_REGIMES: readonly Regime[] = [
  gdpr('uk-gdpr', 'UK GDPR', 'UK GDPR (retained Regulation (EU) 2016/679) and the Data Protection Act 2018, Art. 33 and 34', 'https://ico.org.uk/for-organisations/report-a-breach/', 'United Kingdom', 'Europe/London', '2021-01-01'),
  gdpr('eu-gdpr', 'EU GDPR', 'Regulation (EU) 2016/679 (GDPR), Art. 33 and 34', 'https://eur-lex.europa.eu/eli/reg/2016/679/oj', 'European Union and EEA', 'Europe/Brussels', '2018-05-25'),
  {
    id: 'nis2', name: 'NIS2', reference: 'Directive (EU) 2022/2555 (NIS2), Art. 23, as transposed by each member state',
    url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj', jurisdiction: 'European Union: essential and important entities', zone: 'Europe/Brussels', from: '2024-10-18',
    when: { decision: 'significant' },
    stages: [
      {
        id: 'early-warning', name: 'Early warning to the CSIRT or competent authority', audience: 'regulator',
        clocks: [{ starts: 'detected', period: { hours: 24 } }],
        reference: 'Art. 23(4)(a): without undue delay and in any event within 24 hours of becoming aware of the significant incident',
      },
      {
        id: 'notification', name: 'Incident notification', audience: 'regulator',
        clocks: [{ starts: 'detected', period: { hours: 72 } }],
        reference: 'Art. 23(4)(b): without undue delay and in any event within 72 hours of becoming aware of the significant incident',
      },
      {
        id: 'final-report', name: 'Final report', audience: 'regulator',
        clocks: [{ starts: 'stage:notification', period: { months: 1 } }],
        reference: 'Art. 23(4)(d): not later than one month after the submission of the incident notification',
        note: 'If the incident is still ongoing then, a progress report is due instead, and the final report within one month of handling it (Art. 23(4)(e)).',
      },
    ],
  },
  {
    id: 'dora', name: 'DORA', reference: 'Regulation (EU) 2022/2554 (DORA), Art. 19, and Delegated Regulation (EU) 2025/301, Art. 5',
    url: 'https://eur-lex.europa.eu/eli/reg/2022/2554/oj', jurisdiction: 'European Union: financial entities', zone: 'Europe/Brussels', from: '2025-01-17',
    when: { decision: 'major' },
    stages: [
      {
        id: 'initial', name: 'Initial notification', audience: 'regulator',
        clocks: [{ starts: 'decision:major', period: { hours: 4 } }, { starts: 'detected', period: { hours: 24 } }],
        reference: 'RTS Art. 5(1): within 4 hours of classifying the incident as major, and no later than 24 hours after becoming aware of it',
      },
      {
        id: 'intermediate', name: 'Intermediate report', audience: 'regulator',
        clocks: [{ starts: 'stage:initial', period: { hours: 72 } }],
        reference: 'RTS Art. 5(2): within 72 hours of the submission of the initial notification',
      },
      {
        id: 'final', name: 'Final report', audience: 'regulator',
        clocks: [{ starts: 'stage:intermediate', period: { months: 1 } }],
        reference: 'RTS Art. 5(3): within one month of the latest updated intermediate report',
      },
    ],
  },
  {
    id: 'sec-8k', name: 'SEC Form 8-K Item 1.05', reference: 'US Securities Exchange Act, Form 8-K Item 1.05 (Release 33-11216)',
    url: 'https://www.sec.gov/rules-regulations/2023/07/s7-09-22', jurisdiction: 'United States: registrants filing with the SEC', zone: 'America/New_York', from: '2023-12-18',
    when: { decision: 'materiality' },
    stages: [
      {
        id: 'filing', name: 'File Form 8-K Item 1.05', audience: 'regulator',
        clocks: [{ starts: 'decision:materiality', period: { business_days: 4, calendar: 'US' } }],
        reference: 'Form 8-K General Instruction B.1: within four business days after the registrant determines the incident is material',
        note: 'Materiality is to be determined without unreasonable delay after discovery; record it under `decisions: materiality`.',
      },
    ],
  },
  {
    id: 'hipaa', name: 'HIPAA Breach Notification Rule', reference: '45 CFR 164.400–414 (HIPAA Breach Notification Rule)',
    url: 'https://www.hhs.gov/hipaa/for-professionals/breach-notification/index.html', jurisdiction: 'United States: covered entities and business associates', zone: 'America/New_York', from: '2009-09-23',
    when: { personal_data: true, decision: 'unsecured-phi' },
    stages: [
      {
        id: 'individuals', name: 'Notify the individuals', audience: 'data-subjects',
        clocks: [{ starts: 'detected', period: { days: 60 } }],
        reference: '§164.404(b): without unreasonable delay and in no case later than 60 calendar days after discovery',
      },
      {
        id: 'hhs', name: 'Notify the Secretary (500 or more people)', audience: 'regulator',
        clocks: [{ starts: 'detected', period: { days: 60 } }], when: { records_at_least: 500 },
        reference: '§164.408(b): contemporaneously with the individuals, within 60 days of discovery',
      },
      {
        id: 'hhs-annual', name: 'Notify the Secretary (fewer than 500 people)', audience: 'regulator',
        clocks: [{ starts: 'detected', period: { days_after_year_end: 60 } }], when: { records_below: 500 },
        reference: '§164.408(c): within 60 days after the end of the calendar year of discovery',
      },
      {
        id: 'media', name: 'Notify prominent media (more than 500 residents of a state)', audience: 'public',
        clocks: [{ starts: 'detected', period: { days: 60 } }], when: { records_at_least: 501 },
        reference: '§164.406: within 60 calendar days after discovery',
      },
    ],
  },
];

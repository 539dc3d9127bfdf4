// Notification duties by regime: for each shipped regime, an incident in, the stages' deadlines
// and the findings out. The worked examples follow the texts cited in scripts/core/regimes/builtin.ts.

import { describe, expect, it } from 'vitest';
import { dutiesOf, type Duty } from '../model/duties.js';
import { nowFrom } from '../model/time.js';
import { defaultConfig } from '../policy.js';
import { BASE, lines, loadModel, run } from '../../test/harness.js';

const I = 'incidents/inc-2026-001.md';

/** An incident with no plan: its duties come from the declared regimes only. */
function incident(front: string, notifications = ''): Record<string, string> {
  const text = `---
id: INC-2026-001
kind: incident
title: Exposed bucket
status: resolved
severity: high
commander: ann-lee
visibility: internal
${front}impact:
  personal_data: true
  summary: Bucket readable by anyone.
${notifications ? `notifications:\n${notifications}` : ''}detection:
  source: A researcher
---

## Summary

Text.
`;
  return { ...BASE, [I]: text };
}

function duties(files: Record<string, string>, regimes: string[], now = '2026-11-23'): Duty[] {
  const model = loadModel(files);
  const config = { ...defaultConfig(), regimes };
  return dutiesOf(model.incidents.get('INC-2026-001')!, model, config, nowFrom(now)!).duties;
}

/** `key state deadline` of every duty. */
const table = (ds: Duty[]) => ds.map((d) => `${d.key} ${d.state}${d.state !== 'not applicable' && d.deadline ? ` ${d.deadline.text}` : d.why ? ` (${d.why})` : d.waitingFor ? ` (${d.waitingFor})` : ''}`);

describe('shipped regimes: deadlines', () => {
  it.each([
    ['UK GDPR: 72 h from awareness; the people affected without undue delay from the high-risk decision',
      incident('detected: 2026-03-02T09:00Z\ndecisions:\n  high-risk: { answer: yes, at: 2026-03-03T12:00Z, by: ann-lee }\n'), ['uk-gdpr'],
      ['uk-gdpr/authority overdue 2026-03-05 09:00 UTC', 'uk-gdpr/data-subjects overdue 2026-03-06 12:00 UTC']],
    ['UK GDPR: the authority is not owed when the breach is unlikely to result in a risk',
      incident('detected: 2026-03-02T09:00Z\ndecisions:\n  risk: { answer: no, at: 2026-03-02T15:00Z, by: ann-lee }\n  high-risk: { answer: no, at: 2026-03-02T15:00Z, by: ann-lee }\n'), ['uk-gdpr'],
      ['uk-gdpr/authority not applicable (risk: decided no, 2026-03-02 15:00 UTC)', 'uk-gdpr/data-subjects not applicable (high-risk: decided no, 2026-03-02 15:00 UTC)']],
    ['EU GDPR did not apply in 2017',
      incident('detected: 2017-06-01T09:00Z\n'), ['eu-gdpr'],
      ['eu-gdpr/authority not applicable (EU GDPR applies from 2018-05-25)', 'eu-gdpr/data-subjects not applicable (EU GDPR applies from 2018-05-25)']],
    ['NIS2: early warning 24 h, notification 72 h, final report a month after the notification was submitted',
      incident('detected: 2026-03-02T09:00Z\ndecisions:\n  significant: { answer: yes, at: 2026-03-02T11:00Z, by: ann-lee }\n',
        '  - { audience: regulator, duty: nis2/early-warning, at: 2026-03-02T20:00Z }\n  - { audience: regulator, duty: nis2/notification, at: 2026-03-04T15:00Z }\n'), ['nis2'],
      ['nis2/early-warning met 2026-03-03 09:00 UTC', 'nis2/notification met 2026-03-05 09:00 UTC', 'nis2/final-report overdue end of 2026-04-04 (Europe/Brussels)']],
    ['NIS2 may apply while significance is undecided',
      incident('detected: 2026-11-23T09:00Z\n'), ['nis2'],
      ['nis2/early-warning may apply 2026-11-24 09:00 UTC', 'nis2/notification may apply 2026-11-26 09:00 UTC', 'nis2/final-report may apply (significant not yet decided)']],
    ['DORA: 4 h from classification as major, capped at 24 h from awareness; then 72 h; then a month',
      incident('detected: 2026-03-02T09:00Z\ndecisions:\n  major: { answer: yes, at: 2026-03-02T20:00Z, by: ann-lee }\n',
        '  - { audience: regulator, duty: dora/initial, at: 2026-03-02T23:00Z }\n  - { audience: regulator, duty: dora/intermediate, at: 2026-03-05T10:00Z }\n'), ['dora'],
      ['dora/initial met 2026-03-03 00:00 UTC', 'dora/intermediate met 2026-03-05 23:00 UTC', 'dora/final overdue end of 2026-04-05 (Europe/Brussels)']],
    ['DORA: classified late, the 24-hour cap is the deadline',
      incident('detected: 2026-03-02T09:00Z\ndecisions:\n  major: { answer: yes, at: 2026-03-03T08:00Z, by: ann-lee }\n'), ['dora'],
      ['dora/initial overdue 2026-03-03 09:00 UTC', 'dora/intermediate waiting (starts when initial notification is submitted)', 'dora/final waiting (starts when intermediate report is submitted)']],
    ['SEC 8-K: four business days from the materiality determination, across Thanksgiving and a weekend',
      incident('detected: 2026-11-20T14:00Z\ndecisions:\n  materiality: { answer: yes, at: "2026-11-24 15:00 America/New_York", by: ann-lee }\n'), ['sec-8k'],
      ['sec-8k/filing due end of 2026-12-01 (America/New_York)']],
    ['SEC 8-K: determined on a Friday, due on Thursday',
      incident('detected: 2026-03-02T14:00Z\ndecisions:\n  materiality: { answer: yes, at: "2026-03-06 10:00 America/New_York", by: ann-lee }\n'), ['sec-8k'],
      ['sec-8k/filing overdue end of 2026-03-12 (America/New_York)']],
    ['SEC 8-K: no clock before materiality is determined',
      incident('detected: 2026-11-20T14:00Z\n'), ['sec-8k'],
      ['sec-8k/filing may apply (materiality not yet decided)']],
    ['HIPAA, 1,200 people: individuals, the Secretary and the media within 60 days',
      incident('detected: "2026-03-02 10:00 America/New_York"\ndecisions:\n  unsecured-phi: { answer: yes, at: 2026-03-03T12:00Z }\n'), ['hipaa'],
      // How many people is not recorded: each stage that depends on it may apply, with its deadline if it does.
      ['hipaa/individuals overdue end of 2026-05-01 (America/New_York)', 'hipaa/hhs may apply end of 2026-05-01 (America/New_York)', 'hipaa/hhs-annual may apply end of 2027-03-01 (America/New_York)', 'hipaa/media may apply end of 2026-05-01 (America/New_York)']],
  ])('%s', (_name, files, regimes, expected) => {
    expect(table(duties(files, regimes))).toEqual(expected);
  });

  it('HIPAA by the number of people: 500 or more to the Secretary now, fewer by the end of the year', () => {
    const small = incident('detected: "2026-03-02 10:00 America/New_York"\ndecisions:\n  unsecured-phi: { answer: yes }\n');
    const big = { ...small, [I]: small[I]!.replace('  summary:', '  records: 1200\n  summary:') };
    const few = { ...small, [I]: small[I]!.replace('  summary:', '  records: 40\n  summary:') };
    expect(table(duties(big, ['hipaa'], '2026-03-10'))).toEqual([
      'hipaa/individuals due end of 2026-05-01 (America/New_York)', 'hipaa/hhs due end of 2026-05-01 (America/New_York)',
      'hipaa/hhs-annual not applicable (500 records or more (1,200))', 'hipaa/media due end of 2026-05-01 (America/New_York)',
    ]);
    expect(table(duties(few, ['hipaa'], '2026-03-10'))).toEqual([
      'hipaa/individuals due end of 2026-05-01 (America/New_York)', 'hipaa/hhs not applicable (fewer than 500 records (40))',
      'hipaa/hhs-annual due end of 2027-03-01 (America/New_York)', 'hipaa/media not applicable (fewer than 501 records (40))',
    ]);
  });

  it('business days name the holidays they stepped over', () => {
    const d = duties(incident('detected: 2026-11-20T14:00Z\ndecisions:\n  materiality: { answer: yes, at: "2026-11-24 15:00 America/New_York" }\n'), ['sec-8k'])[0]!;
    expect(d.deadline!.skipped).toEqual(['2026-11-26 Thanksgiving Day']);
    expect(d.deadline!.period).toBe('4 business days (US)');
  });

  it('a clock starts at the earliest time its event could mean: a detection known to the day starts at its first minute anywhere', () => {
    const d = duties(incident('detected: 2026-03-02\n'), ['uk-gdpr'])[0]!;
    // 2026-03-02 somewhere on Earth begins at 10:00 UTC on 1 March (UTC+14).
    expect(d.deadline!.text).toBe('2026-03-04 10:00 UTC');
  });
});

describe('matching notifications to stages', () => {
  const significant = 'detected: 2026-03-02T09:00Z\ndecisions:\n  significant: { answer: yes, at: 2026-03-02T11:00Z, by: ann-lee }\n';
  it.each([
    ['a notice that names its stage discharges that stage only',
      incident(significant, '  - { audience: regulator, duty: nis2/notification, at: 2026-03-03T15:00Z }\n'),
      ['nis2/early-warning overdue', 'nis2/notification met', 'nis2/final-report overdue']],
    ['one notice without a name counts for the first stage owed to its audience, not for both',
      incident(significant, '  - { audience: regulator, at: 2026-03-02T20:00Z }\n'),
      ['nis2/early-warning met', 'nis2/notification overdue', 'nis2/final-report waiting']],
    ['a decision not to notify (who, when, why) is accepted',
      incident(significant, '  - audience: regulator\n    duty: nis2/early-warning\n    status: decided-not-to\n    decision: { by: ann-lee, at: 2026-03-02T12:00Z, reason: The CSIRT was already told by our MSSP. }\n  - { audience: regulator, duty: nis2/notification, at: 2026-03-04T09:00Z }\n  - { audience: regulator, duty: nis2/final-report, at: 2026-03-30T09:00Z }\n'),
      ['nis2/early-warning decided not to', 'nis2/notification met', 'nis2/final-report met']],
    ['a stage not required, with the reason', incident(significant, '  - { audience: regulator, duty: nis2/early-warning, status: not-required, reason: Not significant after all. }\n'),
      ['nis2/early-warning not applicable', 'nis2/notification overdue', 'nis2/final-report waiting']],
    ['sent at a time nobody recorded, and not known whether sent', incident(significant, '  - { audience: regulator, duty: nis2/early-warning, at: unknown }\n  - { audience: regulator, duty: nis2/notification, status: unknown }\n'),
      ['nis2/early-warning sent, time unknown', 'nis2/notification unknown', 'nis2/final-report waiting']],
  ])('%s', (_name, files, expected) => {
    expect(duties(files, ['nis2']).map((d) => `${d.key} ${d.state}`)).toEqual(expected);
  });
});

describe('rules', () => {
  const uk = { regimes: ['uk-gdpr'] };
  // Art. 34 settled (no high risk), so that each case is about the authority.
  const DETECTED = 'detected: 2026-03-02T09:00Z\ndecisions:\n  high-risk: { answer: no, at: 2026-03-03T09:00Z, by: ann-lee }\n';
  it.each([
    ['told within 72 h', incident(DETECTED, '  - { audience: regulator, duty: uk-gdpr/authority, at: 2026-03-04T09:00Z }\n'), []],
    ['told after 72 h', incident(DETECTED, '  - { audience: regulator, duty: uk-gdpr/authority, at: 2026-03-06T09:00Z }\n'), [`${I}:16:57 notify/late`]],
    ['never told', incident(DETECTED), [`${I}:9:1 notify/missed`]],
    ['told, at a time nobody recorded', incident(DETECTED, '  - { audience: regulator, duty: uk-gdpr/authority, at: unknown }\n'), []],
    ['decided not to, with who, when and why', incident(DETECTED, '  - audience: regulator\n    duty: uk-gdpr/authority\n    status: decided-not-to\n    decision: { by: ann-lee, at: 2026-03-03T09:00Z, reason: Only public data was in the bucket. }\n'), []],
    ['not known whether the regulator was told', incident(DETECTED, '  - { audience: regulator, duty: uk-gdpr/authority, status: unknown }\n'), [`${I}:16:61 notify/unknown`]],
    ['a duty nobody declared', incident(DETECTED, '  - { audience: regulator, duty: uk-gdpr/authority, at: 2026-03-03T09:00Z }\n  - { audience: regulator, duty: nis2/early-warning, at: 2026-03-03T09:00Z }\n'), [`${I}:17:34 notify/unknown-duty`]],
  ])('%s', (_name, files, expected) => {
    const found = run(files, uk).filter((d) => d.file === I);
    expect(lines(found.filter((d) => d.ruleId.startsWith('notify/')))).toEqual(expected);
  });

  it('messages give the deadline, the clock and how late', () => {
    const [missed] = run(incident('detected: 2026-03-02T09:00Z\n'), uk).filter((d) => d.ruleId === 'notify/missed');
    expect(missed!.message).toBe('Missing Notify the supervisory authority (`uk-gdpr/authority`): due 2026-03-05 09:00 UTC, 72 h from detected (2026-03-02 09:00 UTC); 264 d overdue.');
    const [late] = run(incident('detected: 2026-03-02T09:00Z\n', '  - { audience: regulator, duty: uk-gdpr/authority, at: 2026-03-06T09:00Z }\n'), uk).filter((d) => d.ruleId === 'notify/late');
    expect(late!.message).toBe('Notify the supervisory authority (`uk-gdpr/authority`) sent 1 d after its deadline, 2026-03-05 09:00 UTC (72 h from detected (2026-03-02 09:00 UTC)).');
  });

  it('while it may apply, one warning per regime says what settles it and how long is left', () => {
    const files = incident('detected: 2026-11-22T09:00Z\n');
    const open = { ...files, [I]: files[I]!.replace('status: resolved', 'status: open').replace('personal_data: true', 'personal_data: unknown') };
    const found = run(open, uk).filter((d) => d.ruleId === 'notify/may-apply');
    expect(found.map((d) => [d.severity, d.message])).toEqual([['warning',
      'UK GDPR may apply (`uk-gdpr/authority`, `uk-gdpr/data-subjects`): unknown whether personal data was involved; if it does, the first deadline is 2026-11-25 09:00 UTC (`uk-gdpr/authority`, 1 d 9 h left).']]);
  });

  it('without a regime, an incident with personal data says that nothing is checked', () => {
    const files = incident('detected: 2026-03-02T09:00Z\n');
    expect(lines(run(files).filter((d) => d.file === I && d.ruleId.startsWith('notify/')))).toEqual([`${I}:11:18 notify/no-regime`]);
  });

  it('a regime of the repository\'s own: a card scheme, 24 h to the acquirer', () => {
    const regimeDefinitions = [{ id: 'card-scheme', name: 'Card scheme', reference: 'Merchant agreement §12', zone: 'Europe/London', stages: [{ id: 'acquirer', name: 'Tell the acquirer', audience: 'partners' as const, clocks: [{ starts: 'detected' as const, period: { hours: 24 } }] }] }];
    const found = run(incident('detected: 2026-03-02T09:00Z\n'), { regimes: ['card-scheme'], regimeDefinitions }).filter((d) => d.ruleId === 'notify/missed');
    expect(found.map((d) => d.message)).toEqual(['Missing Tell the acquirer (`card-scheme/acquirer`): due 2026-03-03 09:00 UTC, 24 h from detected (2026-03-02 09:00 UTC); 266 d overdue.']);
  });
});

import { describe, expect, it } from 'vitest';
import { BASE, edit, lines, run, withFile } from '../../test/harness.js';

const P = 'plans/breach.md';

describe.each([
  ['reviewed 400 days ago', edit(P, 'last_reviewed: 2026-06-01', 'last_reviewed: 2025-10-19'), [`${P}:14:1 plan/review-overdue`]],
  ['review due within 30 days', edit(P, 'last_reviewed: 2026-06-01', 'last_reviewed: 2025-12-10'), [`${P}:14:1 plan/review-due-soon`]],
  ['own review_every wins', edit(P, 'last_reviewed: 2026-06-01', 'last_reviewed: 2026-06-01\nreview_every: 100'), [`${P}:14:1 plan/review-overdue`]],
  ['exercised 200 days ago', edit(P, 'last_exercised: 2026-10-01', 'last_exercised: 2026-05-07'), [`${P}:15:1 plan/exercise-overdue`]],
  ['exercise due within 30 days', edit(P, 'last_exercised: 2026-10-01', 'last_exercised: 2026-06-10'), [`${P}:15:1 plan/exercise-due-soon`]],
  ['never exercised, reviewed long ago', (() => { const f = edit(P, 'last_exercised: 2026-10-01\n', ''); return { ...f, [P]: f[P]!.replace('last_reviewed: 2026-06-01', 'last_reviewed: 2026-01-15') }; })(), [`${P}:2:1 plan/exercise-overdue`]],
  ['never exercised, reviewed recently', (() => { const f = edit(P, 'last_exercised: 2026-10-01\n', ''); return { ...f, [P]: f[P]!.replace('last_reviewed: 2026-06-01', 'last_reviewed: 2026-10-01') }; })(), []],
  ['role with only a departed contact', edit('contacts/ben-ode.md', 'status: active', 'status: departed'), null],
  ['role with an unknown contact', edit(P, 'scribe: [ben-ode]', 'scribe: [nobody]'), [`${P}:8:3 plan/role-without-active-contact`, `${P}:8:12 ref/unknown-contact`]],
  ['no incident commander', edit(P, '  incident-commander: [ann-lee, ben-ode]\n', ''), [`${P}:6:1 plan/no-commander`]],
])('plan rules: %s', (_name, files, expected) => {
  it('reports exactly', () => {
    const got = lines(run(files));
    if (expected === null) expect(got).toContain(`${P}:8:3 plan/role-without-active-contact`);
    else expect(got).toEqual(expected);
  });
});

describe('plan/exercise-overdue counts exercises that name the plan', () => {
  const neverExercised = edit(P, 'last_exercised: 2026-10-01\n', '');
  const stale = { ...neverExercised, [P]: neverExercised[P]!.replace('last_reviewed: 2026-06-01', 'last_reviewed: 2026-01-15') };
  const exercise = `---
id: EX-2026-001
kind: exercise
title: Tabletop
status: reviewed
severity: low
plan: breach
commander: ann-lee
visibility: internal
detected: 2026-09-01T09:00:00Z
contained: 2026-09-01T10:00:00Z
resolved: 2026-09-01T11:00:00Z
reviewed: 2026-09-01T12:00:00Z
exercise:
  format: tabletop
  scenario: Ransom note on the file share.
lessons:
  - id: l1
    title: Print the call sheet
    owner: ben-ode
    status: verified
    verified: 2026-09-02
    verification: Printed copy found in the safe.
---
`;
  it('a finished exercise satisfies it', () => {
    expect(lines(run({ ...stale, 'incidents/ex-2026-001.md': exercise }))).toEqual([]);
  });
  it('an exercise still open does not', () => {
    const open = exercise.replace('status: reviewed', 'status: open').replace(/contained.*\n|resolved: .*\n|reviewed: .*\n/g, '');
    expect(lines(run({ ...stale, 'incidents/ex-2026-001.md': open }))).toEqual([`${P}:2:1 plan/exercise-overdue`]);
  });
  it('an old exercise is reported with its id', () => {
    const old = exercise.replace(/2026-09-01/g, '2026-03-01');
    const d = run({ ...stale, 'incidents/ex-2026-001.md': old });
    expect(lines(d)).toEqual([`${P}:2:1 plan/exercise-overdue`]);
    expect(d[0]!.message).toContain('EX-2026-001');
  });
  it('unrelated base files stay quiet', () => {
    expect(lines(run(withFile('plans/breach.md', BASE[P]!)))).toEqual([]);
  });
});

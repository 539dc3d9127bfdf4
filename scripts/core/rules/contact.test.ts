import { describe, expect, it } from 'vitest';
import { BASE, edit, lines, run, withFile } from '../../test/harness.js';

describe('the base fixture', () => {
  it('has no diagnostics', () => {
    expect(lines(run(BASE))).toEqual([]);
  });
});

const A = 'contacts/ann-lee.md';

describe.each([
  // [case, files, expected lines]
  ['verified 100 days ago', edit(A, 'last_verified: 2026-11-01', 'last_verified: 2026-08-15'), [`${A}:13:1 contact/stale`]],
  ['exactly at the interval is not stale', edit(A, 'last_verified: 2026-11-01', 'last_verified: 2026-08-25'), [`${A}:13:1 contact/due-soon`]],
  ['one day past the interval', edit(A, 'last_verified: 2026-11-01', 'last_verified: 2026-08-24'), [`${A}:13:1 contact/stale`]],
  ['own review_every wins', edit(A, 'last_verified: 2026-11-01', 'last_verified: 2026-10-01\nreview_every: 30'), [`${A}:13:1 contact/stale`]],
  ['departed contacts are not verified (members naming the team are flagged)', edit('contacts/secops.md', 'status: active\nlast_verified: 2026-11-01', 'status: departed\nlast_verified: 2025-01-01'),
    [`${A}:6:7 ref/departed-contact`, 'contacts/ben-ode.md:6:7 ref/departed-contact']],
  ['due within 14 days', edit(A, 'last_verified: 2026-11-01', 'last_verified: 2026-09-01'), [`${A}:13:1 contact/due-soon`]],
  ['verified in the future', edit(A, 'last_verified: 2026-11-01', 'last_verified: 2026-12-01'), [`${A}:13:16 contact/verified-in-future`]],
])('contact rules: %s', (_name, files, expected) => {
  it('reports exactly', () => {
    expect(lines(run(files))).toEqual(expected);
  });
});

describe('contact/no-reachable-channel', () => {
  it.each([
    ['no channels at all', edit('contacts/secops.md', 'channels:\n  - type: pager\n    value: SECOPS-P1', 'channels: []'), ['contacts/secops.md:6:1 contact/no-reachable-channel']],
    ['commander with e-mail only', edit(A, 'type: phone\n    value: "+44 20 7946 0001"', 'type: email\n    value: ann@example.org'), [`${A}:8:1 contact/no-reachable-channel`]],
    ['a team with a pager is fine', BASE, []],
  ])('%s', (_name, files, expected) => {
    expect(lines(run(files))).toEqual(expected);
  });
});

describe('contact/commander-without-backup', () => {
  it.each([
    ['no backups key', edit(A, 'backups: [ben-ode]\n', ''), [`${A}:7:1 contact/commander-without-backup`]],
    ['only backup departed', edit('contacts/ben-ode.md', 'status: active', 'status: departed'), [
      `${A}:11:1 contact/commander-without-backup`,
      `${A}:11:11 ref/departed-contact`,
      'plans/breach.md:8:3 plan/role-without-active-contact',
      'plans/breach.md:7:33 ref/departed-contact',
      'plans/breach.md:8:12 ref/departed-contact',
    ]],
    ['backing up oneself does not count', edit(A, 'backups: [ben-ode]', 'backups: [ann-lee]'), [`${A}:11:1 contact/commander-without-backup`]],
  ])('%s', (_name, files, expected) => {
    expect(lines(run(files)).sort()).toEqual([...expected].sort());
  });
});

describe('contact/contract-expired', () => {
  it('warns on an expired vendor contract at its value', () => {
    const files = withFile('contacts/acme.md', `---
id: acme
kind: contact
type: vendor
name: Acme
channels:
  - type: phone
    value: "+44 1"
contract:
  expires: 2026-10-31
status: active
last_verified: 2026-11-01
verified_by: ann-lee
---
`);
    const d = run(files);
    expect(lines(d)).toEqual(['contacts/acme.md:10:12 contact/contract-expired']);
    expect(d[0]!.severity).toBe('warning');
  });
});

import { describe, expect, it } from 'vitest';
import { edit, lines, run } from '../../test/harness.js';

const I = 'incidents/inc-2026-001.md';

/** The base incident, reopened to `reviewed` so that lesson states are allowed. */
const reviewed = (from: string, to: string) => {
  const files = edit(I, 'status: closed', 'status: reviewed');
  const text = files[I]!.replace('closed: 2026-06-01T12:00:00Z\n', '');
  if (!text.includes(from)) throw new Error(`missing ${from}`);
  return { ...files, [I]: text.replace(from, to) };
};

describe.each([
  ['closed with an implemented lesson', edit(I, 'status: verified\n    verified: 2026-04-02\n', 'status: implemented\n'),
    [`${I}:34:13 incident/closed-with-open-lessons`]],
  ['closed with an open lesson that is overdue', edit(I, 'status: verified\n    verified: 2026-04-02\n', 'status: open\n'),
    [`${I}:33:10 incident/lesson-overdue`, `${I}:34:13 incident/closed-with-open-lessons`]],
  ['closed with a wont-fix lesson and a reason', edit(I, 'status: verified\n    verified: 2026-04-02\n    verification: Policy check rejected a test change.', 'status: wont-fix\n    reason: Bucket retired.'), []],
  ['wont-fix without a reason', edit(I, 'status: verified\n    verified: 2026-04-02\n    verification: Policy check rejected a test change.', 'status: wont-fix'),
    [`${I}:34:13 incident/lesson-incomplete`]],
  ['verified without a date', edit(I, '    verified: 2026-04-02\n', ''), [`${I}:34:13 incident/lesson-incomplete`]],
  ['verified in the future', edit(I, 'verified: 2026-04-02', 'verified: 2026-12-02'), [`${I}:35:15 incident/lesson-incomplete`]],
  ['implemented, not closed', reviewed('status: verified\n    verified: 2026-04-02\n', 'status: implemented\n'), [`${I}:33:13 incident/lesson-unverified`]],
  ['in progress and not yet due', reviewed('due: 2026-04-01\n    status: verified\n    verified: 2026-04-02\n', 'due: 2026-12-01\n    status: in-progress\n'), []],
  // A published report names what will change, rarely who: a warning, not an error.
  ['open, with no owner', reviewed('    owner: ben-ode\n    due: 2026-04-01\n    status: verified\n    verified: 2026-04-02\n', '    due: 2026-12-01\n    status: open\n'), [`${I}:29:9 incident/lesson-incomplete`]],
  ['verified, with no owner', reviewed('    owner: ben-ode\n', ''), []],
])('lessons: %s', (_name, files, expected) => {
  it('reports exactly', () => {
    expect(lines(run(files))).toEqual(expected);
  });
});

describe.each([
  ['contained before detected: unusual, a warning', edit(I, 'contained: 2026-03-02T10:00:00Z', 'contained: 2026-03-02T08:00:00Z'), [`${I}:14:12 incident/milestones-unusual-order`]],
  ['the unusual order explained', edit(I, 'contained: 2026-03-02T10:00:00Z', 'contained: { at: 2026-03-02T08:00:00Z, note: "The WAF blocked the exfiltration before anyone looked." }'), []],
  ['offsets are compared as instants', edit(I, 'contained: 2026-03-02T10:00:00Z', 'contained: 2026-03-02T10:00:00+02:00'), [`${I}:14:12 incident/milestones-unusual-order`]],
  ['detected before started cannot happen', edit(I, 'started: 2026-03-01T10:00:00Z', 'started: 2026-03-03T10:00:00Z'), [`${I}:12:11 incident/milestones-out-of-order`, `${I}:14:12 incident/milestones-out-of-order`]],
  ['a date and a time on the same day are not out of order', edit(I, 'started: 2026-03-01T10:00:00Z', 'started: 2026-03-02'), []],
  ['a window that overlaps is not out of order', edit(I, 'started: 2026-03-01T10:00:00Z', 'started: 2026-03-01/2026-03-05'), []],
  ['an unknown containment time is allowed', edit(I, 'contained: 2026-03-02T10:00:00Z', 'contained: unknown'), []],
  ['a time that cannot be read is said at its place', edit(I, 'contained: 2026-03-02T10:00:00Z', 'contained: 2026-03-02 10:00 CST'), [`${I}:14:12 incident/time-unreadable`]],
  ['a milestone in the future', edit(I, 'closed: 2026-06-01T12:00:00Z', 'closed: 2027-06-01T12:00:00Z'), [`${I}:17:9 incident/milestone-in-future`]],
  ['closed without the closed milestone', edit(I, 'closed: 2026-06-01T12:00:00Z\n', ''), [`${I}:17:1 incident/status-requirements`]],
  ['open with a resolved milestone', (() => {
    const f = edit(I, 'status: closed', 'status: open');
    return f;
  })(), [`${I}:14:1 incident/status-requirements`, `${I}:15:1 incident/status-requirements`, `${I}:16:1 incident/status-requirements`, `${I}:17:1 incident/status-requirements`]],
])('milestones: %s', (_name, files, expected) => {
  it('reports exactly', () => {
    expect(lines(run(files))).toEqual(expected);
  });
});

describe.each([
  ['resolved 20 days ago, never reviewed', (() => {
    const f = edit(I, 'status: closed', 'status: resolved');
    const t = f[I]!.replace('resolved: 2026-03-03T12:00:00Z\nreviewed: 2026-03-10T12:00:00Z\nclosed: 2026-06-01T12:00:00Z\n', 'resolved: 2026-11-03T12:00:00Z\n');
    return { ...f, [I]: t };
  })(), [`${I}:15:1 incident/review-late`]],
  ['resolved 10 days ago is in time', (() => {
    const f = edit(I, 'status: closed', 'status: resolved');
    const t = f[I]!.replace('resolved: 2026-03-03T12:00:00Z\nreviewed: 2026-03-10T12:00:00Z\nclosed: 2026-06-01T12:00:00Z\n', 'resolved: 2026-11-13T12:00:00Z\n');
    return { ...f, [I]: t };
  })(), []],
])('review: %s', (_name, files, expected) => {
  it('reports exactly', () => {
    expect(lines(run(files))).toEqual(expected);
  });
});

describe.each([
  // The plan's duty (plan/regulator: 72 h from the declaration, personal data), matched by audience.
  ['regulator told after the plan deadline', edit(I, 'at: 2026-03-04T09:00:00Z', 'at: 2026-03-06T09:00:00Z'), [`${I}:24:9 notify/late`], 'warning'],
  ['regulator never told', edit(I, '  - audience: regulator\n    contact: ico\n    at: 2026-03-04T09:00:00Z', '  - audience: executives\n    at: 2026-03-02T10:00:00Z'), [`${I}:21:1 notify/missed`], 'error'],
  ['a due notification not sent', edit(I, 'at: 2026-03-04T09:00:00Z', 'due: 2026-03-05T09:00:00Z'), [`${I}:22:5 notify/missed`, `${I}:24:10 incident/notification-overdue`], 'error'],
  ['no personal data: no duty', edit(I, 'personal_data: true', 'personal_data: false'), [], undefined],
])('notifications: %s', (_name, files, expected, severity) => {
  it('reports exactly', () => {
    const d = run(files);
    expect(lines(d)).toEqual(expected);
    if (severity) expect(d[0]!.severity).toBe(severity);
  });
});

describe('a commander nobody named', () => {
  it('`unknown` is not a contact reference, and the rest is still checked', () => {
    expect(lines(run(edit(I, 'commander: ann-lee', 'commander: unknown')))).toEqual([]);
    expect(lines(run(edit(I, 'commander: ann-lee', 'commander: nobody')))).toEqual([`${I}:8:12 ref/unknown-contact`]);
  });
});

describe.each([
  ['engaged before asked', edit(I, 'participants: [ben-ode]', 'participants: [ben-ode]\nengagements:\n  - contact: ben-ode\n    asked: 2026-03-02T09:40:00Z\n    engaged: 2026-03-02T09:35:00Z'), [`${I}:13:14 incident/engagement-out-of-order`]],
  ['bug without a search for similar bugs', edit(I, 'type: configuration\n  similar: Scanned all buckets.\n', 'type: bug\n'), [`${I}:27:9 incident/bug-not-searched`]],
  ['closed without root cause', edit(I, 'root_cause:\n  summary: Public ACL.\n  type: configuration\n  similar: Scanned all buckets.\n', ''), [`${I}:25:1 incident/status-requirements`]],
  ['gap naming an unknown lesson', edit(I, 'impact:', 'gaps:\n  - phase: detection\n    kind: visibility\n    note: No alert.\n    lesson: l9\nimpact:'), [`${I}:22:13 ref/unknown-lesson`]],
  ['unknown plan (and so no duty to a regulator)', edit(I, 'plan: breach', 'plan: ransomware'), [`${I}:7:7 ref/unknown-plan`, `${I}:19:18 notify/no-regime`]],
  ['unknown commander', edit(I, 'commander: ann-lee', 'commander: ann-le'), [`${I}:8:12 ref/unknown-contact`]],
])('incident: %s', (_name, files, expected) => {
  it('reports exactly', () => {
    expect(lines(run(files))).toEqual(expected);
  });
});

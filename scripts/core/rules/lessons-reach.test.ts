// Lessons that reach their targets, drills named as evidence, and related and recurring
// incidents: one small repository per case, the findings out.

import { describe, expect, it } from 'vitest';
import { BASE, lines, run } from '../../test/harness.js';

const I = 'incidents/inc-2026-001.md';
const P = 'plans/breach.md';

/** The base incident (reviewed 2026-03-10) with its lesson `l1` changed. */
function lesson(fields: string, status = 'verified'): Record<string, string> {
  const text = BASE[I]!.replace('status: closed', 'status: reviewed').replace('closed: 2026-06-01T12:00:00Z\n', '')
    .replace(/    status: verified\n    verified: 2026-04-02\n    verification: Policy check rejected a test change\.\n/, `    status: ${status}\n${status === 'verified' ? '    verified: 2026-04-02\n    verification: Policy check rejected a test change.\n' : ''}${fields}`);
  if (text === BASE[I]) throw new Error('lesson not found');
  return { ...BASE, [I]: text };
}

/** The plan with revisions. */
const withRevisions = (files: Record<string, string>, revisions: string) => ({ ...files, [P]: files[P]!.replace('last_reviewed:', `revisions:\n${revisions}last_reviewed:`) });

const exercise = (id: string, day: string, kind = 'exercise') => ({
  [`incidents/${id.toLowerCase()}.md`]: `---
id: ${id}
kind: ${kind}
title: Drill
status: reviewed
severity: low
commander: ann-lee
visibility: internal
detected: ${day}T10:00:00Z
resolved: ${day}T11:00:00Z
reviewed: ${day}T12:00:00Z
${kind === 'exercise' ? 'exercise:\n  format: contact-drill\n  scenario: Call the team.\n' : 'impact:\n  personal_data: false\n  summary: x\ndetection:\n  source: x\nroot_cause:\n  summary: x\nlessons:\n  - { id: x, title: x, owner: ann-lee, status: open }\n'}---

## Summary

Text.
`,
});

const UNDER_TEST = new Set(['incident/lesson-target-unchanged', 'incident/lesson-exercise', 'ref/unknown-target', 'ref/unknown-incident']);
const errors = (files: Record<string, string>) => lines(run(files).filter((d) => d.severity === 'error' && UNDER_TEST.has(d.ruleId)));

describe('a lesson reaches what it names', () => {
  it.each([
    ['verified, and the plan records the change', withRevisions(lesson('    changes:\n      - plan: breach\n'), '  - { date: 2026-03-20, lesson: INC-2026-001/l1, note: Template updated. }\n'), []],
    ['verified with no change to its plan', lesson('    changes:\n      - plan: breach\n        section: Preparation\n'), [`${I}:37:9 incident/lesson-target-unchanged`]],
    ['a change made before the lesson was raised', withRevisions(lesson('    changes:\n      - plan: breach\n'), '  - { date: 2026-01-20, lesson: INC-2026-001/l1 }\n'), [`${I}:37:9 incident/lesson-target-unchanged`]],
    ['raised earlier than the review, the change counts', withRevisions(lesson('    raised: 2026-01-10\n    changes:\n      - plan: breach\n'), '  - { date: 2026-01-20, lesson: INC-2026-001/l1 }\n'), []],
    ['still in progress: nothing to check yet', lesson('    changes:\n      - plan: breach\n', 'in-progress'), []],
    ['a contact that does not exist yet, for a lesson still open', lesson('    changes:\n      - contact: erp-vendor\n', 'open'), []],
    ['a contact that does not exist, for a lesson said to be done', lesson('    changes:\n      - contact: erp-vendor\n'), [`${I}:37:18 ref/unknown-target`]],
    ['something outside the repository is not checked', lesson('    changes:\n      - external: https://tracker.example.org/SEC-1\n'), []],
    ['a revision naming a lesson that does not exist', withRevisions(lesson(''), '  - { date: 2026-03-20, lesson: INC-2026-001/l9 }\n'), [`${P}:15:33 ref/unknown-incident`]],
  ])('%s', (_name, files, expected) => {
    expect(errors(files)).toEqual(expected);
  });

  it('says what is missing and how to record it', () => {
    const [d] = run(lesson('    changes:\n      - plan: breach\n        section: Preparation\n')).filter((x) => x.ruleId === 'incident/lesson-target-unchanged');
    expect(d!.message).toBe('Missing change for lesson `l1` in plan `breach` (Preparation): the lesson is verified, but the plan records no revision naming `INC-2026-001/l1`.');
    expect(d!.hint).toContain('revisions: [{ date: YYYY-MM-DD, lesson: INC-2026-001/l1, note: what changed }]');
  });
});

describe('a drill named as evidence', () => {
  const drill = (fields: string) => lesson(`    implemented: 2026-03-25\n${fields}`).valueOf() as Record<string, string>;
  it.each([
    ['verified in a drill that is recorded and came after', { ...drill('    exercise: EX-2026-001\n'), ...exercise('EX-2026-001', '2026-03-30') }, []],
    ['"verified in a drill" without naming it', lesson('').valueOf() as Record<string, string>, []],
    ['a drill that does not exist', drill('    exercise: EX-2026-009\n'), [`${I}:37:15 ref/unknown-incident`]],
    ['a drill held before the change', { ...drill('    exercise: EX-2026-001\n'), ...exercise('EX-2026-001', '2026-03-01') }, [`${I}:37:15 incident/lesson-exercise`]],
    ['an incident named as the drill', { ...drill('    exercise: INC-2026-002\n'), ...exercise('INC-2026-002', '2026-03-30', 'incident') }, [`${I}:37:15 incident/lesson-exercise`]],
  ])('%s', (_name, files, expected) => {
    expect(errors(files)).toEqual(expected);
  });

  it('a verification that says it was a drill must name the record', () => {
    const files = lesson('').valueOf() as Record<string, string>;
    const said = { ...files, [I]: files[I]!.replace('verification: Policy check rejected a test change.', 'verification: Contact drill on 2026-04-02 reached the team in 4 minutes.') };
    expect(errors(said)).toEqual([`${I}:35:19 incident/lesson-exercise`]);
  });
});

describe('related and recurring incidents', () => {
  /** A second incident a year later on the same system. */
  const second = (extra: string, day = '2026-09-01') => ({
    'incidents/inc-2026-002.md': `---
id: INC-2026-002
kind: incident
title: Bucket again
status: open
severity: low
commander: ann-lee
visibility: internal
systems: [exports]
${extra}detected: ${day}T10:00:00Z
impact:
  personal_data: false
root_cause:
  summary: Public ACL again.
  type: configuration
---

## Summary

Text.
`,
  });
  const first = { ...BASE, [I]: BASE[I]!.replace('participants: [ben-ode]', 'participants: [ben-ode]\nsystems: [exports]') };
  /** The second incident with another cause (`none`: without one), a vector, other systems. */
  const again = (o: { cause?: string; category?: string; systems?: string }) => {
    let text = second('')['incidents/inc-2026-002.md'];
    text = o.cause === undefined ? text.replace('  type: configuration\n', '') : text.replace('type: configuration', `type: ${o.cause}`);
    if (o.category !== undefined) text = text.replace('severity: low\n', `severity: low\ncategory: ${o.category}\n`);
    if (o.systems !== undefined) text = text.replace('systems: [exports]', `systems: [${o.systems}]`);
    return { 'incidents/inc-2026-002.md': text };
  };
  const vector = (files: Record<string, string>, category: string) => ({ ...files, [I]: files[I]!.replace('\nseverity: ', `\ncategory: ${category}\nseverity: `) });
  const systems = (files: Record<string, string>, list: string) => ({ ...files, [I]: files[I]!.replace('systems: [exports]', `systems: [${list}]`) });
  const found = (files: Record<string, string>, prefix: string) => lines(run(files).filter((d) => d.ruleId.startsWith(prefix)));

  it.each([
    ['the same system and kind of cause within a year: suggested', { ...first, ...second('') }, ['incidents/inc-2026-002.md:9:1 incident/possible-recurrence']],
    ['acknowledged as a recurrence', { ...first, ...second('recurrence: { of: INC-2026-001, lessons_held: no }\n') }, []],
    ['acknowledged as related', { ...first, ...second('related: [INC-2026-001]\n') }, []],
    ['looked at and dismissed', { ...first, ...second('unrelated: [INC-2026-001]\n') }, []],
    ['more than the window apart: not suggested', { ...first, ...second('', '2027-06-01') }, []],
    ['another system: not suggested', { ...first, 'incidents/inc-2026-002.md': second('')['incidents/inc-2026-002.md'].replace('systems: [exports]', 'systems: [mail]') }, []],
    ['another kind of cause, no vector: not suggested', { ...first, ...again({ cause: 'vendor' }) }, []],
    ['another kind of cause, the same vector: suggested', { ...vector(first, 'web'), ...again({ cause: 'vendor', category: 'web' }) }, ['incidents/inc-2026-002.md:10:1 incident/possible-recurrence']],
    ['another kind of cause, another vector: not suggested', { ...vector(first, 'web'), ...again({ cause: 'vendor', category: 'email' }) }, []],
    ['no kind of cause, the same vector: suggested', { ...vector(first, 'web'), ...again({ category: 'web' }) }, ['incidents/inc-2026-002.md:10:1 incident/possible-recurrence']],
    ['two shared systems, cause and vector alike: one suggestion', { ...vector(systems(first, 'exports, mail'), 'web'), ...again({ category: 'web', systems: 'exports, mail' }) }, ['incidents/inc-2026-002.md:10:1 incident/possible-recurrence']],
  ])('%s', (_name, files, expected) => {
    expect(found(files, 'incident/possible-recurrence')).toEqual(expected);
  });

  it('the suggestion says why, and asks whether the lessons held', () => {
    const [d] = run({ ...first, ...second('') }).filter((x) => x.ruleId === 'incident/possible-recurrence');
    expect(d!.message).toBe('Possible recurrence of INC-2026-001 (183 d earlier): the same system (exports) and the same kind of cause (configuration). Did its lessons hold?');
  });

  it('a recurrence asks whether the earlier lessons held, once the incident is past open', () => {
    const files = { ...first, ...second('recurrence: { of: INC-2026-001 }\n') };
    const contained = { ...files, 'incidents/inc-2026-002.md': files['incidents/inc-2026-002.md'].replace('status: open', 'status: contained').replace('detected: 2026-09-01T10:00:00Z', 'detected: 2026-09-01T10:00:00Z\ncontained: 2026-09-01T11:00:00Z') };
    expect(found(contained, 'incident/recurrence-lessons')).toEqual(['incidents/inc-2026-002.md:10:19 incident/recurrence-lessons']);
    expect(run(contained).find((d) => d.ruleId === 'incident/recurrence-lessons')!.message).toBe('Missing `lessons_held` for the recurrence of INC-2026-001, expected whether its lessons (`l1`) held.');
  });

  it('links must resolve', () => {
    expect(found({ ...first, ...second('related: [INC-2026-404]\n') }, 'ref/unknown-incident')).toEqual(['incidents/inc-2026-002.md:10:11 ref/unknown-incident']);
  });
});

// What each status requires: one small incident, one status at a time, the findings out.

import { describe, expect, it } from 'vitest';
import { BASE, lines, run } from '../../test/harness.js';
import { DEFAULT_REQUIREMENTS } from '../requirements.js';

const I = 'incidents/inc-2026-001.md';
const SECTIONS = { incident: ['Summary', 'Timeline', 'Detection', 'Response', 'Root cause', 'Lessons'] };

/** An incident as `new` writes it, at `status`, with `extra` front matter and these sections written. */
function incident(status: string, extra: string, written: string[]): Record<string, string> {
  const body = SECTIONS.incident.map((s) => `## ${s}\n\n${written.includes(s) ? (s === 'Timeline' ? '- 2026-11-20T09:00Z [detection] Alert.' : `${s} written.`) : `TODO: ${s}.`}\n`).join('\n');
  const text = `---
id: INC-2026-001
kind: incident
title: Phishing
status: ${status}
severity: low
commander: ann-lee
visibility: internal
detected: 2026-11-20T09:00Z
${extra}detection:
  source: "TODO: what detected it"
impact:
  summary: "TODO: effects so far"
  personal_data: false
---

${body}`;
  return { ...BASE, [I]: text };
}

const check = (files: Record<string, string>) => run(files, { markdown: true, sections: SECTIONS }).filter((d) => d.file === I);
const errors = (files: Record<string, string>) => lines(check(files).filter((d) => d.severity === 'error'));
const warnings = (files: Record<string, string>) => lines(check(files).filter((d) => d.severity === 'warning'));

describe('the status ladder', () => {
  it.each([
    ['open: a new incident has no error, only what is still to be written', incident('open', '', ['Summary', 'Timeline']), []],
    ['open without a summary', incident('open', '', ['Timeline']), [`${I}:17:1 md/empty-section`]],
    ['contained: the time and the response', incident('contained', '', ['Summary', 'Timeline']), [`${I}:10:1 incident/status-requirements`, `${I}:29:1 md/empty-section`]],
    ['contained, written', incident('contained', 'contained: 2026-11-20T10:00Z\n', ['Summary', 'Timeline', 'Response']), []],
    ['contained at a time nobody published: recorded as unknown', incident('contained', 'contained: unknown\n', ['Summary', 'Timeline', 'Response']), []],
    ['contained known to the day', incident('contained', 'contained: 2026-11-20\n', ['Summary', 'Timeline', 'Response']), []],
    ['contained about an hour after detection', incident('contained', 'contained: "~2026-11-20T10:00Z"\n', ['Summary', 'Timeline', 'Response']), []],
    ['resolved with the containment time unknown', incident('resolved', 'contained: unknown\nresolved: 2026-11-21T10:00Z\n', ['Summary', 'Timeline', 'Response']),
      [`${I}:13:11 incident/placeholder`, `${I}:15:12 incident/placeholder`, `${I}:27:1 md/empty-section`]],
    ['resolved: the prompts in front matter are now errors', incident('resolved', 'contained: 2026-11-20T10:00Z\nresolved: 2026-11-21T10:00Z\n', ['Summary', 'Timeline', 'Response']),
      [`${I}:13:11 incident/placeholder`, `${I}:15:12 incident/placeholder`, `${I}:27:1 md/empty-section`]],
    ['a section that is not there at all is missing where it goes', (() => {
      const f = incident('contained', 'contained: 2026-11-20T10:00Z\n', ['Summary', 'Timeline']);
      return { ...f, [I]: f[I]!.replace(/## Response\n\nTODO: Response\.\n\n/, '') };
    })(), [`${I}:30:1 md/required-sections`]],
    ['a milestone beyond the status', incident('open', 'resolved: 2026-11-21T10:00Z\n', ['Summary', 'Timeline']), [`${I}:10:1 incident/status-requirements`]],
  ])('%s', (_name, files, expected) => {
    expect(errors(files)).toEqual(expected);
  });

  it('before a status requires them, prompts and empty sections are warnings at their place', () => {
    expect(warnings(incident('open', '', ['Summary', 'Timeline']))).toEqual([
      `${I}:11:11 incident/placeholder`, `${I}:13:12 incident/placeholder`,
      `${I}:25:1 md/empty-section`, `${I}:29:1 md/empty-section`, `${I}:33:1 md/empty-section`, `${I}:37:1 md/empty-section`,
    ]);
  });

  it('says from which status a thing is required', () => {
    const d = check(incident('reviewed', 'contained: 2026-11-20T10:00Z\nresolved: 2026-11-21T10:00Z\nreviewed: 2026-11-22T10:00Z\n', ['Summary', 'Timeline', 'Response', 'Detection', 'Root cause', 'Lessons']));
    expect(d.find((x) => x.message.includes('detection.source'))!.message)
      .toBe('Unexpected placeholder `TODO: what detected it` in `detection.source` (required from status `resolved`; the status is `reviewed`), expected what is known.');
    expect(d.find((x) => x.message.includes('`lessons`'))!.message).toBe('Missing `lessons` for status `reviewed`, expected at least one lesson: what will change, who owns it.');
  });

  it('the table can be changed in firebreak.yml: the root cause by the time it is resolved', () => {
    const requirements = { ...DEFAULT_REQUIREMENTS, incident: { ...DEFAULT_REQUIREMENTS.incident, resolved: { fields: ['resolved', 'root_cause.summary'], sections: ['Root cause'] } } };
    const files = incident('resolved', 'contained: 2026-11-20T10:00Z\nresolved: 2026-11-21T10:00Z\n', ['Summary', 'Timeline', 'Response']);
    const d = run(files, { markdown: true, sections: SECTIONS, requirements }).filter((x) => x.file === I && x.severity === 'error');
    expect(lines(d)).toEqual([`${I}:17:1 incident/status-requirements`, `${I}:35:1 md/empty-section`]);
    // detection.source and impact.summary are no longer required at resolved: their prompts only warn.
    expect(d.some((x) => x.ruleId === 'incident/placeholder')).toBe(false);
  });

  it.each([
    ['the kit\'s aliases: Issue Summary, Timeline (UTC), Resolution', { 'Summary': 'Issue Summary', 'Timeline': 'Timeline (UTC)', 'Response': 'Resolution' }, undefined, []],
    ['numbered headings: 1. Summary', { 'Summary': '1. Summary' }, undefined, []],
    ['a team\'s own heading, declared in firebreak.yml', { 'Response': 'What we did' }, { 'Response': ['What we did'] }, []],
    ['a team\'s own heading, not declared', { 'Response': 'What we did' }, undefined, [`${I}:34:1 md/required-sections`]],
  ])('section names as teams write them: %s', (_name, rename, extra, expected) => {
    const f = incident('contained', 'contained: 2026-11-20T10:00Z\n', ['Summary', 'Timeline', 'Response']);
    let text = f[I]!;
    for (const [from, to] of Object.entries(rename)) text = text.replace(`## ${from}\n`, `## ${to}\n`);
    const d = run({ ...f, [I]: text }, { markdown: true, sections: SECTIONS, ...(extra ? { sectionAliases: extra } : {}) }).filter((x) => x.file === I && x.severity === 'error');
    expect(lines(d)).toEqual(expected);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { BASE, lines, run } from '../../test/harness.js';
import { markdownProcessor } from './processor.js';

const I = 'incidents/inc-2026-001.md';
const SECTIONS = { incident: ['Summary', 'Timeline', 'Lessons'], plan: ['Preparation'], exercise: [], contact: [] };
const front = BASE[I]!.slice(0, BASE[I]!.indexOf('---\n', 4) + 4);
const FRONT_LINES = front.split('\n').length - 1; // the body starts on the line after

const BODY = `
## Summary

Bucket exposed.

## Timeline

- 2026-03-01T10:00Z Bucket made public.
- 2026-03-02T09:00Z [detection] Researcher mails @ann-lee.
- 09:30 [analysis] Declared.
- 10:00 [containment] Bucket private again.

## Lessons

See the [plan](../plans/breach.md#preparation) and [the commander](ann-lee).
`;

/** BASE with the incident's body replaced; `line(n)` is the file line of body line n. */
function withBody(body: string): Record<string, string> {
  return { ...BASE, [I]: front + body };
}
const line = (n: number) => FRONT_LINES + n;
const md = (files: Record<string, string>, sections = SECTIONS) => lines(run(files, { markdown: true, sections })).filter((l) => l.startsWith(I) || l.includes('md/'));

describe('a complete body', () => {
  it('has no findings', () => {
    expect(md(withBody(BODY))).toEqual([]);
  });
});

describe.each([
  ['missing section', BODY.replace('## Lessons\n', '## Notes\n'), [`${I}:${line(15)}:1 md/required-sections`]],
  ['sections out of order', BODY.replace('## Summary\n\nBucket exposed.\n', '').replace('## Lessons\n', '## Summary\n\nBucket exposed.\n\n## Lessons\n'), [`${I}:${line(3)}:1 md/required-sections`]],
  ['headings match in any case', BODY.replace('## Lessons', '## LESSONS'), []],
  ['empty section', BODY.replace('Bucket exposed.\n', ''), [`${I}:${line(2)}:1 md/empty-section`]],
  ['placeholder section', BODY.replace('Bucket exposed.', 'TODO: what happened, in two sentences.'), [`${I}:${line(2)}:1 md/empty-section`]],
  ['timeline item without zone', BODY.replace('2026-03-01T10:00Z Bucket', '2026-03-01T10:00 Bucket'), [`${I}:${line(8)}:3 md/timeline-item`]],
  ['timeline item with unknown phase', BODY.replace('[analysis]', '[triage]'), [`${I}:${line(10)}:9 md/timeline-item`]],
  ['garbage timeline item', BODY.replace('- 09:30 [analysis] Declared.', '- Declared soon after'), [`${I}:${line(10)}:3 md/timeline-item`]],
  ['two items swapped', BODY.replace('- 09:30 [analysis] Declared.\n- 10:00 [containment] Bucket private again.', '- 10:00 [containment] Bucket private again.\n- 09:30 [analysis] Declared.'), [`${I}:${line(11)}:3 md/timeline-order`]],
  ['item before the incident started', BODY.replace('2026-03-01T10:00Z', '2026-02-28T10:00Z'), [`${I}:${line(8)}:3 md/timeline-outside-incident`]],
  ['item after it closed', BODY.replace('- 10:00 [containment]', '- 2026-06-02T10:00Z [containment]'), [`${I}:${line(11)}:3 md/timeline-milestones`, `${I}:${line(11)}:3 md/timeline-outside-incident`]],
  ['detected disagrees with the first [detection] item', BODY.replace('2026-03-02T09:00Z [detection]', '2026-03-02T08:00Z [detection]'), [`${I}:${line(9)}:3 md/timeline-milestones`]],
  ['contained disagrees with the last [containment] item', BODY.replace('10:00 [containment]', '10:30 [containment]'), [`${I}:${line(11)}:3 md/timeline-milestones`]],
  ['unknown mention', BODY.replace('@ann-lee', '@ann-leigh'), [`${I}:${line(9)}:50 md/unknown-mention`]],
  ['link to a missing document', BODY.replace('../plans/breach.md', '../plans/breech.md'), [`${I}:${line(15)}:9 md/broken-link`]],
  ['link to a missing anchor', BODY.replace('#preparation', '#prep'), [`${I}:${line(15)}:9 md/broken-link`]],
  ['link to a missing id', BODY.replace('(ann-lee)', '(ann-lea)'), [`${I}:${line(15)}:52 md/broken-link`]],
  ['link to an anchor in this document', BODY.replace('(ann-lee)', '(#timeline)'), []],
  ['link to a missing anchor in this document', BODY.replace('(ann-lee)', '(#timelin)'), [`${I}:${line(15)}:52 md/broken-link`]],
  ['web links are not checked', BODY.replace('(ann-lee)', '(https://example.org/nowhere#x)'), []],
  ['a preset rule warns', `${BODY}\nSee http://example.org\n`, [`${I}:${line(17)}:5 md/no-literal-urls`]],
])('%s', (_name, body, expected) => {
  it('reports exactly', () => {
    expect(md(withBody(body))).toEqual(expected);
  });
});

describe('severities', () => {
  it('the preset warns, the kit errs, and firebreak.yml can change either', () => {
    const d = run(withBody(`${BODY.replace('Bucket exposed.\n', '')}\nSee http://example.org\n`), { markdown: true, sections: SECTIONS });
    expect(d.find((x) => x.ruleId === 'md/no-literal-urls')?.severity).toBe('warning');
    expect(d.find((x) => x.ruleId === 'md/empty-section')?.severity).toBe('error');
    const off = run(withBody(`${BODY}\nSee http://example.org\n`), { markdown: true, sections: SECTIONS, rules: { 'md/no-literal-urls': 'off' } });
    expect(off.filter((x) => x.ruleId.startsWith('md/'))).toEqual([]);
  });
});

describe('parsing', () => {
  it('parses each body exactly once per check', () => {
    const spy = vi.spyOn(markdownProcessor(), 'parse');
    const files = withBody(BODY);
    run(files, { markdown: true, sections: SECTIONS });
    expect(spy).toHaveBeenCalledTimes(Object.keys(files).length);
    spy.mockRestore();
  });
});

// The import's pieces, a document in and what it becomes out: which files are post-mortems, the
// metadata each way of writing it yields, action items in every form, and what is left unknown.

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../policy.js';
import { markdownProcessor } from '../markdown/processor.js';
import { outline } from '../markdown/outline.js';
import { quickSections } from '../brief/sections.js';
import { finishLater, TO_FINISH } from '../model/imported.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Model } from '../model/types.js';
import { actionItems } from './actions.js';
import { importPostMortem, type ImportInput } from './convert.js';
import { notAPostMortem } from './source.js';

const CONTACTS: Record<string, string> = { '@alice': 'alice-nguyen', 'alice nguyen': 'alice-nguyen', '@bob': 'bob-okafor' };

function imp(text: string, name = '2024-03-01-outage.md', extra: Partial<ImportInput> = {}) {
  const result = importPostMortem({
    name, text, provenance: { from: name }, visibility: 'internal', today: '2026-11-24', taken: new Set(['INC-2024-001']),
    contactFor: (n) => CONTACTS[n.trim().toLowerCase()], config: defaultConfig(), ...extra,
  });
  if (result.kind !== 'incident') throw new Error(`${result.kind}: ${result.why}`);
  const front = parse(result.text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;
  return { front, report: result.report, result };
}

describe('which files are post-mortems', () => {
  it.each([
    ['README.md', '# Post-mortems\n\nOne file per incident.', /README/],
    ['docs/index.md', '# Index', /index or README/],
    ['postmortem-template.md', '# Title\n\n## Summary', /template \(by its name\)/],
    ['2024-x.md', '# {{ incident name }}\n\n## Timeline\n\n| YYYY-MM-DD HH:mm | event |', /fill-in markers/],
    ['2024-x.md', '   \n', /empty/],
    ['2024-03-01-db.md', '# Database outage\n\n## Summary\n\nOn YYYY-MM-DD nothing.', undefined],
  ])('%s', (name, text, why) => {
    const got = notAPostMortem(name, text);
    if (why) expect(got).toMatch(why);
    else expect(got).toBeUndefined();
  });

  it('a file with nothing that reads as a post-mortem is skipped, not imported', () => {
    const r = importPostMortem({ name: 'notes.md', text: 'Just a paragraph of notes.\n', provenance: { from: 'notes.md' }, visibility: 'internal', today: '2026-11-24', taken: new Set(), contactFor: () => undefined, config: defaultConfig() });
    expect(r).toEqual({ kind: 'skipped', why: expect.stringMatching(/nothing that reads as a post-mortem/) });
  });
});

describe('metadata, wherever the source writes it', () => {
  it.each<[string, string, Record<string, unknown>, Partial<ImportInput>?]>([
    ['bold labels', '# Outage\n\n**Status**: Resolved\n\n**Severity:** High\n\n## Summary\n\nText.', { status: 'resolved', severity: 'high' }],
    ['a heading over a line, with the team\'s own severity names', '# Outage\n\n## Severity\n\nSEV2\n\n## Summary\n\nText.', { severity: 'high' }, { severityMap: { SEV2: 'high' } }],
    ['a heading field naming a contact by chat handle', '# Outage\n\n## Incident Commander: @alice\n\nText.', { commander: 'alice-nguyen' }],
    ['a stats list', '# Outage\n\n## Stats\n\n- Detected: 2024-03-01 10:00 UTC\n- Resolved: 2024-03-01 12:30 UTC\n- Category: web', { detected: '2024-03-01 10:00 UTC', resolved: '2024-03-01 12:30 UTC', category: 'web' }],
    ['a bold label over a list of milestones', '# Outage\n\n- **Key events**\n  - First detected 2024-03-01 10:43\n  - Incident declared 2024-03-01 11:01\n  - Repaired 2024-03-01 11:20\n', { detected: '2024-03-01 10:43', declared: '2024-03-01 11:01', recovered: '2024-03-01 11:20', timezone: 'not-stated' }],
    ['a two-column table', '# Outage\n\n| Field | Value |\n| --- | --- |\n| Severity | low |\n| Personal data | no |\n', { severity: 'low', impact: { personal_data: false } }],
    ['a value that says nobody knows', '# Outage\n\n**Detected**: ???\n', { detected: 'unknown' }],
    ['the zone the timeline declares is the document\'s zone', '# Outage\n\n**Detected**: 2024-03-01 09:00\n\n## Timeline (UTC)\n\n- 09:00 Alert\n', { detected: '2024-03-01 09:00', timezone: 'UTC' }],
  ])('%s', (_name, text, want, extra) => {
    const { front } = imp(text, '2024-03-01-outage.md', extra);
    expect(front).toMatchObject(want);
  });

  it.each([
    ['a severity the kit does not know', '# Outage\n\n**Severity**: SEV1\n', 'severity', /not one of critical, high, medium, low .*--map-severity/],
    ['a time the kit cannot read', '# Outage\n\n**Detected**: yesterday afternoon\n', 'detected', /not a time the kit reads/],
    ['a commander who is not a contact', '# Outage\n\n**Incident Commander**: @zed\n', 'commander', /@zed is not a contact/],
    ['a category that is not the kit\'s', '# Outage\n\n**Category**: Authentication\n', 'category', /not one of the kit's categories/],
  ])('%s is reported and left unknown, never guessed', (_name, text, field, why) => {
    const { front, report } = imp(text);
    expect(front[field]).toBe(field === 'category' ? undefined : 'unknown');
    expect(report.notMapped.map((n) => n.why).join('\n')).toMatch(why);
  });

  it('a stated duration is kept in the body, and said so', () => {
    const { report } = imp('# Outage\n\n- **Time to repair**: 0h 37m\n');
    expect(report.notMapped).toEqual([{ label: 'Time to repair', value: '0h 37m', why: expect.stringMatching(/a duration the source states/), line: 3 }]);
  });

  it.each([
    ['PM2021-004 - ADFS.md', 'INC-2021-004', /year and number from the file name/],
    ['2024-03-01-outage.md', 'INC-2024-002', /year from the file name, next free number/],
    ['2024-001-taken.md', 'INC-2024-002', /year from the file name/],
    ['outage.md', 'INC-2026-001', /the year of the import/],
  ])('the id of %s is %s', (name, id, from) => {
    const { report } = imp('# Outage\n\n## Summary\n\nText.\n', name);
    expect([report.id, report.idFrom]).toEqual([id, expect.stringMatching(from)]);
  });

  it('takes the year from the source\'s own front matter date when the name has none', () => {
    expect(imp('---\ntitle: Outage\ndate: 2019-05-01\nlayout: post\n---\n# Outage\n\n## Summary\n\nText.\n', 'outage.md').report.id).toBe('INC-2019-001');
  });

  it('the title: the first heading, the paragraph under "Incident Title", the front matter, the file name', () => {
    expect(imp('Intro.\n\nSetext title\n============\n\n## Summary\n\nText.').front.title).toBe('Setext title');
    expect(imp('# Incident Title\n\nADFS Outage\n\n## Summary\n\nText.').front.title).toBe('ADFS Outage');
    expect(imp('---\ntitle: From front matter\n---\n**Status**: resolved\n\n- [ ] Fix it\n').front.title).toBe('From front matter');
    expect(imp('**Status**: resolved\n\n## Summary\n\nText.', 'team/2024-03-01-db-failover.md').front.title).toBe('2024-03-01-db-failover');
  });
});

describe('action items in every form', () => {
  const items = (md: string) => actionItems(markdownProcessor().parse(md)).map(({ title, status, owner, due, tracking }) => ({ title, status, ...(owner ? { owner } : {}), ...(due ? { due } : {}), ...(tracking ? { tracking } : {}) }));

  it.each<[string, string, object[]]>([
    ['checkboxes', '## Action items\n\n- [x] Add the alert\n- [ ] Rotate the keys', [{ title: 'Add the alert', status: 'implemented' }, { title: 'Rotate the keys', status: 'open' }]],
    ['no status written', '## Action Items\n\n- Monitor certificate expiry', [{ title: 'Monitor certificate expiry', status: 'unknown' }]],
    ['status words in the text', '## Follow-ups\n\n- Add the alert (done)\n- DONE: Rotate keys\n- Move the DNS ✅\n- Shard the queue (in progress)\n- Rewrite it in Rust (won\'t fix)', [
      { title: 'Add the alert (done)', status: 'implemented' }, { title: 'Rotate keys', status: 'implemented' }, { title: 'Move the DNS ✅', status: 'implemented' },
      { title: 'Shard the queue (in progress)', status: 'in-progress' }, { title: 'Rewrite it in Rust (won\'t fix)', status: 'wont-fix' }]],
    ['owner, due date and a trailing ticket link', '## Remediation\n\n- Add paging for the disk alert, owner: @bob, due 2024-05-01 [JIRA-12](https://jira.example.com/browse/JIRA-12)', [
      { title: 'Add paging for the disk alert, owner: @bob, due 2024-05-01', status: 'unknown', owner: '@bob', due: '2024-05-01', tracking: 'https://jira.example.com/browse/JIRA-12' }]],
    ['a link inside the sentence is not a ticket', '## Next steps\n\n- Read the [runbook](https://wiki.example.com/runbook) and update it', [{ title: 'Read the runbook and update it', status: 'unknown' }]],
    ['a table with owner, status and ticket columns', '## Corrective and Preventative Measures\n\n| Action | Owner | Status | Ticket |\n| --- | --- | --- | --- |\n| Add alert | @bob | Done | https://github.com/o/r/issues/1 |\n| Fix DNS | — | Blocked | |', [
      { title: 'Add alert', status: 'implemented', owner: '@bob', tracking: 'https://github.com/o/r/issues/1' }, { title: 'Fix DNS', status: 'unknown' }]],
    ['a bold label over a list', '- **Action items**:\n  - Fix A\n  - Fix B\n- **Impact**: none', [{ title: 'Fix A', status: 'unknown' }, { title: 'Fix B', status: 'unknown' }]],
    ['sub-bullets are details of their item', '## Actions\n\n- Fix A\n  - first step\n  - second step', [{ title: 'Fix A', status: 'unknown' }]],
    ['narrative lessons are not action items', '## Lessons Learned\n\n- We need better monitoring\n\n## What went well\n\n- Fast response', []],
  ])('%s', (_name, md, want) => {
    expect(items(md)).toEqual(want);
  });

  it('a title longer than a label is cut at a word, and the whole text stays in the body', () => {
    const long = `Investigate ${'the very long cause '.repeat(15)}end`;
    const [item] = actionItems(markdownProcessor().parse(`## Action items\n\n- ${long}`));
    expect(item!.title.length).toBeLessThanOrEqual(200);
    expect(item!.title.endsWith('…')).toBe(true);
    expect(item!.text).toBe(long);
  });

  it('lessons: owners mapped to contacts where known, kept as named otherwise; unique short ids', () => {
    const { front } = imp('# Outage\n\n## Action items\n\n- Fix it, owner: @alice\n- Fix it, owner: @zed\n- Fix it');
    expect(front.lessons).toEqual([
      { id: 'fix-it-owner-alice', title: 'Fix it, owner: @alice', status: 'unknown', owner: 'alice-nguyen' },
      { id: 'fix-it-owner-zed', title: 'Fix it, owner: @zed', status: 'unknown', named_owner: '@zed' },
      { id: 'fix-it', title: 'Fix it', status: 'unknown' },
    ]);
  });
});

describe('sections as teams write them', () => {
  it('a bold label opening a top-level paragraph or list item is a section', () => {
    const md = '# Incident\n\n- **Identified**: Pods crashlooping.\n- **Impact**:\n  - Risk to ingress.\n- **Resolution**:\n\n**Root cause:** memory.\n\nSome **bold** text.';
    const o = outline(markdownProcessor().parse(md), md);
    expect(o.sections.map((s) => [s.text, s.empty, s.label ?? false])).toEqual([
      ['Incident', false, false], ['Identified', false, true], ['Impact', false, true], ['Resolution', true, true], ['Root cause', false, true],
    ]);
    expect(quickSections(md).map((s) => [s.text, s.empty])).toEqual([['Incident', false], ['Identified', false], ['Impact', true], ['Resolution', true], ['Root cause', false]]);
  });

  it('quickSections: headings outside code fences, empty when only a prompt follows', () => {
    expect(quickSections('## A\n\nTODO: write\n\n## B\n\n```\n## not a heading\n```\n\n## C\n')).toEqual([
      { text: 'A', line: 1, column: 1, empty: true }, { text: 'B', line: 5, column: 1, empty: false }, { text: 'C', line: 11, column: 1, empty: true },
    ]);
  });
});

describe('unfinished imports: work to finish, not a failed build', () => {
  const doc = (file: string, imported: object | undefined) => ({ file, kind: 'incident', valid: true, data: { imported } });
  const model = { docs: [doc('a.md', { from: 'x', at: '2026-11-24' }), doc('b.md', { from: 'y', at: '2026-11-24', finished: '2026-11-24' }), doc('c.md', undefined)] } as unknown as Model;
  const d = (file: string, ruleId: string, severity: 'error' | 'warning' = 'error'): Diagnostic => ({ file, ruleId, severity, line: 1, column: 1, message: 'M' });

  it.each<[string, Diagnostic[], [string, string, string][]]>([
    ['a to-finish error in an unfinished import is a warning that says so', [d('a.md', 'md/timeline-order')], [['a.md', 'warning', 'M (imported: to finish)']]],
    ['the same in a finished import stays an error', [d('b.md', 'md/timeline-order')], [['b.md', 'error', 'M']]],
    ['the same in an incident never imported stays an error', [d('c.md', 'md/timeline-order')], [['c.md', 'error', 'M']]],
    ['secrets, schema and reference errors never soften', [d('a.md', 'secret/github'), d('a.md', 'schema/enum'), d('a.md', 'ref/less-visible-mention')], [['a.md', 'error', 'M'], ['a.md', 'error', 'M'], ['a.md', 'error', 'M']]],
    ['what the to-do finding lists is folded into it', [d('a.md', 'incident/import-unfinished', 'warning'), d('a.md', 'md/required-sections'), d('a.md', 'incident/status-requirements'), d('a.md', 'incident/lesson-incomplete', 'warning'), d('a.md', 'incident/lesson-incomplete')], [['a.md', 'warning', 'M'], ['a.md', 'warning', 'M (imported: to finish)']]],
    ['without the to-do finding (rule turned off) nothing is folded', [d('a.md', 'md/required-sections')], [['a.md', 'warning', 'M (imported: to finish)']]],
  ])('%s', (_name, input, want) => {
    expect(finishLater(input, model).map((x) => [x.file, x.severity, x.message])).toEqual(want);
  });

  it('the rules that soften are about completeness and the source\'s own anomalies only', () => {
    for (const id of TO_FINISH) expect(id).toMatch(/^(incident|md|notify)\//);
    expect([...TO_FINISH].some((id) => /secret|schema|parse|less-visible|too-complex/.test(id))).toBe(false);
  });
});

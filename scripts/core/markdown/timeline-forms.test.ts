// Timelines as teams write them: tables, bold timestamps, one event per line, a heading per event
// or per day, a zone declared once, 12- and 24-hour clocks, dates only, approximate times. And the
// anomalies real post-mortems contain, each a finding at its line.

import { describe, expect, it } from 'vitest';
import { BASE, lines, loadModel, run } from '../../test/harness.js';

const I = 'incidents/inc-2026-001.md';

/** The base incident with its Timeline section replaced. */
function withTimeline(timeline: string): Record<string, string> {
  return { ...BASE, [I]: `${BASE[I]!.trimEnd()}\n\n## Timeline\n\n${timeline}\n` };
}

const entries = (timeline: string) => loadModel(withTimeline(timeline)).incidents.get('INC-2026-001')!.timeline!.map((e) => {
  const v = e.value;
  const when = v.kind === 'point' ? (v.precision === 'day' ? `day ${v.date.year}-${String(v.date.month).padStart(2, '0')}-${String(v.date.day).padStart(2, '0')}` : `${v.approximate ? '~' : ''}${new Date(v.at).toISOString().slice(0, 16)}Z`) : v.kind === 'window' ? `${new Date(v.start.at).toISOString().slice(11, 16)}→${new Date(v.end.at).toISOString().slice(11, 16)}` : 'unknown';
  return `${when} ${e.text}`;
});

describe('timeline forms', () => {
  it.each([
    ['a table, the zone in a preface line', 'All times in UTC.\n\n| Time | Event |\n| :--- | --- |\n| 2026-03-02 09:00 | Report received |\n| 2026-03-02 09:40 | Bucket made private |',
      ['2026-03-02T09:00Z Report received', '2026-03-02T09:40Z Bucket made private']],
    ['a table, the zone in the time column\'s header', '| Time (UTC) | Event |\n| --- | --- |\n| 2026-03-02 09:00 | Report received |\n| 09:40 | Bucket made private |',
      ['2026-03-02T09:00Z Report received', '2026-03-02T09:40Z Bucket made private']],
    ['a table with day, date and time columns in Pacific time', '| Day | Date | Time (PT) | Event |\n| --- | --- | --- | --- |\n| Mon | 2026-03-02 | 1:54 PM | Alert fires |\n| Mon | 2026-03-02 | 2:10 PM | On call paged |',
      ['2026-03-02T21:54Z Alert fires', '2026-03-02T22:10Z On call paged']],
    ['bullets with bold timestamps, the zone in the heading', '- **2026-03-02 09:00** Report received\n- **09:40** Bucket made private',
      ['2026-03-02T09:00Z Report received', '2026-03-02T09:40Z Bucket made private']],
    ['one event per line', 'All times in UTC.\n\n2026-03-02 09:00 Report received\n09:40 Bucket made private\n10:05 Logs pulled',
      ['2026-03-02T09:00Z Report received', '2026-03-02T09:40Z Bucket made private', '2026-03-02T10:05Z Logs pulled']],
    ['a heading per event', 'All times in CEST\n\n### 2026-03-02 10:34\n\nLaunch success reaches 0%.\n\n### 10:55 - Cluster self-heals\n\nEverything returns to normal.',
      ['2026-03-02T08:34Z Launch success reaches 0%.', '2026-03-02T08:55Z Cluster self-heals']],
    ['a heading per day, bare times below it', 'Times are in UTC.\n\n### 2026-03-02 Monday\n\n- 09:00 Report received\n- 09:40 Bucket made private\n\n### 2026-03-03 Tuesday\n\n- 08:00 Logs reviewed',
      ['2026-03-02T09:00Z Report received', '2026-03-02T09:40Z Bucket made private', '2026-03-03T08:00Z Logs reviewed']],
    ['dates only, approximate times and windows', '- 2026-03-01 Bucket made public by a deploy\n- 2026-03-02 ~09:00 UTC Report received\n- 09:40 → 10:15 Logs pulled',
      ['day 2026-03-01 Bucket made public by a deploy', '~2026-03-02T09:00Z Report received', '09:40→10:15 Logs pulled']],
  ])('%s', (_name, timeline, expected) => {
    const files = withTimeline(timeline);
    const got = _name.startsWith('bullets with bold') ? loadModel({ ...files, [I]: files[I]!.replace('## Timeline\n', '## Timeline (UTC)\n') }).incidents.get('INC-2026-001')!.timeline!.map((e) => `${new Date((e.value as { at: number }).at).toISOString().slice(0, 16)}Z ${e.text}`) : entries(timeline);
    expect(got).toEqual(expected);
  });
});

describe('timeline anomalies are findings at their line', () => {
  const findings = (timeline: string) => lines(run(withTimeline(timeline), { markdown: true }).filter((d) => d.file === I && d.ruleId.startsWith('md/timeline')));
  const at = (n: number) => `${I}:${n}`;
  // The first line of the timeline section's content.
  const start = BASE[I]!.trimEnd().split('\n').length + 4;
  it.each([
    ['rows out of order', '- 2026-03-02T09:40Z Bucket made private\n- 2026-03-02T09:00Z Report received', [`${at(start + 1)}:3 md/timeline-order`]],
    ['a placeholder left for the time', '- 2026-03-02T09:00Z Report received\n- ?? Logs pulled', [`${at(start + 1)}:3 md/timeline-item`]],
    ['13:06 PM', '- 2026-03-02 13:06 PM UTC Report received', [`${at(start)}:3 md/timeline-item`]],
    ['a five-digit year', '- 20261-03-02T09:00Z Report received', [`${at(start)}:3 md/timeline-item`]],
    ['a zone that disagrees with its date\'s daylight saving', '- 2026-04-02 09:00 PST Report received', [`${at(start)}:3 md/timeline-zone`]],
    ['an ambiguous zone declared once', 'All times in IST.\n\n- 2026-03-02 09:00 Report received', [`${at(start)}:1 md/timeline-item`, `${at(start + 2)}:3 md/timeline-item`]],
  ])('%s', (_name, timeline, expected) => {
    expect(findings(timeline)).toEqual(expected);
  });

  it('a placeholder says what it is', () => {
    const [d] = run(withTimeline('- ?? Logs pulled'), { markdown: true }).filter((x) => x.ruleId === 'md/timeline-item');
    expect(d!.message).toBe('Unexpected placeholder `??` for the time of this item, expected when it happened (or `unknown`).');
  });
});

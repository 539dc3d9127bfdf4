import { describe, expect, it } from 'vitest';
import { parseTimeline } from './timeline.js';

const item = (text: string, line = 10) => ({ text, line, column: 3 });

describe('parseTimeline reads', () => {
  it.each([
    ['2026-03-14T01:10Z Alert', '2026-03-14T01:10Z', undefined, 'Alert'],
    ['2026-03-14T01:10:30Z Alert', '2026-03-14T01:10:30Z', undefined, 'Alert'],
    ['2026-03-14 01:10 UTC [detection] Alert', '2026-03-14T01:10Z', 'detection', 'Alert'],
    ['2026-03-14T02:10+01:00 [Containment] Host isolated', '2026-03-14T02:10+01:00', 'containment', 'Host isolated'],
    ['2026-03-14T01:10Z: colon after the time', '2026-03-14T01:10Z', undefined, 'colon after the time'],
    ['2026-03-14T01:10Z — dash after the time', '2026-03-14T01:10Z', undefined, 'dash after the time'],
  ])('%j', (text, instant, phase, rest) => {
    const { entries, problems } = parseTimeline([item(text)]);
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({ instant, text: rest, line: 10, column: 3 });
    expect(entries[0]!.phase).toBe(phase);
  });

  it('continues the day and zone of the item before for a bare time', () => {
    const { entries } = parseTimeline([item('2026-03-14T23:50+01:00 a'), item('23:55 b'), item('2026-03-15T00:05+01:00 c'), item('00:10 d')]);
    expect(entries.map((e) => e.instant)).toEqual(['2026-03-14T23:50+01:00', '2026-03-14T23:55+01:00', '2026-03-15T00:05+01:00', '2026-03-15T00:10+01:00']);
    expect(entries[1]!.at - entries[0]!.at).toBe(5 * 60_000);
  });

  it('finds @mentions with their positions, not e-mail addresses', () => {
    const { entries } = parseTimeline([item('2026-03-14T01:10Z @alice-nguyen called ops@example.org and @netops.')]);
    expect(entries[0]!.mentions).toEqual([
      { id: 'alice-nguyen', line: 10, column: 21 },
      { id: 'netops', line: 10, column: 62 },
    ]);
  });
});

describe('parseTimeline refuses, one problem per item, and reads the rest', () => {
  it.each([
    ['missing zone', '2026-03-14T01:10 Alert', /without a time zone/],
    ['bare time first', '01:10 Alert', /bare time/],
    ['garbage', 'Sometime on Tuesday the alert fired', /expected it to start with an instant/],
    ['impossible date', '2026-02-30T01:10Z Alert', /real date/],
    ['impossible hour', '2026-03-14T25:10Z Alert', /real date/],
    ['unknown phase', '2026-03-14T01:10Z [triage] Alert', /Unexpected phase `\[triage\]`/],
  ])('%s', (_name, text, message) => {
    const { entries, problems } = parseTimeline([item(text), item('2026-03-14T02:00Z later', 11)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.line).toBe(10);
    expect(entries.map((e) => e.instant)).toEqual(['2026-03-14T02:00Z']);
  });
});

describe('precision', () => {
  it('an item written to the minute matches any second of that minute', async () => {
    const { compareEntry } = await import('./timeline.js');
    const { entries } = parseTimeline([item('2026-03-14T01:10Z a'), item('2026-03-14T01:10:00Z b')]);
    const t = Date.UTC(2026, 2, 14, 1, 10, 30);
    expect(compareEntry(entries[0]!, t)).toBe(0);
    expect(compareEntry(entries[1]!, t)).toBeLessThan(0);
  });
});

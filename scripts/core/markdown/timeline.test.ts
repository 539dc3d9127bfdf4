import { describe, expect, it } from 'vitest';
import { readZone } from '../time/zones.js';
import { parseTimeline, type TimelineEntry } from './timeline.js';

const item = (text: string, line = 10) => ({ text, line, column: 3 });
const at = (e: TimelineEntry) => (e.value.kind === 'point' ? new Date(e.value.at).toISOString() : e.value.kind === 'window' ? `${new Date(e.value.start.at).toISOString()}/${new Date(e.value.end.at).toISOString()}` : 'unknown');
const london = readZone('Europe/London');

describe('parseTimeline reads', () => {
  it.each([
    ['2026-03-14T01:10Z Alert', '2026-03-14T01:10:00.000Z', undefined, 'Alert'],
    ['2026-03-14T01:10:30Z Alert', '2026-03-14T01:10:30.000Z', undefined, 'Alert'],
    ['2026-03-14 01:10 UTC [detection] Alert', '2026-03-14T01:10:00.000Z', 'detection', 'Alert'],
    ['2026-03-14T02:10+01:00 [Containment] Host isolated', '2026-03-14T01:10:00.000Z', 'containment', 'Host isolated'],
    ['2026-03-14T01:10Z: colon after the time', '2026-03-14T01:10:00.000Z', undefined, 'colon after the time'],
    ['2026-03-14T01:10Z — dash after the time', '2026-03-14T01:10:00.000Z', undefined, 'dash after the time'],
    ['2026-03-14 9:37 AM PT Deployed a fix', '2026-03-14T16:37:00.000Z', undefined, 'Deployed a fix'],
    ['**2026-03-14 09:37 UTC** Bold timestamp', '2026-03-14T09:37:00.000Z', undefined, 'Bold timestamp'],
    ['~2026-03-14T18:00Z Around then', '2026-03-14T18:00:00.000Z', undefined, 'Around then'],
    ['2026-03-14T06:40Z → 10:15 Checkout down', '2026-03-14T06:40:00.000Z/2026-03-14T10:15:00.000Z', undefined, 'Checkout down'],
    ['2016-12-16 [precursor] Patch published, not applied', '2016-12-16T00:00:00.000Z', 'precursor', 'Patch published, not applied'],
    ['2026-03-14 14:00 Japan team paged', undefined, undefined, undefined],
  ])('%j', (text, instant, phase, rest) => {
    const { entries, problems } = parseTimeline([item(text)]);
    if (instant === undefined) {
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('without a time zone');
      return;
    }
    expect(problems).toEqual([]);
    expect(at(entries[0]!)).toBe(instant);
    expect(entries[0]!.text).toBe(rest);
    expect(entries[0]!.phase).toBe(phase);
  });

  it('a bare time continues the day and zone of the item above, and says where they came from', () => {
    const { entries } = parseTimeline([item('2026-03-14T23:50+01:00 a', 10), item('23:55 b', 11), item('2026-03-15T00:05+01:00 c', 12), item('00:10 d', 13)]);
    expect(entries.map(at)).toEqual(['2026-03-14T22:50:00.000Z', '2026-03-14T22:55:00.000Z', '2026-03-14T23:05:00.000Z', '2026-03-14T23:10:00.000Z']);
    expect(entries[1]!.value.kind === 'point' && entries[1]!.value.inherited).toEqual({ date: 'line 10', zone: 'line 10' });
  });

  it('a bare time with its own zone or clock is read as written: 18:30 PST after UTC, 1:54 PM', () => {
    const { entries, problems } = parseTimeline([item('2026-03-01T10:00Z a'), item('18:30 PST b'), item('1:54 PM UTC c')]);
    expect(problems).toEqual([]);
    expect(entries.map(at)).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-02T02:30:00.000Z', '2026-03-01T13:54:00.000Z']);
  });

  it('the document\'s zone serves times written without one', () => {
    const { entries } = parseTimeline([item('2026-07-14 09:37 Stand-up'), item('10:00 Call')], { zone: 'zone' in london ? london.zone : undefined, zoneFrom: '`timezone`' });
    expect(entries.map(at)).toEqual(['2026-07-14T08:37:00.000Z', '2026-07-14T09:00:00.000Z']);
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
    ['bare time first', '01:10 Alert', /bare time `01:10` with no date/],
    ['garbage', 'Sometime on Tuesday the alert fired', /expected it to start with when it happened/],
    ['impossible date', '2026-02-30T01:10Z Alert', /Unexpected day 30/],
    ['impossible hour', '2026-03-14T25:10Z Alert', /Unexpected hour 25/],
    ['13:06 PM', '2026-03-14 13:06 PM UTC Alert', /13 is not an hour of a 12-hour clock/],
    ['five-digit year', '20261-03-14T01:10Z Alert', /Unexpected year `20261`/],
    ['ambiguous zone', '2026-03-14 09:00 CST Alert', /which can mean US Central, China or Cuba/],
    ['unknown phase', '2026-03-14T01:10Z [triage] Alert', /Unexpected phase `\[triage\]`/],
  ])('%s', (_name, text, message) => {
    const { entries, problems } = parseTimeline([item(text), item('2026-03-14T02:00Z later', 11)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.line).toBe(10);
    expect(entries.map(at)).toEqual(['2026-03-14T02:00:00.000Z']);
  });

  it('a source that never states its zone: wall-clock times, read in order on that clock; unknown parts of a date', () => {
    const { entries, problems } = parseTimeline([item('2023-MM-DD Token created (date unknown)'), item('2019-04-11 02:00 [containment] Evicted'), item('04:00 Sleep'), item('2019-04-04 12:32 GMT Trap')],
      { zone: { kind: 'unstated', name: 'zone not stated' } });
    expect(problems).toEqual([]);
    expect(entries.map((e) => (e.value.kind === 'point' ? [e.value.precision, e.value.local !== undefined] : []))).toEqual([['year', true], ['minute', true], ['minute', true], ['minute', false]]);
    expect(entries[2]!.value.kind === 'point' && entries[2]!.value.inherited).toEqual({ date: 'line 10', zone: '`timezone`' });
  });

  it('a zone that disagrees with the daylight saving of its day is a warning, read as written', () => {
    const { entries, problems } = parseTimeline([item('2026-07-04 09:37 PST Deploy')]);
    expect(at(entries[0]!)).toBe('2026-07-04T17:37:00.000Z');
    expect(problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'Time zone PST on 2026-07-04, when Los Angeles was on UTC-07:00; read as UTC-08:00, as written.']]);
  });
});

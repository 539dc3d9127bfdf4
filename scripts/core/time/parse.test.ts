import { describe, expect, it } from 'vitest';
import { parseTime, parseTimeGeneral, type TimeContext, type TimeValue } from './parse.js';
import { readZone } from './zones.js';

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().replace(':00.000Z', 'Z').replace('.000Z', 'Z') : String(ms));
const LONDON = readZone('Europe/London');
const ctx = (extra: TimeContext = {}): TimeContext => extra;

/** `kind precision earliest → latest` of a value, for the tables. */
function show(v: TimeValue): string {
  if (v.kind === 'unknown') return `unknown ${v.reason}`;
  if (v.kind === 'window') return `window ${iso(v.earliest)} → ${iso(v.latest)}`;
  return `${v.precision}${v.approximate ? ' ~' : ''}${v.bound ? ` ${v.bound}` : ''} ${iso(v.earliest)} → ${iso(v.latest)}`;
}

describe('parseTime reads', () => {
  it.each([
    // instants with an offset
    ['2026-03-14T01:10Z', {}, 'minute 2026-03-14T01:10Z → 2026-03-14T01:11Z'],
    ['2026-03-14T01:10:30Z', {}, 'second 2026-03-14T01:10:30Z → 2026-03-14T01:10:31Z'],
    ['2026-03-14 01:10 UTC', {}, 'minute 2026-03-14T01:10Z → 2026-03-14T01:11Z'],
    ['2026-03-14T02:10+01:00', {}, 'minute 2026-03-14T01:10Z → 2026-03-14T01:11Z'],
    ['2026-03-14T02:10+0100', {}, 'minute 2026-03-14T01:10Z → 2026-03-14T01:11Z'],
    // named zones, with daylight saving
    ['2026-07-14 09:37 Europe/London', {}, 'minute 2026-07-14T08:37Z → 2026-07-14T08:38Z'],
    ['2026-01-14 09:37 Europe/London', {}, 'minute 2026-01-14T09:37Z → 2026-01-14T09:38Z'],
    ['2026-07-14T09:37[America/Los_Angeles]', {}, 'minute 2026-07-14T16:37Z → 2026-07-14T16:38Z'],
    ['2026-07-14 9:37 AM PT', {}, 'minute 2026-07-14T16:37Z → 2026-07-14T16:38Z'],
    ['2026-12-14 9:37 AM PST', {}, 'minute 2026-12-14T17:37Z → 2026-12-14T17:38Z'],
    ['2026-12-14 6 am PT', {}, 'hour 2026-12-14T14:00Z → 2026-12-14T15:00Z'],
    ['2026-12-14 1:54 PM UTC', {}, 'minute 2026-12-14T13:54Z → 2026-12-14T13:55Z'],
    ['2026-12-14 12:30 a.m. UTC', {}, 'minute 2026-12-14T00:30Z → 2026-12-14T00:31Z'],
    ['2026-12-14 12:30 PM UTC', {}, 'minute 2026-12-14T12:30Z → 2026-12-14T12:31Z'],
    // the document's zone for a time written without one
    ['2026-07-14 09:37', ctx({ zone: 'zone' in LONDON ? LONDON.zone : undefined }), 'minute 2026-07-14T08:37Z → 2026-07-14T08:38Z'],
    // precision: hour, day, month, year
    ['2026-03-14T18Z', {}, 'hour 2026-03-14T18:00Z → 2026-03-14T19:00Z'],
    ['2026-03-14', {}, 'day 2026-03-13T10:00Z → 2026-03-15T12:00Z'],
    ['2026-03-14', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'day 2026-03-14T00:00Z → 2026-03-15T00:00Z'],
    ['2026-02', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'month 2026-02-01T00:00Z → 2026-03-01T00:00Z'],
    ['2017', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'year 2017-01-01T00:00Z → 2018-01-01T00:00Z'],
    // the parts a source does not know, as it writes them
    ['2023-MM-DD', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'year 2023-01-01T00:00Z → 2024-01-01T00:00Z'],
    ['2023-06-DD', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'month 2023-06-01T00:00Z → 2023-07-01T00:00Z'],
    // US reports' names for their zones
    ['2024-06-28 7:09 AM Eastern', {}, 'minute 2024-06-28T11:09Z → 2024-06-28T11:10Z'],
    ['2024-01-28 7:09 AM Pacific Time', {}, 'minute 2024-01-28T15:09Z → 2024-01-28T15:10Z'],
    // a source that never states its zone: the wall clock is exact, the instant anywhere UTC+14…UTC−12
    ['2019-04-11 02:00', ctx({ zone: { kind: 'unstated', name: 'zone not stated' } }), 'minute 2019-04-10T12:00Z → 2019-04-11T14:01Z'],
    // approximate, with a tolerance
    ['~2026-03-14T18:00Z', {}, 'minute ~ 2026-03-14T17:30Z → 2026-03-14T18:31Z'],
    ['around 2026-03-14T18:00Z', {}, 'minute ~ 2026-03-14T17:30Z → 2026-03-14T18:31Z'],
    ['2026-03-14 ~18:00 UTC', {}, 'minute ~ 2026-03-14T17:30Z → 2026-03-14T18:31Z'],
    ['±2026-03-14T19:00Z', {}, 'minute ~ 2026-03-14T18:30Z → 2026-03-14T19:31Z'],
    ['2026-03-14T18:00Z ± 2h', {}, 'minute ~ 2026-03-14T16:00Z → 2026-03-14T20:01Z'],
    // bounds
    ['before 2026-03-14T18:25Z', {}, 'minute before -Infinity → 2026-03-14T18:25Z'],
    ['by 2026-03-14T18:25Z', {}, 'minute by -Infinity → 2026-03-14T18:26Z'],
    ['after 2026-03-14T00:28Z', {}, 'minute after 2026-03-14T00:28Z → Infinity'],
    // windows
    ['2026-03-14T06:40Z → 10:15', {}, 'window 2026-03-14T06:40Z → 2026-03-14T10:16Z'],
    ['2026-03-14T06:40Z to 2026-03-14T10:15Z', {}, 'window 2026-03-14T06:40Z → 2026-03-14T10:16Z'],
    ['2026-01-07/2026-01-12', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'window 2026-01-07T00:00Z → 2026-01-13T00:00Z'],
    ['2026-01-07/12', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'window 2026-01-07T00:00Z → 2026-01-13T00:00Z'],
    ['between 2026-01-07 and 2026-01-12', ctx({ zone: { kind: 'utc', name: 'UTC' } }), 'window 2026-01-07T00:00Z → 2026-01-13T00:00Z'],
    // unknown
    ['unknown', {}, 'unknown unknown'],
    ['not stated', {}, 'unknown not-stated'],
    ['not-applicable', {}, 'unknown not-applicable'],
  ])('%j', (text, context, expected) => {
    const r = parseTime(text, context);
    if ('error' in r) throw new Error(r.error.message);
    expect(show(r.value)).toBe(expected);
  });

  it('a bare time takes the date (and zone) it is given, and says where from', () => {
    const r = parseTime('18:30', { date: { year: 2026, month: 3, day: 14 }, dateFrom: 'line 12', zone: { kind: 'utc', name: 'UTC' }, zoneFrom: 'line 12' });
    if ('error' in r) throw new Error(r.error.message);
    expect(show(r.value)).toBe('minute 2026-03-14T18:30Z → 2026-03-14T18:31Z');
    expect(r.value.kind === 'point' && r.value.inherited).toEqual({ date: 'line 12', zone: 'line 12' });
  });

  it('a bare time with its own zone keeps it: 18:30 PST after a UTC item is not 18:30 UTC', () => {
    const r = parseTime('18:30 PST', { date: { year: 2026, month: 3, day: 1 }, zone: { kind: 'utc', name: 'UTC' } });
    if ('error' in r) throw new Error(r.error.message);
    expect(show(r.value)).toBe('minute 2026-03-02T02:30Z → 2026-03-02T02:31Z');
  });

  it('orders and measures the times of a source that never states its zone on its own wall clock', async () => {
    const { certainlyBefore } = await import('./parse.js');
    const { between, formatFigure } = await import('./duration.js');
    const { formatTime } = await import('./format.js');
    const unstated: TimeContext = { zone: { kind: 'unstated', name: 'zone not stated' } };
    const read = (t: string, c: TimeContext = unstated) => { const r = parseTime(t, c); if ('error' in r) throw new Error(r.error.message); return r.value; };
    const evicted = read('~2019-04-11 02:00');
    const up = read('2019-04-12 01:00');
    const gmt = read('2019-04-11 12:00 GMT');
    expect(certainlyBefore(evicted, up)).toBe(true);
    expect(formatFigure(between(read('2019-04-11 02:00'), up, ['a', 'b']))).toBe('23 h');
    expect(formatFigure(between(evicted, up, ['a', 'b']))).toBe('≈ 23 h');
    // Against a time in a stated zone, the unstated one may be anywhere in its day.
    expect(certainlyBefore(gmt, up)).toBe(false);
    expect(formatTime(up)).toBe('2019-04-12 01:00 (zone not stated)');
  });

  it('warns when an abbreviation disagrees with the daylight saving of its day', () => {
    const r = parseTime('2026-07-04 09:37 PST');
    if ('error' in r) throw new Error(r.error.message);
    expect(r.warnings.map((w) => w.message)).toEqual(['Time zone PST on 2026-07-04, when Los Angeles was on UTC-07:00; read as UTC-08:00, as written']);
  });
});

describe('parseTime refuses, never misreads', () => {
  it.each([
    ['2026-03-14T01:10', 'without a time zone'],
    ['14:30', 'bare time `14:30` with no date'],
    ['2026-02-30', 'Unexpected day 30'],
    ['2026-13-01', 'Unexpected month 13'],
    ['20261-03-14T10:00Z', 'Unexpected year `20261`'],
    ['2026-03-14 13:06 PM UTC', '13 is not an hour of a 12-hour clock'],
    ['2026-03-14 0:30 AM UTC', '0 is not an hour of a 12-hour clock'],
    ['2026-03-14T25:00Z', 'Unexpected hour 25'],
    ['2026-03-14 09:00 CST', 'which can mean US Central, China or Cuba Standard Time'],
    ['2026-03-14 09:00 IST', 'which can mean India, Irish or Israel Standard Time'],
    ['2026-03-14 09:00 BST', 'British Summer Time or Bangladesh'],
    ['2026-03-14 09:00 Mars/Olympus', 'Unexpected time zone `Mars/Olympus`'],
    ['2026-03-08 02:30 America/Los_Angeles', 'the clocks skipped it'],
    ['2026-11-01 01:30 America/Los_Angeles', 'it happened twice'],
    ['2026-03-14T10:00Z → 09:00', 'ends (09:00) before it starts'],
    ['2023-MM-14', 'with a day but no month'],
    ['soon after lunch', 'expected a time such as'],
    ['', 'empty time'],
  ])('%j', (text, message) => {
    const r = parseTime(text);
    expect('error' in r && r.error.message).toContain(message);
  });
});

describe('the direct reading of a UTC instant', () => {
  const contexts: TimeContext[] = [{}, { approxMinutes: 30 }, { zone: { kind: 'iana', name: 'Europe/London' }, zoneFrom: '`timezone`' }, { zone: { kind: 'unstated', name: 'zone not stated' } }];
  const samples = [
    '2026-03-14T01:10Z', '2026-03-14T01:10:59Z', '2024-02-29T23:59Z', '2023-02-29T10:00Z', '2026-04-31T10:00Z', '2026-13-01T10:00Z',
    '2026-03-14T24:00Z', '2026-03-14T23:60Z', '2026-03-14T10:00:60Z', '0999-01-01T00:00Z', '1970-01-01T00:00Z', '9999-12-31T23:59:59Z',
    '2026-03-14T01:10z', '2026-03-14T01:10Z ', ' 2026-03-14T01:10Z', '2026-03-14T1:10Z', '2026-03-14 01:10Z', '2026-03-14T01:10:00.5Z',
    // Each place of the form with a character either side of the digits, or a separator moved.
    '2026-03-14T01:1/Z', '2026-03-14T01:1:Z', '/026-03-14T01:10Z', '2026-0:-14T01:10Z', '2026-03-14T01:10:0:Z', '2026-03-14T01:10:/0Z',
    '2026/03/14T01:10Z', '2026-03-14T01-10Z', '2026-03-14T01:10-00Z', '2026-03-14T01:10:0Z', '20260-3-14T01:10Z', '2026-03-14t01:10Z',
    '٢٠٢٦-03-14T01:10Z', '2026-03-14T01:10:00Y',
  ];
  // Every day of a leap year and of the year before, at times that cover the clock's edges.
  for (let day = 0; day < 731; day += 1) {
    const d = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString();
    samples.push(`${d.slice(0, 10)}T${String(day % 24).padStart(2, '0')}:${String((day * 7) % 60).padStart(2, '0')}Z`, `${d.slice(0, 10)}T23:59:${String(day % 60).padStart(2, '0')}Z`);
  }

  it.each(contexts)('gives what the general reading gives (context %j)', (ctx) => {
    for (const text of samples) expect(parseTime(text, ctx), text).toEqual(parseTimeGeneral(text, ctx));
  });
});

// Durations with their precision: two times in, the figure people read and why it is not exact out.

import { describe, expect, it } from 'vitest';
import { agrees, between, figureNote, formatFigure, humanDuration, statisticOf } from './duration.js';
import { parseTime, type TimeContext, type TimeValue } from './parse.js';

const UTC: TimeContext = { zone: { kind: 'utc', name: 'UTC' } };
const UNSTATED: TimeContext = { zone: { kind: 'unstated', name: 'zone not stated' } };

function t(text: string | undefined, ctx: TimeContext = UTC): TimeValue | undefined {
  if (text === undefined) return undefined;
  const r = parseTime(text, ctx);
  if ('error' in r) throw new Error(`${text}: ${r.error.message}`);
  return r.value;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('between', () => {
  it.each([
    // exact ends: exact figures, rounded as people say them
    ['2026-03-14 10:00', '2026-03-14 10:27', UTC, '27 min', undefined],
    ['2025-04-14 16:37', '2025-04-14 18:39', UTC, '2 h 2 min', undefined],
    ['2024-10-11 05:59', '2024-10-12 01:11', UTC, '19 h 12 min', undefined],
    ['2026-03-01 10:00', '2026-03-07 04:00', UTC, '5 d 18 h', undefined],
    ['2025-10-10 00:00', '2026-08-24 13:46', UTC, '319 d', undefined],
    // across zones and daylight saving: the instants, not the wall clocks
    ['2026-03-28 23:00 Europe/London', '2026-03-29 03:00 Europe/London', {}, '3 h', undefined],
    ['2025-07-26 13:14 EDT', '2025-07-28 12:20 EDT', {}, '1 d 23 h', undefined],
    // known to the day: counted in days, and it says so
    ['2026-08-15', '2026-08-28', {}, '13 d (to the day)', 'started is known only to the day'],
    ['2026-08-17', '2026-08-19 10:00', UTC, '2 d (to the day)', 'started is known only to the day'],
    // the same day: at most what remains of it
    ['2025-04-14 18:39', '2025-04-14', UTC, 'under 5 h 21 min', 'ended is known only to the day'],
    // a year or a month: bounds, not "1 year"
    ['2023', '2024-06-28 07:09', UTC, '179 d to 544 d', 'started is known only to the year'],
    ['2019-01', '2019-06-15', UTC, '5 months (to the month)', 'started is known only to the month'],
    // approximate ends: ≈ with the range it allows
    ['~2025-07-30 21:27', '~2025-07-31 07:27', UTC, '≈ 10 h', 'between 8 h 59 min and 11 h 1 min'],
    ['2026-03-14 10:00 ± 2h', '2026-03-15 10:00', UTC, '≈ 1 d', 'between 21 h 59 min and 1 d 2 h'],
    // an approximate end beside one known to the day: the bounds, never a figure from midnight
    ['2019-04-10', '~2019-04-11 02:00', UNSTATED, '1 h 30 min to 1 d 3 h', 'started is known only to the day'],
    // bounds: what they allow
    ['2026-03-14 10:00', 'by 2026-03-14 12:00', UTC, 'under 2 h 1 min', undefined],
    ['2025-10-10', 'after 2026-08-24 13:46', UTC, 'at least 318 d', undefined],
    ['after 2026-08-24 13:46', '2026-09-01', UTC, 'at most 8 d 10 h', undefined],
    // a source that never states its zone: measured on its own wall clock
    ['2019-04-11 02:00', '2019-04-12 01:00', UNSTATED, '23 h', undefined],
    // nothing to measure
    ['unknown', '2026-03-14 10:00', UTC, 'cannot be computed', 'started is unknown'],
    ['not stated', '2026-03-14 10:00', UTC, 'cannot be computed', 'started is not stated'],
    ['2026-03-14 10:00', 'not applicable', UTC, 'cannot be computed', 'ended is not applicable'],
    [undefined, '2026-03-14 10:00', UTC, 'cannot be computed', 'started is not recorded'],
    ['2026-03-14 10:00', '2026-03-14 09:00', UTC, 'cannot be computed', 'ended is before started'],
  ])('%s → %s', (a, b, ctx, shown, note) => {
    const f = between(t(a, ctx), t(b, ctx), ['started', 'ended']);
    expect(formatFigure(f)).toBe(shown);
    expect(figureNote(f)).toBe(note);
  });
});

describe('humanDuration', () => {
  it.each([
    [45_000, '45 s'], [27 * MIN, '27 min'], [4 * HOUR + 17 * MIN, '4 h 17 min'], [3 * HOUR, '3 h'],
    [6 * DAY + 18 * HOUR, '6 d 18 h'], [7 * DAY, '7 d'], [10080 * MIN, '7 d'], [400 * DAY, '400 d'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('statisticOf: only figures precise enough feed metrics', () => {
  it.each([
    ['2026-03-14 10:00', '2026-03-14 10:27', 27 * MIN],
    ['~2026-03-14 10:00', '2026-03-14 16:00', 6 * HOUR],
    ['~2026-03-14 10:00', '2026-03-14 11:00', undefined],
    ['2026-03-01', '2026-03-20', 19 * DAY],
    ['2026-03-01', '2026-03-02', undefined],
    ['2026-03-14 10:00', 'by 2026-03-14 12:00', undefined],
    ['unknown', '2026-03-14 10:00', undefined],
  ])('%s → %s', (a, b, ms) => {
    expect(statisticOf(between(t(a), t(b), ['a', 'b']))).toBe(ms);
  });
});

describe('agrees: a stated duration against the figure, at the statement\'s precision', () => {
  it.each([
    ['2025-04-14 16:37', '2025-04-14 18:39', 2 * HOUR + 2 * MIN, MIN, true],
    ['2025-04-14 16:37', '2025-04-14 18:39', 2 * HOUR, HOUR, true],
    ['2025-04-14 16:37', '2025-04-14 18:39', 2 * HOUR + 12 * MIN, MIN, false],
    // "7 hours 3 minutes" against 02:01 → 09:34: the report disagrees with its own times
    ['2024-01-21 02:01', '2024-01-21 09:34', 7 * HOUR + 3 * MIN, MIN, false],
    // "about two weeks" against 13 days known to the day
    ['2026-08-15', '2026-08-28', 14 * DAY, 7 * DAY, true],
    ['2026-08-15', '2026-08-28', 13 * DAY, DAY, true],
    ['2026-08-15', '2026-08-28', 14 * DAY, DAY, false],
    ['~2025-07-30 21:27', '~2025-07-31 07:27', 10 * HOUR, HOUR, true],
    ['2025-10-10', 'after 2026-08-24 13:46', 320 * DAY, DAY, true],
    ['2025-10-10', 'after 2026-08-24 13:46', 300 * DAY, DAY, false],
    ['unknown', '2026-03-14 10:00', HOUR, MIN, false],
  ])('%s → %s, stated %d ms (unit %d)', (a, b, stated, unit, ok) => {
    expect(agrees(between(t(a), t(b), ['a', 'b']), stated, unit)).toBe(ok);
  });
});

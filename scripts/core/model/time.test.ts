import { describe, expect, it } from 'vitest';
import { nowFrom, parseDate, parseInstant } from './time.js';

describe('parseInstant', () => {
  it.each([
    ['2026-03-14T01:10:00Z', Date.UTC(2026, 2, 14, 1, 10)],
    ['2026-03-14T01:10Z', Date.UTC(2026, 2, 14, 1, 10)],
    ['2026-03-14 01:10 UTC', Date.UTC(2026, 2, 14, 1, 10)],
    ['2026-03-14T02:10+01:00', Date.UTC(2026, 2, 14, 1, 10)],
    ['2026-03-13T20:10-0500', Date.UTC(2026, 2, 14, 1, 10)],
    ['2026-03-14T01:10:00.5Z', Date.UTC(2026, 2, 14, 1, 10) + 500],
  ])('%s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });
  it.each(['2026-03-14T01:10:00', '2026-03-14', '2026-02-30T01:00Z', '2026-03-14T24:00Z', '2026-03-14T01:10+25:00', 'yesterday', 20260314])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([['2024-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['2026-1-01', false]])('%s', (text, ok) => {
    expect(parseDate(text) !== undefined).toBe(ok);
  });
});

describe('nowFrom', () => {
  it('takes a date as the end of that day, UTC', () => {
    expect(nowFrom('2026-11-23')).toEqual({ date: '2026-11-23', ms: Date.UTC(2026, 10, 24) - 1 });
  });
  it('takes an instant as given', () => {
    expect(nowFrom('2026-11-23T09:00+01:00')).toEqual({ date: '2026-11-23', ms: Date.UTC(2026, 10, 23, 8) });
  });
  it('refuses anything else', () => {
    expect(nowFrom('23/11/2026')).toBeUndefined();
  });
});

// Durations that say how well they are known. A figure is computed only when both ends support
// it: exact to the minute when both are; in days when one is known to the day; approximate or
// bounded when an end is; and "cannot be computed" (with why) otherwise. Rounded for people:
// "4 h 17 min", "6 d 18 h", "≈ 3 h", "at least 2 d".

import { Temporal } from 'temporal-polyfill';
import { localBounds, PRECISIONS, type Point, type Precision, type TimeValue } from './parse.js';

export type Figure =
  | { kind: 'exact'; ms: number }
  | { kind: 'calendar'; unit: 'day' | 'month' | 'year'; count: number; min: number; max: number; coarse: string }
  | { kind: 'approximate'; ms: number; min: number; max: number }
  | { kind: 'bounded'; min?: number; max?: number; why?: string }
  | { kind: 'none'; why: string };

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The coarser of two precisions. */
function coarser(a: Precision, b: Precision): Precision {
  return PRECISIONS.indexOf(a) < PRECISIONS.indexOf(b) ? a : b;
}

function precisionOf(v: TimeValue): Precision {
  if (v.kind === 'unknown') return 'year';
  return v.kind === 'point' ? v.precision : coarser(v.start.precision, v.end.precision);
}

/** The calendar date of a point, in its own zone (or the other end's, for a floating date). */
function plainDate(p: Point, zone: Point['zone']): Temporal.PlainDate {
  if (p.precision === 'day' || p.precision === 'month' || p.precision === 'year' || !zone || zone.kind === 'unstated') {
    return Temporal.PlainDate.from({ year: p.date.year, month: p.date.month ?? 1, day: p.date.day ?? 1 });
  }
  const tz = zone.kind === 'iana' ? zone.name : zone.kind === 'utc' ? 'UTC' : zone.name;
  const name = zone.kind === 'offset' ? offsetName(zone.minutes) : tz;
  return Temporal.Instant.fromEpochMilliseconds(p.at).toZonedDateTimeISO(name).toPlainDate();
}

function offsetName(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * The figure from `a` to `b`, whose names are used to say why one cannot be computed
 * (`detected is known only to the day`).
 */
export function between(a: TimeValue | undefined, b: TimeValue | undefined, names: [string, string]): Figure {
  if (a === undefined) return { kind: 'none', why: `${names[0]} is not recorded` };
  if (b === undefined) return { kind: 'none', why: `${names[1]} is not recorded` };
  if (a.kind === 'unknown') return { kind: 'none', why: `${names[0]} is ${a.reason === 'unknown' ? 'unknown' : a.reason === 'not-stated' ? 'not stated' : 'not applicable'}` };
  if (b.kind === 'unknown') return { kind: 'none', why: `${names[1]} is ${b.reason === 'unknown' ? 'unknown' : b.reason === 'not-stated' ? 'not stated' : 'not applicable'}` };
  // Two times of a source that never states its zone: measured on its wall clock.
  const la = localBounds(a);
  const lb = localBounds(b);
  const [ae, al, be, bl] = la && lb ? [la.earliest, la.latest, lb.earliest, lb.latest] : [a.earliest, a.latest, b.earliest, b.latest];
  const min = be - al;
  const max = bl - ae;
  if (max <= 0) return { kind: 'none', why: `${names[1]} is before ${names[0]}` };
  const exactEnd = (v: TimeValue) => v.kind === 'point' && !v.approximate && !v.bound && (v.precision === 'minute' || v.precision === 'second');
  if (exactEnd(a) && exactEnd(b)) {
    const ms = (b as Point).at - (a as Point).at;
    return ms < 0 ? { kind: 'none', why: `${names[1]} is before ${names[0]}` } : { kind: 'exact', ms };
  }
  const open = !Number.isFinite(min) || !Number.isFinite(max);
  const bounded = (a.kind === 'point' && a.bound) || (b.kind === 'point' && b.bound) || open;
  if (bounded) {
    const lo = Number.isFinite(min) && min > 0 ? min : undefined;
    const hi = Number.isFinite(max) ? max : undefined;
    return lo === undefined && hi === undefined ? { kind: 'none', why: `${a.kind === 'point' && a.bound ? names[0] : names[1]} is only bounded` } : { kind: 'bounded', ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
  }
  const approx = (a.kind === 'point' && a.approximate) || (b.kind === 'point' && b.approximate) || a.kind === 'window' || b.kind === 'window';
  const p = coarser(precisionOf(a), precisionOf(b));
  const which = PRECISIONS.indexOf(precisionOf(a)) <= PRECISIONS.indexOf(precisionOf(b)) ? names[0] : names[1];
  if ((p === 'day' || p === 'month' || p === 'year') && a.kind === 'point' && b.kind === 'point' && !approx) {
    const zone = a.zone ?? b.zone;
    const da = plainDate(a, a.zone ?? zone);
    const db = plainDate(b, b.zone ?? zone);
    const unit = p;
    const diff = da.until(db, { largestUnit: unit === 'day' ? 'days' : unit === 'month' ? 'months' : 'years' });
    const count = unit === 'day' ? diff.days : unit === 'month' ? diff.months + diff.years * 12 : diff.years;
    if (count <= 0) return { kind: 'bounded', max, why: `${which} is known only to the ${unit}` };
    // "1 year (to the year)" for 2023 → 2024-06-28 could be 6 months or 18: give the bounds.
    if (unit !== 'day' && count < 3) return { kind: 'bounded', min: Math.max(0, min), max, why: `${which} is known only to the ${unit}` };
    return { kind: 'calendar', unit, count, min: Math.max(0, min), max, coarse: which };
  }
  // An end known only to the day (or coarser) next to an approximate one: a nominal figure would
  // measure from the day's first minute, so give the bounds.
  if (p === 'day' || p === 'month' || p === 'year') return { kind: 'bounded', ...(min > 0 ? { min } : {}), max, why: `${which} is known only to the ${p}` };
  const nominal = (b.kind === 'point' ? b.at : b.start.at) - (a.kind === 'point' ? a.at : a.start.at);
  // An approximation wider than the figure itself says nothing: give the bounds instead.
  if (max - Math.max(0, min) > Math.max(nominal, HOUR) * 2) return { kind: 'bounded', ...(min > 0 ? { min } : {}), max, why: `${which} is known only to the ${p}` };
  return { kind: 'approximate', ms: Math.max(0, nominal), min: Math.max(0, min), max };
}

/** A length of time as people say it: "27 min", "4 h 17 min", "6 d 18 h", "45 s". */
export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MIN) return `${Math.round(abs / 1000)} s`;
  const minutes = Math.round(abs / MIN);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const hours = Math.round(abs / HOUR);
  // Past a month the hours are noise: "317 d".
  if (hours >= 30 * 24) return `${Math.round(abs / DAY)} d`;
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** A figure as people read it. */
export function formatFigure(f: Figure): string {
  switch (f.kind) {
    case 'exact': return humanDuration(f.ms);
    case 'calendar': return `${f.count} ${f.unit === 'day' ? 'd' : f.unit === 'month' ? (f.count === 1 ? 'month' : 'months') : f.count === 1 ? 'year' : 'years'} (to the ${f.unit})`;
    case 'approximate': return `≈ ${humanDuration(f.ms)}`;
    case 'bounded':
      if (f.min !== undefined && f.max !== undefined) return `${humanDuration(f.min)} to ${humanDuration(f.max)}`;
      if (f.min !== undefined) return `at least ${humanDuration(f.min)}`;
      return f.max! <= DAY + 1 ? `under ${humanDuration(f.max!)}` : `at most ${humanDuration(f.max!)}`;
    case 'none': return 'cannot be computed';
  }
}

/** Why a figure is not exact, for a note beside it (undefined when it is exact). */
export function figureNote(f: Figure): string | undefined {
  switch (f.kind) {
    case 'exact': return undefined;
    case 'calendar': return `${f.coarse} is known only to the ${f.unit}`;
    case 'approximate': return `between ${humanDuration(f.min)} and ${humanDuration(f.max)}`;
    case 'bounded': return f.why;
    case 'none': return f.why;
  }
}

/** The figure in ms for statistics, when it is precise enough: exact, or approximate within `tolerance` of itself. */
export function statisticOf(f: Figure, tolerance = 0.25): number | undefined {
  if (f.kind === 'exact') return f.ms;
  if (f.kind === 'approximate' && f.max - f.min <= f.ms * 2 * tolerance) return f.ms;
  if (f.kind === 'calendar' && f.unit === 'day' && f.count >= 4) return f.count * DAY;
  return undefined;
}

/** Whether a figure agrees with a duration a report states, at the report's precision. */
export function agrees(f: Figure, statedMs: number, unitMs: number): boolean {
  const round = (ms: number) => Math.round(ms / unitMs);
  if (f.kind === 'exact' || f.kind === 'approximate') return round(f.ms) === round(statedMs);
  if (f.kind === 'calendar') {
    // A report as coarse as the figure or coarser ("about two weeks" against 13 d): compare in its unit.
    const unit = f.unit === 'day' ? DAY : f.unit === 'month' ? 30.44 * DAY : 365.25 * DAY;
    if (unitMs >= unit) return round(f.count * unit) === round(statedMs);
    return statedMs >= f.min && statedMs <= f.max;
  }
  if (f.kind === 'bounded') return (f.min === undefined || statedMs >= f.min - unitMs / 2) && (f.max === undefined || statedMs <= f.max + unitMs / 2);
  return false;
}

// One grammar for times, as real reports give them, for front matter and timelines alike: an
// instant with an offset or a named zone; a time known to the hour, the day, the month or the
// year; approximate (`~18:00`, `around 18:00 ±1h`); a bound (`before`, `by`, `after`); a window
// (`06:40 → 10:15`, `2026-01-07/2026-01-12`); or unknown. Each value carries the earliest and
// latest instant it allows, so nothing is invented: a date is a whole day, not its midnight.
// Pure: text and context in, a value (or a refusal with a hint) out.

import { formatOffset, offsetOn, readZone, toInstant, type Wall, type Zone } from './zones.js';

export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
export const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

export interface Point {
  kind: 'point';
  text: string;
  /** The instant the text names: the start of its unit (its first millisecond). */
  at: number;
  /** What the value allows: from `earliest` (inclusive) to `latest` (exclusive); open bounds are ±Infinity. */
  earliest: number;
  latest: number;
  precision: Precision;
  /** Tolerance either side, in ms, when approximate. */
  approximate?: number;
  bound?: 'before' | 'by' | 'after';
  /** The zone it was read in; undefined for a date with no zone anywhere (a calendar day somewhere on Earth). */
  zone?: Zone;
  date: CalendarDate;
  /** For a time written without them: where its date and zone were taken from. */
  inherited?: { date?: string; zone?: string };
  /** In a zone not stated: the bounds on the wall clock (as if UTC), which order and measure times of the same source. */
  local?: { earliest: number; latest: number };
}

export interface Window {
  kind: 'window';
  text: string;
  start: Point;
  end: Point;
  earliest: number;
  latest: number;
}

export interface Unknown {
  kind: 'unknown';
  text: string;
  /** Nobody knows; the source does not say; there is no such moment. */
  reason: 'unknown' | 'not-stated' | 'not-applicable';
}

export type TimeValue = Point | Window | Unknown;

export interface TimeProblem {
  message: string;
  hint: string;
  /** Offset in the text of what is wrong. */
  offset: number;
  severity?: 'warning';
  /** Set when the zone is a word the kit does not know (in a timeline, more likely the text). */
  unknownZone?: boolean;
}

export interface TimeContext {
  /** The zone of times written without one: the document's `timezone:`, or a timeline's declaration. */
  zone?: Zone;
  zoneFrom?: string;
  /** The date of a bare time (`14:30`): the timeline item above's, or the window's start. */
  date?: CalendarDate;
  dateFrom?: string;
  /** Tolerance of `~` without one, in minutes, for a time known to the minute (policy). */
  approxMinutes?: number;
}

export type Parsed = { value: TimeValue; warnings: TimeProblem[] } | { error: TimeProblem };

const HOUR = 3_600_000;
const DAY = 86_400_000;

const UNKNOWN: Record<string, Unknown['reason']> = {
  unknown: 'unknown', 'not known': 'unknown', 'not-stated': 'not-stated', 'not stated': 'not-stated',
  'not-applicable': 'not-applicable', 'not applicable': 'not-applicable', 'n/a': 'not-applicable',
};

const APPROX = /^(?:~|≈|±|about\s+|around\s+|approximately\s+|approx\.?\s+|circa\s+|c\.\s*)/i;
const BOUND = /^(before|by|no later than|after|not before)\s+/i;
const TOLERANCE = /\s*±\s*(\d+(?:\.\d+)?)\s*(min|minutes?|m|h|hours?|d|days?)$/i;
const WINDOW = /\s+(?:to|until|→|->|–|—)\s+|\s*(?:→|->)\s*|\s+-\s+/;

/** Read one time expression. */
export function parseTime(text: string, ctx: TimeContext = {}): Parsed {
  return parseUtcInstant(text) ?? parseTimeGeneral(text, ctx);
}

/**
 * The form most times are written in, `2026-03-14T01:10Z` (or with seconds), read directly: the
 * same value the general reading gives (a test compares them), without its search for other
 * forms. Anything else, including a date that does not exist, goes the general way. Read by
 * character codes: a check of a large repository reads a hundred thousand of them.
 */
function parseUtcInstant(text: string): Parsed | undefined {
  const n = text.length;
  if ((n !== 17 && n !== 20) || text.charCodeAt(n - 1) !== 90 /* Z */) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58) return undefined;
  if (n === 20 && text.charCodeAt(16) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = n === 20 ? digits(text, 17, 2) : undefined;
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second === -1) return undefined;
  if (hour > 23 || minute > 59 || (second ?? 0) > 59 || year < 1000) return undefined;
  const at = Date.UTC(year, month - 1, day, hour, minute, second ?? 0);
  const d = new Date(at);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  const value: Point = {
    kind: 'point', text, at, earliest: at, latest: at + (second === undefined ? 60_000 : 1_000),
    precision: second === undefined ? 'minute' : 'second', date: { year, month, day }, zone: { kind: 'utc', name: 'UTC' },
  };
  return { value, warnings: [] };
}

/** The number `count` ASCII digits at `from` spell; -1 if any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Every form the grammar knows (see the head of this file). */
export function parseTimeGeneral(text: string, ctx: TimeContext = {}): Parsed {
  const raw = text;
  const trimmed = text.trim();
  const lead = text.length - text.trimStart().length;
  const reason = UNKNOWN[trimmed.toLowerCase()];
  if (reason) return { value: { kind: 'unknown', text: raw, reason }, warnings: [] };
  if (trimmed === '') return { error: { message: 'Unexpected empty time, expected when it happened, or `unknown`', hint: 'Write `2026-03-14T01:10Z`, a date such as `2026-03-14`, or `unknown`.', offset: 0 } };

  // A window: `A to B`, `A → B`, `A - B`, an ISO interval `A/B`, `between A and B`, `from A to B`.
  const between = /^(?:between|from)\s+(.+?)\s+(?:and|to|until)\s+(.+)$/i.exec(trimmed);
  const split: [string, string] | undefined = between ? [between[1]!, between[2]!] : splitWindow(trimmed);
  if (split) {
    const [a, b] = split;
    const start = parsePoint(a, ctx, lead + trimmed.indexOf(a));
    if ('error' in start) return start;
    const endCtx: TimeContext = { ...ctx, date: start.value.date, dateFrom: 'the start of the window', ...(start.value.zone ? { zone: start.value.zone, zoneFrom: 'the start of the window' } : {}) };
    const end = parsePoint(b, endCtx, lead + trimmed.lastIndexOf(b));
    if ('error' in end) return end;
    if (end.value.latest <= start.value.earliest) {
      return { error: { message: `Unexpected window that ends (${b.trim()}) before it starts (${a.trim()})`, hint: 'Write the earlier time first; a window across midnight needs the date on its end.', offset: lead } };
    }
    const value: Window = { kind: 'window', text: raw, start: start.value, end: end.value, earliest: start.value.earliest, latest: end.value.latest };
    return { value, warnings: [...start.warnings, ...end.warnings] };
  }
  return parsePoint(trimmed, ctx, lead);
}

/** `A/B` (ISO 8601, the end may omit what it shares with the start) or a spaced arrow, dash or "to". */
function splitWindow(text: string): [string, string] | undefined {
  const iso = /^(\d{4}-\d{2}(?:-\d{2})?(?:T[^/\s[]+)?)\/(\S+)$/.exec(text);
  if (iso) {
    const [, a, b] = iso as unknown as [string, string, string];
    // `2026-01-07/12` and `2026-01-07T10:00Z/12:00Z`: the end takes the start's missing parts.
    if (/^\d{2}$/.test(b)) return [a, `${a.slice(0, 8)}${b}`];
    if (/^\d{2}-\d{2}$/.test(b)) return [a, `${a.slice(0, 5)}${b}`];
    return [a, b];
  }
  const m = WINDOW.exec(text);
  if (!m || m.index === 0) return undefined;
  const a = text.slice(0, m.index);
  const b = text.slice(m.index + m[0].length);
  return b.trim() === '' ? undefined : [a, b];
}

// `2023-MM-DD` and `2023-06-DD`: the parts a source does not know, as it writes them.
const DATE = /^(\d{4,})(?:-(\d{1,2}|MM|XX)(?:-(\d{1,2}|DD|XX))?)?/;
const CLOCK = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:\s*([ap])\.?\s*m\.?(?![a-z]))?/i;

function parsePoint(input: string, ctx: TimeContext, base: number): { value: Point; warnings: TimeProblem[] } | { error: TimeProblem } {
  const warnings: TimeProblem[] = [];
  let text = input.trim();
  let offset = base + (input.length - input.trimStart().length);
  const fail = (message: string, hint: string, at = 0): { error: TimeProblem } => ({ error: { message, hint, offset: offset + at } });

  let approximate: number | undefined;
  let bound: Point['bound'];
  const a1 = APPROX.exec(text);
  if (a1) {
    approximate = -1;
    offset += a1[0].length;
    text = text.slice(a1[0].length);
  }
  const b = BOUND.exec(text);
  if (b) {
    const word = b[1]!.toLowerCase();
    bound = word === 'after' || word === 'not before' ? 'after' : word === 'before' ? 'before' : 'by';
    offset += b[0].length;
    text = text.slice(b[0].length);
  }
  const tol = TOLERANCE.exec(text);
  if (tol) {
    const n = Number(tol[1]);
    const unit = tol[2]!.toLowerCase()[0];
    approximate = n * (unit === 'd' ? DAY : unit === 'h' ? HOUR : 60_000);
    text = text.slice(0, tol.index);
  }

  // The date, when written; else the context's (a bare time in a timeline).
  let date: CalendarDate | undefined;
  let rest = text;
  const d = DATE.exec(text);
  let inheritedDate: string | undefined;
  if (d && (d[2] !== undefined || /^\d{4}(?:$|[\sT])/.test(text))) {
    if (d[1]!.length !== 4) return fail(`Unexpected year \`${d[1]}\`, expected four digits`, 'Check the year (a digit typed twice?).');
    const year = Number(d[1]);
    const unknownPart = (x: string | undefined) => x === 'MM' || x === 'DD' || x === 'XX';
    if (unknownPart(d[2]) && d[3] !== undefined && !unknownPart(d[3])) return fail(`Unexpected date \`${d[0]}\` with a day but no month`, 'Write the month, or `YYYY-MM-DD` when neither is known.');
    const month = d[2] === undefined || unknownPart(d[2]) ? undefined : Number(d[2]);
    const day = d[3] === undefined || unknownPart(d[3]) ? undefined : Number(d[3]);
    if ((month !== undefined && d[2]!.length !== 2) || (day !== undefined && d[3]!.length !== 2)) return fail(`Unexpected date \`${d[0]}\`, expected \`YYYY-MM-DD\``, 'Write months and days with two digits: `2026-03-04`.');
    if (month !== undefined && (month < 1 || month > 12)) return fail(`Unexpected month ${month} in \`${d[0]}\`, expected 01 to 12`, 'Dates are year-month-day: `2026-03-14`.');
    if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month!, 0)).getUTCDate())) return fail(`Unexpected day ${day} in \`${d[0]}\`, expected a real date`, 'Check the day of the month.');
    date = { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
    rest = text.slice(d[0].length);
    if (rest.startsWith('T') || rest.startsWith('t')) rest = rest.slice(1);
    else if (/^\s/.test(rest)) rest = rest.trimStart();
    else if (rest !== '' && !/^[Zz+\-−[]/.test(rest)) return fail(`Unexpected \`${text}\`, expected a date such as \`2026-03-14\` followed by a time`, 'Separate the date and the time with `T` or a space.');
    // `2026-03-02 ~09:00`: the time of a known day, approximately.
    const a2 = /^(?:~|≈|about\s+|around\s+|approx\.?\s+)(?=\d)/i.exec(rest);
    if (a2 && approximate === undefined) {
      approximate = -1;
      rest = rest.slice(a2[0].length);
    }
  }

  // The time of day.
  let wall: Omit<Wall, 'year' | 'month' | 'day'> | undefined;
  let precision: Precision = date ? (date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year') : 'minute';
  const c = rest === '' ? null : CLOCK.exec(rest);
  if (c && (c[2] !== undefined || c[5] !== undefined || date?.day !== undefined)) {
    let hour = Number(c[1]);
    const minute = c[2] === undefined ? 0 : Number(c[2]);
    const second = c[3] === undefined ? 0 : Number(c[3]);
    const ms = c[4] === undefined ? 0 : Math.floor(Number(`0.${c[4]}`) * 1000);
    if (c[5] !== undefined) {
      if (hour < 1 || hour > 12) return fail(`Unexpected \`${c[0].trim()}\`: ${hour} is not an hour of a 12-hour clock`, `Write ${hour}:${String(minute).padStart(2, '0')} on a 24-hour clock, or an hour from 1 to 12 with AM or PM.`);
      const pm = c[5].toLowerCase() === 'p';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (hour > 23) return fail(`Unexpected hour ${hour}, expected 00 to 23`, hour === 24 ? 'Write the next day at 00:00.' : 'Check the hour.');
    if (minute > 59 || second > 59) return fail(`Unexpected time \`${c[0].trim()}\`, expected minutes and seconds from 00 to 59`, 'Check the time.');
    wall = { hour, minute, second, ms };
    precision = c[3] !== undefined ? 'second' : c[2] !== undefined ? 'minute' : 'hour';
    rest = rest.slice(c[0].length).trimStart();
    if (!date) {
      if (!ctx.date || ctx.date.day === undefined) return fail(`Unexpected bare time \`${c[0].trim()}\` with no date before it, expected a date such as \`2026-03-14 ${c[0].trim()}\``, 'In a timeline a bare time takes the date of the item above, and the first item needs its date; elsewhere write the date.');
      date = ctx.date;
      inheritedDate = ctx.dateFrom ?? 'the item above';
    }
  } else if (!date) {
    return fail(`Unexpected \`${input.trim().slice(0, 40)}\`, expected a time such as \`2026-03-14T01:10Z\`, a date, \`~18:00\`, \`before 18:25\`, \`06:40 → 10:15\` or \`unknown\``, 'See docs/time.md for every form.');
  }

  // The zone: written here, else the context's, else none (allowed for dates only).
  let zone: Zone | undefined;
  let inheritedZone: string | undefined;
  if (rest !== '') {
    const z = readZone(rest);
    if ('error' in z) {
      const f = fail(z.error, z.hint, text.length - rest.length);
      if (z.unknown) f.error.unknownZone = true;
      return f;
    }
    zone = z.zone;
  } else if (ctx.zone) {
    zone = ctx.zone;
    inheritedZone = ctx.zoneFrom ?? 'the document';
  }
  if (wall && !zone) {
    return fail(`Unexpected time \`${input.trim()}\` without a time zone, expected \`Z\`, \`UTC\`, an offset such as \`+01:00\` or a zone such as \`Europe/London\``, 'Add the zone, or set `timezone:` in the front matter once. Without it the order of events across time zones is a guess.');
  }

  // Bounds of the unit the text names.
  const y = date.year;
  const mo = date.month ?? 1;
  const dd = date.day ?? 1;
  const start: Wall = { year: y, month: mo, day: dd, hour: wall?.hour ?? 0, minute: wall?.minute ?? 0, second: wall?.second ?? 0, ms: wall?.ms ?? 0 };
  const end: Wall = nextUnit(start, precision);
  let earliest: number;
  let latest: number;
  if (zone) {
    const s = toInstant(start, zone);
    if ('error' in s) return fail(s.error, s.hint);
    const e = toInstant(end, zone);
    earliest = s.ms;
    latest = 'error' in e ? s.ms + (unitMs(precision) ?? DAY) : e.ms;
    if (zone.kind === 'offset' && zone.region && zone.dst !== undefined) {
      const actual = offsetOn(zone.region, y, mo, dd, wall?.hour ?? 12);
      if (actual !== zone.minutes) {
        warnings.push({
          severity: 'warning', offset,
          message: `Time zone ${zone.name} on ${isoDate(date)}, when ${zone.region.split('/')[1]!.replace(/_/g, ' ')} was on UTC${formatOffset(actual)}; read as UTC${formatOffset(zone.minutes)}, as written`,
          hint: `If the clock on the wall was meant, name the zone instead (\`${zone.region}\`), which follows daylight saving.`,
        });
      }
    }
  } else {
    // A date with no zone anywhere: that calendar day somewhere on Earth (UTC−12 to UTC+14).
    earliest = Date.UTC(start.year, start.month - 1, start.day) - 14 * HOUR;
    latest = Date.UTC(end.year, end.month - 1, end.day) + 12 * HOUR;
  }
  const at = zone ? earliest : earliest + 14 * HOUR;
  if (approximate !== undefined) {
    if (approximate < 0) approximate = defaultTolerance(precision, ctx.approxMinutes ?? 30);
    earliest -= approximate;
    latest += approximate;
  }
  if (bound === 'before') [earliest, latest] = [-Infinity, earliest];
  else if (bound === 'by') earliest = -Infinity;
  else if (bound === 'after') latest = Infinity;
  // A zone not stated: the wall clock is exact, the instant anywhere from UTC+14 to UTC−12 of it.
  let local: Point['local'];
  if (zone?.kind === 'unstated') {
    local = { earliest, latest };
    earliest -= 14 * HOUR;
    latest += 12 * HOUR;
  }

  const value: Point = { kind: 'point', text: input, at, earliest, latest, precision, date, ...(zone ? { zone } : {}), ...(local ? { local } : {}) };
  if (approximate !== undefined) value.approximate = approximate;
  if (bound) value.bound = bound;
  if (inheritedDate || inheritedZone) value.inherited = { ...(inheritedDate ? { date: inheritedDate } : {}), ...(inheritedZone ? { zone: inheritedZone } : {}) };
  return { value, warnings };
}

function isoDate(d: CalendarDate): string {
  return [String(d.year), ...(d.month ? [String(d.month).padStart(2, '0')] : []), ...(d.day ? [String(d.day).padStart(2, '0')] : [])].join('-');
}

function unitMs(p: Precision): number | undefined {
  return p === 'second' ? 1000 : p === 'minute' ? 60_000 : p === 'hour' ? HOUR : p === 'day' ? DAY : undefined;
}

/** The wall-clock start of the next unit (a month or a year by the calendar). */
function nextUnit(w: Wall, p: Precision): Wall {
  if (p === 'year') return { ...w, year: w.year + 1 };
  if (p === 'month') return w.month === 12 ? { ...w, year: w.year + 1, month: 1 } : { ...w, month: w.month + 1 };
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) + unitMs(p)!);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
}

/** `~` without a tolerance: half an hour for a time of day, then one unit (a day, a month…). */
function defaultTolerance(p: Precision, minutes: number): number {
  return p === 'second' || p === 'minute' ? minutes * 60_000 : p === 'hour' ? HOUR : p === 'day' ? DAY : p === 'month' ? 15 * DAY : 183 * DAY;
}

/** The earliest instant a value allows (a window's start), or undefined when unknown. */
export function earliestOf(v: TimeValue | undefined): number | undefined {
  return v === undefined || v.kind === 'unknown' ? undefined : v.earliest;
}

/** The instant a value names: a point's, or a window's start; undefined when unknown. */
export function atOf(v: TimeValue | undefined): number | undefined {
  if (v === undefined || v.kind === 'unknown') return undefined;
  return v.kind === 'point' ? v.at : v.start.at;
}

/** The wall-clock bounds of a value in a zone not stated (a window's when both ends are). */
export function localBounds(v: TimeValue): { earliest: number; latest: number } | undefined {
  if (v.kind === 'point') return v.local;
  if (v.kind === 'window' && v.start.local && v.end.local) return { earliest: v.start.local.earliest, latest: v.end.local.latest };
  return undefined;
}

/**
 * Whether `a` is certainly before `b`: no reading of either makes it otherwise. Two times of a
 * source that never states its zone are compared on the wall clock, as that source meant them.
 */
export function certainlyBefore(a: TimeValue, b: TimeValue): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return false;
  const la = localBounds(a);
  const lb = localBounds(b);
  if (la && lb) return la.latest <= lb.earliest;
  return a.latest <= b.earliest;
}

// Time zones as reports write them: `Z`, `UTC`, offsets, IANA names (with daylight saving, from
// the Temporal polyfill), and the abbreviations that mean one thing only. The ambiguous ones
// (CST, IST, BST…) are refused with a hint, never guessed.

import { Temporal } from 'temporal-polyfill';

export type Zone =
  | { kind: 'utc'; name: string }
  | { kind: 'offset'; name: string; minutes: number; /** The region whose summer or winter time the abbreviation names. */ region?: string; dst?: boolean }
  | { kind: 'iana'; name: string }
  /** The source gives wall-clock times and never says where: each is true somewhere from UTC−12 to UTC+14. */
  | { kind: 'unstated'; name: 'zone not stated' };

/** Abbreviations that name one offset, and the region they belong to (for a daylight-saving check). */
const FIXED: Record<string, { minutes: number; region: string; dst: boolean }> = {
  PST: { minutes: -480, region: 'America/Los_Angeles', dst: false }, PDT: { minutes: -420, region: 'America/Los_Angeles', dst: true },
  MST: { minutes: -420, region: 'America/Denver', dst: false }, MDT: { minutes: -360, region: 'America/Denver', dst: true },
  EST: { minutes: -300, region: 'America/New_York', dst: false }, EDT: { minutes: -240, region: 'America/New_York', dst: true },
  AKST: { minutes: -540, region: 'America/Anchorage', dst: false }, AKDT: { minutes: -480, region: 'America/Anchorage', dst: true },
  HST: { minutes: -600, region: 'Pacific/Honolulu', dst: false },
  WET: { minutes: 0, region: 'Europe/Lisbon', dst: false }, WEST: { minutes: 60, region: 'Europe/Lisbon', dst: true },
  CET: { minutes: 60, region: 'Europe/Paris', dst: false }, CEST: { minutes: 120, region: 'Europe/Paris', dst: true },
  EET: { minutes: 120, region: 'Europe/Helsinki', dst: false }, EEST: { minutes: 180, region: 'Europe/Helsinki', dst: true },
  MSK: { minutes: 180, region: 'Europe/Moscow', dst: false },
  JST: { minutes: 540, region: 'Asia/Tokyo', dst: false }, KST: { minutes: 540, region: 'Asia/Seoul', dst: false },
  SGT: { minutes: 480, region: 'Asia/Singapore', dst: false }, HKT: { minutes: 480, region: 'Asia/Hong_Kong', dst: false },
  AEST: { minutes: 600, region: 'Australia/Sydney', dst: false }, AEDT: { minutes: 660, region: 'Australia/Sydney', dst: true },
  ACST: { minutes: 570, region: 'Australia/Adelaide', dst: false }, ACDT: { minutes: 630, region: 'Australia/Adelaide', dst: true },
  AWST: { minutes: 480, region: 'Australia/Perth', dst: false },
  NZST: { minutes: 720, region: 'Pacific/Auckland', dst: false }, NZDT: { minutes: 780, region: 'Pacific/Auckland', dst: true },
};

/** Names of a region's clock, whichever of its offsets applies on the day (daylight saving included). */
const GENERIC: Record<string, string> = {
  PT: 'America/Los_Angeles', MT: 'America/Denver', CT: 'America/Chicago', ET: 'America/New_York',
  // As US reports write them ("7:09 AM Eastern"); elsewhere a region names its zone by its abbreviation.
  PACIFIC: 'America/Los_Angeles', MOUNTAIN: 'America/Denver', CENTRAL: 'America/Chicago', EASTERN: 'America/New_York',
  'PACIFIC TIME': 'America/Los_Angeles', 'MOUNTAIN TIME': 'America/Denver', 'CENTRAL TIME': 'America/Chicago', 'EASTERN TIME': 'America/New_York',
};

/** Abbreviations that mean more than one thing. */
const AMBIGUOUS: Record<string, string> = {
  CST: 'US Central, China or Cuba Standard Time', CDT: 'US Central or Cuba Daylight Time', IST: 'India, Irish or Israel Standard Time',
  BST: 'British Summer Time or Bangladesh Standard Time', AST: 'Atlantic or Arabia Standard Time', ADT: 'Atlantic or Arabia Daylight Time',
  GST: 'Gulf or South Georgia Standard Time', SST: 'Samoa or Singapore Standard Time', ECT: 'Ecuador or Eastern Caribbean Time',
};

export type ZoneResult = { zone: Zone } | { error: string; hint: string; unknown?: boolean };

const ianaCache = new Map<string, string | undefined>();

/** The canonical IANA name, or undefined when it is not one. */
export function ianaName(name: string): string | undefined {
  if (ianaCache.has(name)) return ianaCache.get(name);
  let canonical: string | undefined;
  try {
    canonical = Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: name }).timeZoneId;
  } catch {
    canonical = undefined;
  }
  ianaCache.set(name, canonical);
  return canonical;
}

/** Read a zone as written after a time. */
export function readZone(text: string): ZoneResult {
  const t = text.trim();
  if (t === 'not-stated') return { zone: { kind: 'unstated', name: 'zone not stated' } };
  if (t === 'Z' || /^(UTC|GMT|UT)$/i.test(t)) return { zone: { kind: 'utc', name: 'UTC' } };
  const off = /^(?:UTC|GMT)?\s?([+-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (off) {
    const h = Number(off[2]);
    const m = Number(off[3] ?? 0);
    if (h > 14 || m > 59) return { error: `Unexpected offset \`${t}\`, expected one from −12:00 to +14:00`, hint: 'Write the offset as `+01:00` or `-05:00`.' };
    const minutes = (off[1] === '+' ? 1 : -1) * (h * 60 + m);
    return { zone: minutes === 0 ? { kind: 'utc', name: 'UTC' } : { kind: 'offset', name: formatOffset(minutes), minutes } };
  }
  const bracket = /^\[(.+)\]$/.exec(t);
  const name = bracket ? bracket[1]! : t;
  const upper = name.toUpperCase();
  if (FIXED[upper]) return { zone: { kind: 'offset', name: upper, minutes: FIXED[upper].minutes, region: FIXED[upper].region, dst: FIXED[upper].dst } };
  if (GENERIC[upper]) return { zone: { kind: 'iana', name: GENERIC[upper] } };
  if (AMBIGUOUS[upper]) {
    return { error: `Unexpected time zone \`${name}\`, which can mean ${AMBIGUOUS[upper]}`, hint: 'Name the zone (`America/Chicago`, `Asia/Kolkata`, `Europe/London`) or write the offset (`-06:00`).' };
  }
  // IANA names have a slash, except in brackets: a word such as `Japan` after a time is text, not a zone.
  if (/^[A-Za-z_]+\/[A-Za-z_\/+-]+$/.test(name) || (bracket && /^[A-Za-z_]+$/.test(name))) {
    const iana = ianaName(name);
    if (iana) return { zone: { kind: 'iana', name: iana } };
  }
  return { error: `Unexpected time zone \`${name}\``, hint: 'Write `Z`, `UTC`, an offset such as `+01:00`, or an IANA name such as `Europe/London`.', unknown: true };
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

export type Resolved = { ms: number } | { error: string; hint: string };

/** The instant of a wall-clock time in a zone; a time that did not exist, or happened twice, is refused. */
export function toInstant(wall: Wall, zone: Zone): Resolved {
  const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  // A zone not stated: the wall clock itself, read as if UTC; the reader widens the bounds.
  if (zone.kind === 'utc' || zone.kind === 'unstated') return { ms: utc };
  if (zone.kind === 'offset') return { ms: utc - zone.minutes * 60_000 };
  try {
    const zdt = Temporal.PlainDateTime.from({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, millisecond: wall.ms })
      .toZonedDateTime(zone.name, { disambiguation: 'reject' });
    return { ms: zdt.epochMilliseconds };
  } catch {
    const pdt = Temporal.PlainDateTime.from({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute });
    const earlier = pdt.toZonedDateTime(zone.name, { disambiguation: 'earlier' });
    const later = pdt.toZonedDateTime(zone.name, { disambiguation: 'later' });
    const hhmm = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
    const day = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    // In a gap the compatible reading lands on another wall-clock time; in an overlap it does not.
    const compatible = pdt.toZonedDateTime(zone.name, { disambiguation: 'compatible' });
    return compatible.hour !== wall.hour || compatible.minute !== wall.minute
      ? { error: `Unexpected ${hhmm} on ${day} in ${zone.name}: the clocks skipped it (daylight saving began)`, hint: `Check the time; it did not happen on the clocks of ${zone.name}.` }
      : { error: `Unexpected ${hhmm} on ${day} in ${zone.name}: it happened twice (daylight saving ended)`, hint: `Say which with the offset: \`${hhmm}${earlier.offset}\` (the first) or \`${hhmm}${later.offset}\` (the second).` };
  }
}

/** The UTC offset of a region on a day, in minutes (for the daylight-saving check of abbreviations). */
export function offsetOn(region: string, year: number, month: number, day: number, hour = 12): number {
  const zdt = Temporal.PlainDateTime.from({ year, month, day, hour }).toZonedDateTime(region, { disambiguation: 'compatible' });
  return zdt.offsetNanoseconds / 60e9;
}

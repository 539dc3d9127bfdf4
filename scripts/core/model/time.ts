// Dates and instants as content writes them: strict ISO 8601, a time zone always required.

const DAY_MS = 86_400_000;

/** The moment every rule measures against, resolved once by the clock. */
export interface Now {
  /** The calendar day, `YYYY-MM-DD` (UTC). */
  date: string;
  /** Epoch milliseconds. */
  ms: number;
}

// parseDate and parseInstant are self-contained (no outer references): their source is also
// embedded in the precompiled schema validators as the `date` and `instant` formats.

/** Epoch day number of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function parseDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

/** Epoch milliseconds of an instant with a time zone, or undefined. */
export function parseInstant(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|UTC|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] ? Number(m[6]) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || mi > 59 || s > 59) return undefined;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let offsetMin = 0;
  const zone = m[8]!;
  if (zone !== 'Z' && zone !== 'UTC') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) + Math.round(frac) - offsetMin * 60_000;
}

/** The `YYYY-MM-DD` of an epoch day. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as content writes it, in UTC: `2026-03-14T01:10Z` (or with seconds). */
export function formatInstant(ms: number, precision: 'minute' | 'second' = 'minute'): string {
  const iso = new Date(ms).toISOString();
  return precision === 'minute' ? `${iso.slice(0, 16)}Z` : `${iso.slice(0, 19)}Z`;
}

/** An instant as people read it: `2026-03-14 01:10 UTC`. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The UTC calendar day of an instant. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** `now` for a given `YYYY-MM-DD` (end of that day, UTC) or full instant. */
export function nowFrom(text: string): Now | undefined {
  const day = parseDate(text);
  if (day !== undefined) return { date: text, ms: (day + 1) * DAY_MS - 1 };
  const ms = parseInstant(text);
  if (ms === undefined) return undefined;
  return { date: formatDay(dayOf(ms)), ms };
}

/** A duration in minutes, hours or days, as people say it. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 120) return `${minutes} min`;
  const hours = ms / 3_600_000;
  if (Math.abs(hours) < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}

export const MS = { day: DAY_MS, hour: 3_600_000, minute: 60_000 } as const;

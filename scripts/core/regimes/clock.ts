// When a clock runs out: a start instant plus a period, counted as the law counts. Hours are
// exact; days, business days and months end at the end of a day in the regime's zone. Pure but
// for the holiday data, which is read on first use.

import { Temporal } from 'temporal-polyfill';
import { holidaysOf } from '../time/holidays.js';
import type { Period } from './types.js';

const HOUR = 3_600_000;

export interface Deadline {
  /** The instant it runs out (exclusive: a notice at this instant is late). */
  due: number;
  /** The deadline as people read it: `2026-06-25 09:40 UTC`, `end of 2026-12-01 (America/New_York)`. */
  text: string;
  /** The period in words: `72 h`, `4 business days (US)`. */
  period: string;
  /** Holidays the count stepped over. */
  skipped?: string[];
}

export function periodText(p: Period, undueDelayHours: number): string {
  if ('hours' in p) return `${p.hours} h`;
  if ('days' in p) return `${p.days} calendar days`;
  if ('business_days' in p) return `${p.business_days} business days (${p.calendar})`;
  if ('months' in p) return `${p.months} month${p.months === 1 ? '' : 's'}`;
  if ('undue_delay' in p) return `without undue delay (${undueDelayHours} h by policy)`;
  return `${p.days_after_year_end} days after the end of the year`;
}

function utcText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The end (exclusive) of a calendar day in a zone. */
function endOf(day: Temporal.PlainDate, zone: string): number {
  return day.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

/** The deadline of `period` from `start` (epoch ms), its days counted in `zone`. */
export function deadline(start: number, period: Period, zone: string, undueDelayHours: number): Deadline {
  const text = periodText(period, undueDelayHours);
  if ('hours' in period || 'undue_delay' in period) {
    const due = start + ('hours' in period ? period.hours : undueDelayHours) * HOUR;
    return { due, text: utcText(due), period: text };
  }
  const startDay = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone).toPlainDate();
  let day: Temporal.PlainDate;
  const skipped: string[] = [];
  if ('days' in period) day = startDay.add({ days: period.days });
  else if ('months' in period) day = startDay.add({ months: period.months });
  else if ('days_after_year_end' in period) day = Temporal.PlainDate.from({ year: startDay.year, month: 12, day: 31 }).add({ days: period.days_after_year_end });
  else {
    // Business days after the start's day: the start's day does not count, weekends and public holidays are skipped.
    day = startDay;
    let left = period.business_days;
    while (left > 0) {
      day = day.add({ days: 1 });
      const holiday = holidaysOf(period.calendar, day.year).get(day.toString());
      if (day.dayOfWeek >= 6) continue;
      if (holiday) {
        skipped.push(`${day.toString()} ${holiday}`);
        continue;
      }
      left--;
    }
  }
  const due = endOf(day, zone);
  return { due, text: `end of ${day.toString()} (${zone})`, period: text, ...(skipped.length ? { skipped } : {}) };
}

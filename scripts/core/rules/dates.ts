// Day arithmetic shared by the time-based rules; `now` always comes from the rule context.

import { formatDay, parseDate, parseInstant, dayOf, type Now } from '../model/time.js';

export interface Due {
  /** Epoch day when it falls due. */
  day: number;
  /** Days left until due (negative when overdue). */
  left: number;
}

/** A due day, with the days left until it as of now (negative when overdue). */
export function dueIn(day: number | undefined, now: Now): Due | undefined {
  return day === undefined ? undefined : { day, left: day - nowDay(now) };
}

export function nowDay(now: Now): number {
  return dayOf(now.ms);
}

export function day(date: string | undefined): number | undefined {
  return date === undefined ? undefined : parseDate(date);
}

export function instant(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseInstant(text);
}

export { formatDay, dayOf };

/** "3 days", "1 day". */
export function days(n: number): string {
  const a = Math.abs(n);
  return `${a} day${a === 1 ? '' : 's'}`;
}

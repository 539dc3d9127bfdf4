// Public holidays, for business days, from date-holidays (a maintained, data-driven library)
// rather than a hand-written list. Loaded on first use only: most runs never count business days.

import { createRequire } from 'node:module';

interface HolidayLib {
  new (country: string, state?: string): { getHolidays(year: number): { date: string; name: string; type: string }[] };
}

let lib: HolidayLib | undefined;
const cache = new Map<string, Map<string, string>>();

/** Public holidays of a calendar (`US`, `GB-ENG`, `DE-BY`) in a year: date (YYYY-MM-DD) → name. */
export function holidaysOf(calendar: string, year: number): Map<string, string> {
  const key = `${calendar}:${year}`;
  const known = cache.get(key);
  if (known) return known;
  lib ??= createRequire(import.meta.url)('date-holidays') as HolidayLib;
  const [country, state] = calendar.split('-');
  const out = new Map<string, string>();
  for (const h of new lib(country!, state).getHolidays(year)) {
    if (h.type === 'public' || h.type === 'bank') out.set(h.date.slice(0, 10), h.name);
  }
  cache.set(key, out);
  return out;
}

/** Whether a calendar is known to the library. */
export function knownCalendar(calendar: string): boolean {
  lib ??= createRequire(import.meta.url)('date-holidays') as HolidayLib;
  const [country, state] = calendar.split('-');
  try {
    return new lib(country!, state).getHolidays(2026).length > 0;
  } catch {
    return false;
  }
}

// What a notification regime is: a named set of staged duties, each with the audience it is owed
// to, the event its clock starts from, how long it runs, and when it applies. Data, not code: the
// kit ships the common regimes (builtin.ts) and firebreak.yml may define more.

import type { Audience, Severity } from '../model/types.js';

/** How long a clock runs. Day-based periods end at the end of a day in the regime's zone. */
export type Period =
  | { hours: number }
  /** Calendar days after the start's day. */
  | { days: number }
  /** Business days after the start's day: not weekends, not public holidays of `calendar` (date-holidays: `US`, `GB-ENG`, `DE`…). */
  | { business_days: number; calendar: string }
  /** Calendar months after the start. */
  | { months: number }
  /** "Without undue delay": the repository's documented number (`policy.undue_delay_hours`). */
  | { undue_delay: true }
  /** Days after the end of the calendar year of the start (HIPAA's annual log of small breaches). */
  | { days_after_year_end: number };

/**
 * The event a clock starts from: a milestone of the incident (`detected` is awareness), a
 * decision recorded under `decisions:` (answered yes), or the submission of another stage of the
 * same regime.
 */
export type ClockStart = 'started' | 'detected' | 'declared' | `decision:${string}` | `stage:${string}`;

export interface Clock {
  starts: ClockStart;
  period: Period;
}

/** When a regime or a stage applies; every condition given must hold. */
export interface Condition {
  /** Personal data involved (`unknown` makes the duty one that may apply). */
  personal_data?: true;
  /** The incident's severity is one of these. */
  severity?: Severity[];
  /** A decision under `decisions:` answered yes (not yet decided: may apply; answered no: does not). */
  decision?: string;
  /** A decision presumed yes until it is answered no (GDPR: a breach is notified unless unlikely to result in a risk). */
  presumed?: string;
  /** Customers affected (more than none for certain). */
  customers_affected?: true;
  /** Records involved: at least this many for certain (fewer for certain: does not apply). */
  records_at_least?: number;
  /** Records involved: fewer than this many for certain. */
  records_below?: number;
}

export interface Stage {
  id: string;
  name: string;
  audience: Audience;
  /** The deadline is the earliest of these clocks that has started. */
  clocks: Clock[];
  when?: Condition;
  /** The article or section that imposes it. */
  reference?: string;
  note?: string;
  /** Who to notify (contact ids), for hints and the clock table. */
  contacts?: string[];
}

export interface Regime {
  id: string;
  name: string;
  /** The instrument, e.g. "Regulation (EU) 2016/679, Art. 33 and 34". */
  reference: string;
  url?: string;
  /** Where it applies, in words (the repository declares whether it does). */
  jurisdiction?: string;
  /** The zone its days are counted in (an IANA name). */
  zone: string;
  /** It applies to incidents detected on or after this date… */
  from?: string;
  /** …and before this one. */
  until?: string;
  when?: Condition;
  stages: Stage[];
}

// From labels to front matter: each label a post-mortem writes is matched to the one field it
// means, and its value kept as written when the kit can read it; anything else is reported as
// not mapped, never guessed. Pure.

import { parseTime, type TimeContext } from '../time/parse.js';
import type { Label } from './labels.js';

export type Target = 'started' | 'detected' | 'declared' | 'contained' | 'recovered' | 'resolved' | 'severity' | 'status' | 'commander' | 'category' | 'personal_data' | 'date' | 'title';

/** What real post-mortems call each field (compared without case, spaces collapsed). */
const VOCABULARY: Record<Target, readonly string[]> = {
  started: ['started', 'start', 'start time', 'began', 'incident start', 'incident started', 'impact start', 'impact started', 'start of impact', 'first impact', 'issue started'],
  detected: ['detected', 'first detected', 'detection time', 'time detected', 'time of detection', 'date detected', 'discovered', 'first noticed', 'noticed'],
  declared: ['declared', 'incident declared', 'time declared', 'declared at'],
  contained: ['contained', 'containment', 'time contained'],
  recovered: ['recovered', 'repaired', 'mitigated', 'mitigation', 'time mitigated', 'service restored', 'restored', 'impact end', 'impact ended', 'end of impact'],
  resolved: ['resolved', 'resolution time', 'time resolved', 'time of resolution', 'incident resolved', 'fixed', 'end', 'end time', 'ended', 'incident end', 'incident ended'],
  severity: ['severity', 'sev', 'incident severity', 'severity level'],
  status: ['status', 'incident status', 'state'],
  commander: ['incident commander', 'commander', 'ic', 'incident lead', 'incident manager'],
  category: ['category', 'attack vector', 'incident category'],
  personal_data: ['personal data', 'personal data involved', 'pii', 'pii involved', 'personal data breach'],
  date: ['date', 'incident date', 'date of incident'],
  title: ['title', 'incident title', 'incident name'],
};

const BY_LABEL = new Map<string, Target>();
for (const [target, names] of Object.entries(VOCABULARY) as [Target, readonly string[]][]) for (const n of names) BY_LABEL.set(n, target);

export const TIME_TARGETS: ReadonlySet<Target> = new Set(['started', 'detected', 'declared', 'contained', 'recovered', 'resolved']);
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const STATUSES = ['open', 'contained', 'resolved', 'reviewed', 'closed'];
const CATEGORIES = ['external-media', 'attrition', 'web', 'email', 'impersonation', 'improper-usage', 'loss-or-theft', 'supply-chain', 'other'];

/** The field a label names, if any. */
export function targetOf(label: string): Target | undefined {
  return BY_LABEL.get(label.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim());
}

export interface Mapped {
  target: Target;
  /** The value to write. */
  value: string | boolean;
  label: Label;
}

export interface NotMapped {
  label: Label;
  why: string;
}

export interface MapContext {
  time: TimeContext;
  /** A contact id for a name as written (`@jdoe`, `Jane Doe`), when one is known to be them. */
  contactFor: (name: string) => string | undefined;
  /** A team's own severity names (`SEV1` → `critical`), from `--map-severity`. */
  severityMap?: Readonly<Record<string, string>>;
}

/** Labels of durations a source states (`Time to repair`, `TTR`, `Duration`). */
const DURATION = /^(time to \w+|duration|impact duration|outage duration|downtime|tt[a-z]{1,2}|mtt[a-z]{1,2})$/i;

/** A value that says nobody knows. */
const UNKNOWN_VALUE = /^(\?+|unknown|tbd|tbc|n\/?a|none|-+|—|not known|not stated)$/i;

/** Map labels to fields: the first label of each field wins; the rest are reported. */
export function mapLabels(labels: readonly Label[], ctx: MapContext): { mapped: Mapped[]; notMapped: NotMapped[] } {
  const mapped = new Map<Target, Mapped>();
  const notMapped: NotMapped[] = [];
  for (const label of labels) {
    const target = targetOf(label.label);
    if (!target) {
      notMapped.push({ label, why: label.from === 'front matter' ? 'kept in `imported.front_matter`' : DURATION.test(label.label) ? 'a duration the source states: kept in the body (the kit works out its own from the times)' : 'no field of the kit' });
      continue;
    }
    const earlier = mapped.get(target);
    if (earlier) {
      if (String(earlier.label.value) !== label.value) notMapped.push({ label, why: `\`${target}\` already comes from line ${earlier.label.line}` });
      continue;
    }
    const result = valueOf(target, label.value.trim(), ctx);
    if ('why' in result) notMapped.push({ label, why: result.why });
    else mapped.set(target, { target, value: result.value, label });
  }
  return { mapped: [...mapped.values()], notMapped };
}

function valueOf(target: Target, value: string, ctx: MapContext): { value: string | boolean } | { why: string } {
  const lower = value.toLowerCase();
  if (TIME_TARGETS.has(target)) {
    if (UNKNOWN_VALUE.test(value)) return { value: 'unknown' };
    const parsed = parseTime(value, ctx.time);
    return 'error' in parsed ? { why: `not a time the kit reads: ${parsed.error.message}` } : { value };
  }
  switch (target) {
    case 'severity': {
      const mappedTo = ctx.severityMap?.[value] ?? ctx.severityMap?.[lower] ?? (SEVERITIES.includes(lower) ? lower : undefined);
      return mappedTo ? { value: mappedTo } : { why: `not one of ${SEVERITIES.join(', ')} (map a team's own names with --map-severity)` };
    }
    case 'status':
      return STATUSES.includes(lower) ? { value: lower } : { why: `not one of ${STATUSES.join(', ')}` };
    case 'category': {
      const c = lower.replace(/[\s_]+/g, '-');
      return CATEGORIES.includes(c) ? { value: c } : { why: `not one of the kit's categories (${CATEGORIES.join(', ')})` };
    }
    case 'commander': {
      if (UNKNOWN_VALUE.test(value)) return { value: 'unknown' };
      const id = ctx.contactFor(value);
      return id ? { value: id } : { why: `${value} is not a contact in contacts/ (add them, then set \`commander\`)` };
    }
    case 'personal_data':
      if (/^(yes|true|y)$/i.test(value)) return { value: true };
      if (/^(no|false|n|none)$/i.test(value)) return { value: false };
      if (UNKNOWN_VALUE.test(value)) return { value: 'unknown' };
      return { why: 'not yes, no or unknown' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : { why: 'not a date YYYY-MM-DD' };
    case 'title':
      return value.length > 0 && value.length <= 200 ? { value } : { why: 'empty or longer than 200 characters' };
    default:
      return { why: 'no field of the kit' };
  }
}

// Every time an incident holds, read once through the one grammar (core/time/parse.ts), with the
// document's `timezone` for times written without one. Rules, durations, the report and the site
// read times here; a time that cannot be read is a finding of `time/unreadable`, not a guess.

import type { DataPath } from '../diagnostic.js';
import { parseTime, type TimeContext, type TimeProblem, type TimeValue } from '../time/parse.js';
import { readZone, type Zone } from '../time/zones.js';
import type { IncidentDoc, Milestone, TimeFact } from './types.js';
import { MILESTONES } from './types.js';

export interface IncidentTimes {
  zone?: Zone;
  milestones: Partial<Record<Milestone, TimeValue>>;
  engagements: { asked?: TimeValue; engaged?: TimeValue }[];
  notifications: { at?: TimeValue; due?: TimeValue; decided?: TimeValue }[];
  /** Values other sources give for a milestone. */
  disputed: Partial<Record<Milestone, { value: TimeValue; source: string }[]>>;
  /** A note on a milestone (why an unusual order is right). */
  notes: Partial<Record<Milestone, string>>;
  problems: { path: DataPath; problem: TimeProblem }[];
}

const cache = new WeakMap<object, IncidentTimes>();

/** The text of a time fact: itself, or its `at`. */
export function factText(f: TimeFact | undefined): string | undefined {
  if (f === undefined) return undefined;
  return typeof f === 'string' ? f : f.at;
}

/** Read an incident's times, once per document. `approxMinutes` is the policy's tolerance for `~`. */
export function timesOf(doc: IncidentDoc, approxMinutes = 30): IncidentTimes {
  const known = cache.get(doc.data);
  if (known) return known;
  const x = doc.data;
  const out: IncidentTimes = { milestones: {}, engagements: [], notifications: [], disputed: {}, notes: {}, problems: [] };
  let ctx: TimeContext = { approxMinutes };
  if (x.timezone !== undefined) {
    const z = readZone(x.timezone);
    if ('error' in z) out.problems.push({ path: ['timezone'], problem: { message: z.error, hint: z.hint, offset: 0 } });
    else {
      out.zone = z.zone;
      ctx = { ...ctx, zone: z.zone, zoneFrom: '`timezone`' };
    }
  }
  const read = (text: string | undefined, path: DataPath): TimeValue | undefined => {
    if (text === undefined) return undefined;
    const r = parseTime(text, ctx);
    if ('error' in r) {
      out.problems.push({ path, problem: r.error });
      return undefined;
    }
    for (const w of r.warnings) out.problems.push({ path, problem: w });
    return r.value;
  };
  for (const m of MILESTONES) {
    const f = x[m];
    if (f === undefined) continue;
    const path: DataPath = typeof f === 'string' ? [m] : [m, 'at'];
    const v = read(factText(f), path);
    if (v) out.milestones[m] = v;
    if (typeof f === 'object') {
      if (f.note) out.notes[m] = f.note;
      const others = (f.disputed ?? []).map((d, i) => ({ value: read(d.at, [m, 'disputed', i, 'at']), source: d.source })).filter((d): d is { value: TimeValue; source: string } => d.value !== undefined);
      if (others.length) out.disputed[m] = others;
    }
  }
  x.engagements?.forEach((e, i) => {
    out.engagements.push({ ...(e.asked !== undefined ? { asked: read(e.asked, ['engagements', i, 'asked']) } : {}), ...(e.engaged !== undefined ? { engaged: read(e.engaged, ['engagements', i, 'engaged']) } : {}) });
  });
  x.notifications?.forEach((n, i) => {
    out.notifications.push({
      ...(n.at !== undefined ? { at: read(n.at, ['notifications', i, 'at']) } : {}),
      ...(n.due !== undefined ? { due: read(n.due, ['notifications', i, 'due']) } : {}),
      ...(n.decision !== undefined ? { decided: read(n.decision.at, ['notifications', i, 'decision', 'at']) } : {}),
    });
  });
  cache.set(doc.data, out);
  return out;
}

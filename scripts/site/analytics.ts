// What the incidents teach across the years, computed once for the analytics page: how long it
// took to engage each contact and team (and what slowed it), gaps by kind per quarter, durations
// by severity, notification margins against duties, and exercises through to verified lessons.
// Only figures precise enough for a statistic are counted (core/time/duration.ts `statisticOf`);
// what is left out is counted too.

import { dutiesFor } from '../core/model/duties.js';
import { durations, engagements } from '../core/model/durations.js';
import { timesOf } from '../core/model/times.js';
import { SEVERITIES, type IncidentDoc } from '../core/model/types.js';
import { atOf, type TimeValue } from '../core/time/parse.js';
import { statisticOf } from '../core/time/duration.js';
import type { SiteData } from './site-data.js';

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function quarterOf(v: TimeValue | undefined): string | undefined {
  if (!v || v.kind === 'unknown') return undefined;
  const p = v.kind === 'point' ? v : v.start;
  if (p.date.month === undefined) return undefined;
  return `${p.date.year} Q${Math.floor((p.date.month - 1) / 3) + 1}`;
}

/** Every quarter from the first to the last, empty ones included. */
export function quarterRange(quarters: Iterable<string>): string[] {
  const sorted = [...new Set(quarters)].sort();
  if (sorted.length === 0) return [];
  const [fy, fq] = sorted[0]!.split(' Q').map(Number) as [number, number];
  const [ly, lq] = sorted.at(-1)!.split(' Q').map(Number) as [number, number];
  const out: string[] = [];
  for (let y = fy, q = fq; y < ly || (y === ly && q <= lq); q === 4 ? ((y += 1), (q = 1)) : (q += 1)) out.push(`${y} Q${q}`);
  return out;
}

export interface EngageRow {
  who: string;
  /** Engagements whose time to engage is known well enough. */
  ms: number[];
  /** Engagements recorded, of any state. */
  total: number;
  notReached: number;
  /** Engagements where something slowed it, with what (the record's `issue`). */
  slowed: string[];
  /** Median of the earlier and the later half, when there are two or more. */
  trend?: [number, number];
}

function engageRows(site: SiteData, groupOf: (contact: string) => string): EngageRow[] {
  const rows = new Map<string, { at: number; ms?: number; issue?: string; notReached: boolean }[]>();
  for (const doc of site.incidents) {
    const detected = atOf(timesOf(doc).milestones.detected) ?? 0;
    for (const e of engagements(doc)) {
      const key = groupOf(e.contact);
      const ms = e.state === 'engaged' ? statisticOf(e.toEngage) : undefined;
      (rows.get(key) ?? rows.set(key, []).get(key)!).push({ at: detected, ...(ms !== undefined ? { ms } : {}), ...(e.issue ? { issue: e.issue } : {}), notReached: e.state === 'not reached' || e.state === 'declined' });
    }
  }
  return [...rows].map(([who, list]) => {
    const timed = list.filter((l) => l.ms !== undefined).sort((a, b) => a.at - b.at);
    const ms = timed.map((l) => l.ms!);
    const half = Math.floor(ms.length / 2);
    const row: EngageRow = { who, ms, total: list.length, notReached: list.filter((l) => l.notReached).length, slowed: list.flatMap((l) => (l.issue ? [l.issue] : [])) };
    if (ms.length >= 2) row.trend = [median(ms.slice(0, half))!, median(ms.slice(ms.length - half))!];
    return row;
  }).sort((a, b) => (median(b.ms) ?? -1) - (median(a.ms) ?? -1) || a.who.localeCompare(b.who));
}

export interface Analytics {
  quarters: string[];
  undated: number;
  byContact: EngageRow[];
  byTeam: EngageRow[];
  gapKinds: string[];
  /** Per gap kind, counts per quarter. */
  gaps: Record<string, number[]>;
  bySeverity: { severity: string; contain?: number; resolve?: number; used: number; leftOut: number }[];
  duties: { key: string; name: string; met: number; late: number; missed: number; excused: number; marginMs?: number }[];
  learning: { kind: 'incident' | 'exercise'; count: number; lessons: number; verified: number; implemented: number; open: number }[];
}


export function analytics(site: SiteData): Analytics {
  const nameOf = (id: string) => site.contact(id)?.doc.data.name ?? site.label(id);
  const teamOf = (id: string) => {
    const c = site.model.contacts.get(id)?.data;
    if (!c) return site.label(id);
    if (c.type !== 'person') return c.name;
    return c.team ? site.model.contacts.get(c.team)?.data.name ?? 'no team' : 'no team';
  };
  const quarterOfDoc = (d: IncidentDoc) => quarterOf(timesOf(d).milestones.detected);
  const incidents = site.incidents.filter((d) => d.data.kind === 'incident');
  const quarters = quarterRange(incidents.map(quarterOfDoc).filter((q): q is string => q !== undefined));

  const gapKinds = [...new Set(site.incidents.flatMap((d) => (d.data.gaps ?? []).map((g) => g.kind)))].sort();
  const gaps: Record<string, number[]> = {};
  const byQuarter = new Map<string | undefined, IncidentDoc[]>();
  for (const d of site.incidents) {
    const q = quarterOfDoc(d);
    (byQuarter.get(q) ?? byQuarter.set(q, []).get(q)!).push(d);
  }
  for (const k of gapKinds) gaps[k] = quarters.map((q) => (byQuarter.get(q) ?? []).reduce((n, d) => n + (d.data.gaps ?? []).filter((g) => g.kind === k).length, 0));

  const bySeverity = SEVERITIES.map((severity) => {
    const docs = incidents.filter((d) => d.data.severity === severity);
    const figure = (key: string) => docs.map((d) => durations(d).find((x) => x.key === key)).filter((x) => x !== undefined);
    const contain = figure('contain').map((x) => statisticOf(x!.figure)).filter((v): v is number => v !== undefined);
    const resolveAll = figure('resolve');
    const resolve = resolveAll.map((x) => statisticOf(x!.figure)).filter((v): v is number => v !== undefined);
    return { severity, ...(median(contain) !== undefined ? { contain: median(contain)! } : {}), ...(median(resolve) !== undefined ? { resolve: median(resolve)! } : {}), used: resolve.length, leftOut: resolveAll.length - resolve.length };
  }).filter((r) => incidents.some((d) => d.data.severity === r.severity));

  const dutyRows = new Map<string, Analytics['duties'][number] & { margins: number[] }>();
  for (const doc of incidents) {
    for (const d of dutiesFor(doc, site.model, site.config, site.now).duties) {
      const row = dutyRows.get(d.key) ?? dutyRows.set(d.key, { key: d.key, name: `${d.regime.id === 'plan' ? '' : `${d.regime.name}: `}${d.stage.name}`, met: 0, late: 0, missed: 0, excused: 0, margins: [] }).get(d.key)!;
      if (d.state === 'met') row.met++;
      else if (d.state === 'late') row.late++;
      else if (d.state === 'overdue') row.missed++;
      else if (d.state === 'decided not to' || d.state === 'not applicable') row.excused++;
      if ((d.state === 'met' || d.state === 'late') && d.margin !== undefined) row.margins.push(d.margin);
    }
  }
  const duties = [...dutyRows.values()].filter((r) => r.met + r.late + r.missed > 0).map(({ margins, ...r }) => ({ ...r, ...(median(margins) !== undefined ? { marginMs: median(margins)! } : {}) }));

  const learning = (['incident', 'exercise'] as const).map((kind) => {
    const docs = site.incidents.filter((d) => d.data.kind === kind);
    const lessons = docs.flatMap((d) => d.data.lessons ?? []);
    return { kind, count: docs.length, lessons: lessons.length, verified: lessons.filter((l) => l.status === 'verified').length, implemented: lessons.filter((l) => l.status === 'implemented').length, open: lessons.filter((l) => l.status === 'open' || l.status === 'in-progress').length };
  });

  return {
    quarters, undated: incidents.filter((d) => quarterOfDoc(d) === undefined).length,
    byContact: engageRows(site, nameOf), byTeam: engageRows(site, teamOf),
    gapKinds, gaps, bySeverity, duties, learning,
  };
}

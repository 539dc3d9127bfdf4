// Metrics over time, per quarter: incidents by severity, median times, lessons closed on time.

import { parseDate } from '../../core/model/time.js';
import { timesOf } from '../../core/model/times.js';
import { between, statisticOf } from '../../core/time/duration.js';
import type { TimeValue } from '../../core/time/parse.js';
import type { IncidentDoc } from '../../core/model/types.js';
import { html, raw } from '../html.js';
import type { SiteData } from '../site-data.js';
import { lines, stackedBars } from '../svg.js';
import { layout } from './layout.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

function quarter(v: TimeValue | undefined): string | undefined {
  if (!v || v.kind === 'unknown') return undefined;
  const p = v.kind === 'point' ? v : v.start;
  if (p.date.month === undefined) return undefined;
  return `${p.date.year} Q${Math.floor((p.date.month - 1) / 3) + 1}`;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Hours from one milestone to another, when known well enough for a statistic (docs/time.md). */
function hours(d: IncidentDoc, from: 'started' | 'detected', to: 'detected' | 'contained' | 'resolved'): number | undefined {
  if (d.data[from] === undefined || d.data[to] === undefined) return undefined;
  const m = timesOf(d).milestones;
  const ms = statisticOf(between(m[from], m[to], [from, to]));
  return ms === undefined ? undefined : ms / 3_600_000;
}

export function metricsPage(site: SiteData): string {
  const byQuarter = new Map<string, IncidentDoc[]>();
  for (const d of site.incidents) {
    const q = d.data.kind === 'incident' ? quarter(timesOf(d).milestones.detected) : undefined;
    if (q) (byQuarter.get(q) ?? byQuarter.set(q, []).get(q)!).push(d);
  }
  const quarters = [...byQuarter.keys()].sort();
  const undated = site.incidents.filter((d) => d.data.kind === 'incident' && quarter(timesOf(d).milestones.detected) === undefined).length;
  const inQ = (q: string) => byQuarter.get(q) ?? [];
  const bySeverity = SEVERITIES.map((s) => ({ name: s, cls: `s-${s}`, values: quarters.map((q) => inQ(q).filter((d) => d.data.severity === s).length) }));
  const med = (from: 'started' | 'detected', to: 'detected' | 'contained' | 'resolved') => quarters.map((q) => {
    const m = median(inQ(q).map((d) => hours(d, from, to)).filter((v): v is number => v !== undefined));
    return m === undefined ? undefined : Math.round(m * 10) / 10;
  });
  const times = [
    { name: 'to detect', cls: 'm-detect', values: med('started', 'detected'), from: 'started' as const, to: 'detected' as const },
    { name: 'to contain', cls: 'm-contain', values: med('detected', 'contained'), from: 'detected' as const, to: 'contained' as const },
    { name: 'to resolve', cls: 'm-resolve', values: med('detected', 'resolved'), from: 'detected' as const, to: 'resolved' as const },
  ];
  // What the medians leave out: incidents with both ends recorded whose figure is not precise enough.
  const counted = quarters.flatMap(inQ);
  const leftOut = times.map((t) => {
    const recorded = counted.filter((d) => d.data[t.from] !== undefined && d.data[t.to] !== undefined);
    return { name: t.name, recorded: recorded.length, out: recorded.filter((d) => hours(d, t.from, t.to) === undefined).length };
  }).filter((x) => x.out > 0);
  const onTime = quarters.map((q) => {
    const lessons = inQ(q).flatMap((d) => d.data.lessons ?? []).filter((l) => l.due && l.status === 'verified' && l.verified);
    if (lessons.length === 0) return undefined;
    return Math.round((lessons.filter((l) => parseDate(l.verified)! <= parseDate(l.due)!).length / lessons.length) * 100);
  });
  const body = html`<h1>Metrics</h1>
<p>Incidents in this build (exercises excluded), by the quarter they were detected.${undated ? html` ${undated} ${undated === 1 ? 'incident is' : 'incidents are'} not counted: ${undated === 1 ? 'its' : 'their'} detection time is not known to the quarter.` : html``}</p>
<section aria-labelledby="m1"><h2 id="m1">Incidents per quarter, by severity</h2>
<figure>${raw(stackedBars('Incidents per quarter by severity', quarters, bySeverity))}</figure>
<table><caption>Incidents per quarter by severity</caption><thead><tr><th scope="col">Quarter</th>${SEVERITIES.map((s) => html`<th scope="col">${s}</th>`)}</tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th>${bySeverity.map((s) => html`<td>${s.values[i]}</td>`)}</tr>`)}</tbody></table></section>
<section aria-labelledby="m2"><h2 id="m2">Median times, in hours</h2>
<figure>${raw(lines('Median hours to detect, contain and resolve per quarter', quarters, times, ' h'))}</figure>
<table><caption>Median hours per quarter</caption><thead><tr><th scope="col">Quarter</th>${times.map((t) => html`<th scope="col">${t.name}</th>`)}</tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th>${times.map((t) => html`<td>${t.values[i] ?? '—'}</td>`)}</tr>`)}</tbody></table>
<p class="muted">Medians use exact figures, approximations within a quarter of their value and counts of four days or more.${leftOut.length ? html` Left out: ${leftOut.map((x, i) => html`${i ? '; ' : ''}${x.name}, ${x.out} of ${x.recorded} incidents whose times are unknown or too imprecise`)}.` : html``}</p></section>
<section aria-labelledby="m3"><h2 id="m3">Lessons verified by their due date</h2>
<figure>${raw(lines('Percentage of verified lessons that were verified by their due date', quarters, [{ name: 'on time', cls: 'm-ontime', values: onTime }], '%'))}</figure>
<table><caption>Lessons verified on time, per quarter of the incident</caption><thead><tr><th scope="col">Quarter</th><th scope="col">On time</th></tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th><td>${onTime[i] === undefined ? '—' : `${onTime[i]}%`}</td></tr>`)}</tbody></table></section>`;
  return layout(site, { title: 'Metrics', section: 'metrics', body });
}

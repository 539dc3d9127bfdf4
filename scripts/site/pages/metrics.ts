// Analytics across incidents, per quarter and per contact: what a security lead reads to see
// whether response is getting better. Static SVG with a data table for each chart; every quarter
// in range is shown, empty ones included; counts have whole-number axes.

import { parseDate } from '../../core/model/time.js';
import { timesOf } from '../../core/model/times.js';
import { between, humanDuration, statisticOf } from '../../core/time/duration.js';
import { SEVERITIES, type IncidentDoc } from '../../core/model/types.js';
import { html, raw } from '../html.js';
import type { SiteData } from '../site-data.js';
import { hbars, lines, stackedBars } from '../svg.js';
import { analytics, median, quarterOf, type EngageRow } from '../analytics.js';
import { layout } from './layout.js';

const GAP_CLASSES = ['m-detect', 'm-contain', 'm-resolve', 'm-ontime', 's-medium', 's-critical'];

/** Hours from one milestone to another, when known well enough for a statistic (docs/time.md). */
function hours(d: IncidentDoc, from: 'started' | 'detected', to: 'detected' | 'contained' | 'resolved'): number | undefined {
  if (d.data[from] === undefined || d.data[to] === undefined) return undefined;
  const m = timesOf(d).milestones;
  const ms = statisticOf(between(m[from], m[to], [from, to]));
  return ms === undefined ? undefined : ms / 3_600_000;
}

const took = (ms: number | undefined) => (ms === undefined ? '—' : humanDuration(ms));

function engageTable(rows: EngageRow[], what: string): ReturnType<typeof html> {
  return html`<table><caption class="sr-only">Time to engage, per ${what}</caption><thead><tr><th scope="col">${what.charAt(0).toUpperCase()}${what.slice(1)}</th><th scope="col">Engagements</th><th scope="col">Median</th><th scope="col">Worst</th><th scope="col">Trend</th><th scope="col">Slowed or not reached</th></tr></thead>
<tbody>${rows.map((r) => html`<tr${raw((median(r.ms) ?? 0) > 30 * 60_000 ? ' class="row-slow"' : '')}><td>${r.who}</td><td>${r.total}${r.ms.length < r.total ? html` <span class="muted">(${r.ms.length} timed)</span>` : html``}</td><td>${took(median(r.ms))}</td><td>${took(r.ms.length ? Math.max(...r.ms) : undefined)}</td><td>${r.trend ? `${r.trend[1] < r.trend[0] ? 'faster' : r.trend[1] > r.trend[0] ? 'slower' : 'same'}: ${took(r.trend[0])} → ${took(r.trend[1])}` : '—'}</td><td>${r.slowed.length + r.notReached ? html`${r.slowed.length + r.notReached} of ${r.total}${r.slowed.length ? html`<ul class="plain">${r.slowed.map((s) => html`<li>${s}</li>`)}</ul>` : html``}` : '0'}</td></tr>`)}</tbody></table>`;
}

export function metricsPage(site: SiteData): string {
  const a = analytics(site);
  const quarters = a.quarters;
  const byQuarter = new Map<string | undefined, IncidentDoc[]>();
  for (const d of site.incidents) if (d.data.kind === 'incident') {
    const q = quarterOf(timesOf(d).milestones.detected);
    (byQuarter.get(q) ?? byQuarter.set(q, []).get(q)!).push(d);
  }
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
  const teams = a.byTeam.filter((r) => r.ms.length > 0);
  const gapSeries = a.gapKinds.map((k, i) => ({ name: k, cls: GAP_CLASSES[i % GAP_CLASSES.length]!, values: a.gaps[k]! }));
  const body = html`<h1>Analytics</h1>
<p>Incidents in this build (exercises excluded unless said), by the quarter they were detected; every quarter from the first to the last is shown.${a.undated ? html` ${a.undated} ${a.undated === 1 ? 'incident is' : 'incidents are'} not counted: ${a.undated === 1 ? 'its' : 'their'} detection time is not known to the quarter.` : html``}</p>
<nav aria-label="On this page"><ul class="filters"><li><a href="#m-engage">Time to engage</a></li><li><a href="#m1">Incidents</a></li><li><a href="#m2">Median times</a></li><li><a href="#m-severity">By severity</a></li><li><a href="#m-gaps">Gaps</a></li><li><a href="#m-duties">Notification duties</a></li><li><a href="#m-learning">Learning</a></li></ul></nav>

<section aria-labelledby="m-engage"><h2 id="m-engage">Time to engage, per team and per contact</h2>
<p>From asking to engaged, incidents and exercises alike: who is slow to reach, and whether it is getting better (the earlier half of their engagements against the later half). Rows in amber take more than 30 minutes at the median.</p>
${teams.length ? html`<figure class="figure-wrap">${raw(hbars('Median time to engage per team, in minutes', teams.map((r) => r.who), teams.map((r) => Math.round(median(r.ms)! / 60_000)), ' min'))}</figure>` : html`<p class="none">No engagement with both times recorded.</p>`}
${a.byTeam.length ? engageTable(a.byTeam, 'team') : html``}
<h3>Per contact</h3>
${a.byContact.length ? engageTable(a.byContact, 'contact') : html`<p class="none">No engagements recorded.</p>`}
</section>

<section aria-labelledby="m1"><h2 id="m1">Incidents per quarter, by severity</h2>
<figure class="figure-wrap">${raw(stackedBars('Incidents per quarter by severity', quarters, bySeverity))}</figure>
<table><caption>Incidents per quarter by severity</caption><thead><tr><th scope="col">Quarter</th>${SEVERITIES.map((s) => html`<th scope="col">${s}</th>`)}</tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th>${bySeverity.map((s) => html`<td>${s.values[i]}</td>`)}</tr>`)}</tbody></table></section>

<section aria-labelledby="m2"><h2 id="m2">Median times, in hours</h2>
<figure class="figure-wrap">${raw(lines('Median hours to detect, contain and resolve per quarter', quarters, times, ' h'))}</figure>
<table><caption>Median hours per quarter</caption><thead><tr><th scope="col">Quarter</th>${times.map((t) => html`<th scope="col">${t.name}</th>`)}</tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th>${times.map((t) => html`<td>${t.values[i] ?? '—'}</td>`)}</tr>`)}</tbody></table>
<p class="muted">Medians use exact figures, approximations within a quarter of their value and counts of four days or more.${leftOut.length ? html` Left out: ${leftOut.map((x, i) => html`${i ? '; ' : ''}${x.name}, ${x.out} of ${x.recorded} incidents whose times are unknown or too imprecise`)}.` : html``}</p></section>

<section aria-labelledby="m-severity"><h2 id="m-severity">Durations by severity</h2>
${a.bySeverity.length ? html`<table><caption>Median time to contain and to resolve, by severity</caption><thead><tr><th scope="col">Severity</th><th scope="col">To contain</th><th scope="col">To resolve</th><th scope="col">Incidents counted</th></tr></thead>
<tbody>${a.bySeverity.map((r) => html`<tr><th scope="row">${r.severity}</th><td>${took(r.contain)}</td><td>${took(r.resolve)}</td><td>${r.used}${r.leftOut ? html` <span class="muted">(${r.leftOut} left out: too imprecise)</span>` : html``}</td></tr>`)}</tbody></table>` : html`<p class="none">No incidents.</p>`}</section>

<section aria-labelledby="m-gaps"><h2 id="m-gaps">Where the response was slowed, by kind</h2>
${a.gapKinds.length ? html`<figure class="figure-wrap">${raw(stackedBars('Gaps recorded per quarter, by kind', quarters, gapSeries))}</figure>
<table><caption>Gaps recorded per quarter, by kind</caption><thead><tr><th scope="col">Quarter</th>${a.gapKinds.map((k) => html`<th scope="col">${k}</th>`)}</tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th>${a.gapKinds.map((k) => html`<td>${a.gaps[k]![i]}</td>`)}</tr>`)}</tbody></table>` : html`<p class="none">No gaps recorded.</p>`}</section>

<section aria-labelledby="m-duties"><h2 id="m-duties">Notification duties: met, late, missed</h2>
${a.duties.length ? html`<table><caption>Notification duties across incidents</caption><thead><tr><th scope="col">Duty</th><th scope="col">Met</th><th scope="col">Late</th><th scope="col">Missed</th><th scope="col">Not owed or decided against</th><th scope="col">Median margin</th></tr></thead>
<tbody>${a.duties.map((d) => html`<tr${raw(d.missed ? ' class="row-overdue"' : d.late ? ' class="row-slow"' : '')}><td>${d.name} <span class="muted">(<code>${d.key}</code>)</span></td><td>${d.met}</td><td>${d.late}</td><td>${d.missed}</td><td>${d.excused}</td><td>${d.marginMs === undefined ? '—' : d.marginMs >= 0 ? `${humanDuration(d.marginMs)} to spare` : `${humanDuration(-d.marginMs)} late`}</td></tr>`)}</tbody></table>` : html`<p class="none">No notification duty was owed.</p>`}</section>

<section aria-labelledby="m-learning"><h2 id="m-learning">From exercises and incidents to verified lessons</h2>
<table><caption>Lessons by where they came from</caption><thead><tr><th scope="col">From</th><th scope="col">Held</th><th scope="col">Lessons</th><th scope="col">Verified</th><th scope="col">Implemented, not verified</th><th scope="col">Open or in progress</th></tr></thead>
<tbody>${a.learning.map((l) => html`<tr><th scope="row">${l.kind === 'exercise' ? 'Exercises' : 'Incidents'}</th><td>${l.count}</td><td>${l.lessons}</td><td>${l.verified}</td><td>${l.implemented}</td><td>${l.open}</td></tr>`)}</tbody></table>
<h3>Lessons verified by their due date</h3>
<figure class="figure-wrap">${raw(lines('Percentage of verified lessons that were verified by their due date', quarters, [{ name: 'on time', cls: 'm-ontime', values: onTime }], '%'))}</figure>
<table><caption>Lessons verified on time, per quarter of the incident</caption><thead><tr><th scope="col">Quarter</th><th scope="col">On time</th></tr></thead>
<tbody>${quarters.map((q, i) => html`<tr><th scope="row">${q}</th><td>${onTime[i] === undefined ? '—' : `${onTime[i]}%`}</td></tr>`)}</tbody></table></section>`;
  return layout(site, { title: 'Analytics', section: 'metrics', body });
}

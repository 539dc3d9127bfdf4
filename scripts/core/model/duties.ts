// Every notification duty an incident owes, stage by stage: from the regimes its repository (or
// its plan) declares and from its plan's own duties; whether each applies, when its clock starts
// and runs out, which notification discharges it, and where it stands now. Rules, the incident
// page, the dashboard, the report and the calendar all read duties here.

import { countOf, type Count } from '../count.js';
import type { Config } from '../policy.js';
import { BUILTIN_REGIMES } from '../regimes/builtin.js';
import { deadline, type Deadline } from '../regimes/clock.js';
import type { Clock, Condition, Regime, Stage } from '../regimes/types.js';
import { formatTime } from '../time/format.js';
import { atOf, parseTime, type TimeValue } from '../time/parse.js';
import { notices, type Notice } from './notifications.js';
import type { Now } from './time.js';
import { timesOf } from './times.js';
import type { Incident, IncidentDoc, Model, NotifyDuty, PlanDoc } from './types.js';

export type Applies = 'yes' | 'maybe' | 'no';

export type DutyState = 'met' | 'late' | 'sent' | 'sent, time unknown' | 'due' | 'overdue' | 'waiting' | 'may apply' | 'not applicable' | 'decided not to' | 'unknown';

export interface Duty {
  /** `<regime>/<stage>`, as a notification's `duty:` names it. */
  key: string;
  regime: Regime;
  stage: Stage;
  applies: Applies;
  /** Why it does not apply, or may not. */
  why?: string;
  /** The decision that made it not apply, and who took it (a contact id, named by each output as its audience allows). */
  decided?: { name: string; by?: string };
  /** The clock that sets the deadline: its event and when it happened. */
  start?: { event: string; value: TimeValue };
  deadline?: Deadline;
  /** Why there is no deadline yet (a decision not yet taken, a stage not yet submitted, a time unknown). */
  waitingFor?: string;
  notice?: Notice;
  /** Several duties are owed to the notice's audience and it names none: it was counted for this one. */
  guessed?: boolean;
  state: DutyState;
  /** Deadline minus the time sent (met or late), or minus now (due or overdue); ms. */
  margin?: number;
}

export interface Duties {
  duties: Duty[];
  /** Notifications that name a duty the incident does not owe. */
  unknownDuty: { index: number; duty: string }[];
  /** The regimes that were looked at (declared for this incident). */
  regimes: string[];
}

const PLAN_CONDITIONS: Record<NotifyDuty['when'], Condition> = {
  'always': {},
  'personal-data': { personal_data: true },
  'customer-impact': { customers_affected: true },
  'severity-high': { severity: ['high', 'critical'] },
  'severity-critical': { severity: ['critical'] },
};

const planRegimes = new WeakMap<object, Regime | undefined>();

/** A plan's own duties as one more regime, `plan`: each stage starts at the declaration (else detection). Made once per plan. */
export function planRegime(plan: PlanDoc): Regime | undefined {
  if (planRegimes.has(plan.data)) return planRegimes.get(plan.data);
  const regime = makePlanRegime(plan);
  planRegimes.set(plan.data, regime);
  return regime;
}

function makePlanRegime(plan: PlanDoc): Regime | undefined {
  const duties = plan.data.notify ?? [];
  if (duties.length === 0) return undefined;
  const used = new Map<string, number>();
  const stages: Stage[] = duties.map((d) => {
    const base = d.id ?? d.audience;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return {
      id: n === 1 ? base : `${base}-${n}`, name: `Notify ${d.audience}`, audience: d.audience,
      clocks: [{ starts: 'declared', period: { hours: d.within_hours } }], when: PLAN_CONDITIONS[d.when],
      reference: `plan ${plan.id}: within ${d.within_hours} h (${d.when})`,
      ...(d.note ? { note: d.note } : {}), ...(d.contacts ? { contacts: d.contacts } : {}),
    };
  });
  return { id: 'plan', name: `Plan ${plan.id}`, reference: `plans/${plan.id}.md`, zone: 'UTC', stages };
}

const regimeIndex = new WeakMap<object, Map<string, Regime>>();

/** The built-in regimes and the repository's own, by id (once per configuration). */
function regimesById(config: Pick<Config, 'regimeDefinitions'>): Map<string, Regime> {
  let byId = regimeIndex.get(config.regimeDefinitions);
  if (!byId) regimeIndex.set(config.regimeDefinitions, (byId = new Map([...BUILTIN_REGIMES, ...config.regimeDefinitions].map((r) => [r.id, r]))));
  return byId;
}

/** The regimes declared for an incident: its plan's list, else the repository's. */
export function declaredRegimes(doc: IncidentDoc, model: Model, config: Pick<Config, 'regimes' | 'regimeDefinitions'>): Regime[] {
  const plan = doc.data.plan === undefined ? undefined : model.plans.get(doc.data.plan);
  const ids = plan?.data.regimes ?? config.regimes;
  const byId = regimesById(config);
  const out = ids.map((id) => byId.get(id)).filter((r): r is Regime => r !== undefined);
  const own = plan ? planRegime(plan) : undefined;
  return own ? [...out, own] : out;
}

interface Judgement { applies: Applies; why?: string; decided?: { name: string; by?: string } }

/** "significant: decided no, 2026-06-22 11:30 UTC" (who decided is in `decided`, for each audience to name). */
function decisionText(name: string, d: { at?: string }): string {
  const at = d.at === undefined ? undefined : parseTime(d.at);
  return `${name}: decided no${at === undefined ? '' : `, ${'error' in at ? d.at : formatTime(at.value)}`}`;
}

function countJudgement(c: Count | undefined, atLeast: number | undefined, below: number | undefined): Judgement {
  if (!c || c.unknown) return { applies: 'maybe', why: 'the number of records is not known' };
  if (atLeast !== undefined) {
    if (c.min >= atLeast) return { applies: 'yes' };
    if (c.max < atLeast) return { applies: 'no', why: `fewer than ${atLeast} records (${c.text})` };
    return { applies: 'maybe', why: `${c.text} records may be ${atLeast} or more` };
  }
  if (c.max < below!) return { applies: 'yes' };
  if (c.min >= below!) return { applies: 'no', why: `${below} records or more (${c.text})` };
  return { applies: 'maybe', why: `${c.text} records may be fewer than ${below}` };
}

/** Whether a condition holds for an incident: yes, no (with why), or maybe (with why). */
export function judge(cond: Condition | undefined, x: Incident): Judgement {
  if (!cond) return { applies: 'yes' };
  const parts: Judgement[] = [];
  if (cond.personal_data) {
    const p = x.impact?.personal_data;
    parts.push(p === true ? { applies: 'yes' } : p === false ? { applies: 'no', why: 'no personal data involved' } : { applies: 'maybe', why: 'unknown whether personal data was involved' });
  }
  if (cond.severity) parts.push(x.severity === 'unknown' ? { applies: 'maybe', why: 'the severity is not known' } : cond.severity.includes(x.severity) ? { applies: 'yes' } : { applies: 'no', why: `severity ${x.severity}` });
  if (cond.decision) {
    const d = x.decisions?.[cond.decision];
    parts.push(!d ? { applies: 'maybe', why: `${cond.decision} not yet decided` } : d.answer === 'yes' ? { applies: 'yes' } : { applies: 'no', why: decisionText(cond.decision, d), decided: { name: cond.decision, ...(d.by ? { by: d.by } : {}) } });
  }
  if (cond.presumed) {
    const d = x.decisions?.[cond.presumed];
    parts.push(d?.answer === 'no' ? { applies: 'no', why: decisionText(cond.presumed, d), decided: { name: cond.presumed, ...(d.by ? { by: d.by } : {}) } } : { applies: 'yes' });
  }
  if (cond.customers_affected) {
    const c = countOf(x.impact?.customers_affected);
    parts.push(!c || c.unknown ? { applies: 'maybe', why: 'unknown whether customers were affected' } : c.min > 0 ? { applies: 'yes' } : c.max === 0 ? { applies: 'no', why: 'no customers affected' } : { applies: 'maybe', why: 'customers may have been affected' });
  }
  if (cond.records_at_least !== undefined) parts.push(countJudgement(countOf(x.impact?.records), cond.records_at_least, undefined));
  if (cond.records_below !== undefined) parts.push(countJudgement(countOf(x.impact?.records), undefined, cond.records_below));
  return parts.find((p) => p.applies === 'no') ?? parts.find((p) => p.applies === 'maybe') ?? { applies: 'yes' };
}

/** Whether a regime was in force when the incident was detected. */
function inForce(regime: Regime, detected: TimeValue | undefined): Judgement {
  if (!regime.from && !regime.until) return { applies: 'yes' };
  if (!detected || detected.kind === 'unknown') return { applies: 'maybe', why: 'the detection date is not known' };
  const from = regime.from ? Date.parse(`${regime.from}T00:00:00Z`) : -Infinity;
  const until = regime.until ? Date.parse(`${regime.until}T00:00:00Z`) : Infinity;
  if (detected.latest <= from) return { applies: 'no', why: `${regime.name} applies from ${regime.from}` };
  if (detected.earliest >= until) return { applies: 'no', why: `${regime.name} applied until ${regime.until}` };
  if (detected.earliest >= from && detected.latest <= until) return { applies: 'yes' };
  return { applies: 'maybe', why: `detected around ${regime.from ?? regime.until}` };
}

/** Every duty of an incident as of `now`. Exercises owe none. */
export function dutiesOf(doc: IncidentDoc, model: Model, config: Pick<Config, 'regimes' | 'regimeDefinitions' | 'policy'>, now: Now): Duties {
  const x = doc.data;
  if (x.kind !== 'incident') return { duties: [], unknownDuty: [], regimes: [] };
  const times = timesOf(doc, config.policy.approximate_minutes);
  const regimes = declaredRegimes(doc, model, config);
  const duties: Duty[] = [];
  for (const regime of regimes) {
    const force = regime.id === 'plan' ? { applies: 'yes' as const } : inForce(regime, times.milestones.detected);
    const base = force.applies === 'no' ? force : judge(regime.when, x);
    for (const stage of regime.stages) {
      const own = judge(stage.when, x);
      const j = [force, base, own].find((p) => p.applies === 'no') ?? [force, base, own].find((p) => p.applies === 'maybe') ?? { applies: 'yes' as const };
      duties.push({ key: `${regime.id}/${stage.id}`, regime, stage, applies: j.applies, ...(j.why ? { why: j.why } : {}), ...(j.decided ? { decided: j.decided } : {}), state: 'waiting' });
    }
  }

  // Which notification discharges which duty: by name, else the first duty owed to its audience.
  const list = notices(doc, now);
  const unknownDuty: Duties['unknownDuty'] = [];
  const byKey = new Map(duties.map((d) => [d.key, d]));
  for (const n of list) {
    if (!n.notification.duty) continue;
    const d = byKey.get(n.notification.duty);
    if (!d) unknownDuty.push({ index: n.index, duty: n.notification.duty });
    else if (!d.notice) d.notice = n;
  }
  for (const n of list) {
    if (n.notification.duty) continue;
    const open = duties.filter((d) => d.stage.audience === n.notification.audience && d.applies !== 'no' && !d.notice);
    if (open.length === 0) continue;
    open[0]!.notice = n;
    if (open.length > 1) open[0]!.guessed = true;
  }

  // When each clock starts and runs out; a stage's submission starts the next stage's clock.
  const ctx = times.zone ? { zone: times.zone } : {};
  const startOf = (clock: Clock, regime: Regime): { event: string; value?: TimeValue; waiting?: string } => {
    const s = clock.starts;
    if (s.startsWith('decision:')) {
      const name = s.slice(9);
      const d = x.decisions?.[name];
      if (!d || d.answer !== 'yes') return { event: `${name} decided`, waiting: `starts when ${name} is decided` };
      if (d.at === undefined) return { event: `${name} decided`, waiting: `the time ${name} was decided is not recorded` };
      const r = parseTime(d.at, ctx);
      return 'error' in r ? { event: `${name} decided`, waiting: `the time ${name} was decided cannot be read` } : { event: `${name} decided`, value: r.value };
    }
    if (s.startsWith('stage:')) {
      const other = byKey.get(`${regime.id}/${s.slice(6)}`);
      const at = other?.notice?.at;
      if (!at) return { event: `${s.slice(6)} submitted`, waiting: `starts when ${other?.stage.name.toLowerCase() ?? s.slice(6)} is submitted` };
      return { event: `${s.slice(6)} submitted`, value: at };
    }
    const milestone = s === 'declared' && times.milestones.declared === undefined ? 'detected' : s;
    const v = times.milestones[milestone as 'started' | 'detected' | 'declared'];
    if (!v) return { event: milestone, waiting: `${milestone} is not recorded` };
    return { event: milestone, value: v };
  };
  for (const d of duties) {
    let best: { deadline: Deadline; event: string; value: TimeValue } | undefined;
    let waiting: string | undefined;
    for (const clock of d.stage.clocks) {
      const s = startOf(clock, d.regime);
      if (!s.value) {
        waiting ??= s.waiting;
        continue;
      }
      // The law's clock starts at the earliest time the event could mean.
      const from = s.value.kind === 'unknown' ? undefined : s.value.earliest;
      if (from === undefined || !Number.isFinite(from)) {
        waiting ??= `${s.event} is ${s.value.kind === 'unknown' ? formatTime(s.value) : 'only bounded'}`;
        continue;
      }
      const dl = deadline(from, clock.period, d.regime.zone, config.policy.undue_delay_hours);
      if (!best || dl.due < best.deadline.due) best = { deadline: dl, event: s.event, value: s.value };
    }
    if (best) {
      d.deadline = best.deadline;
      d.start = { event: best.event, value: best.value };
    } else if (waiting) d.waitingFor = waiting;
    d.state = stateOf(d, now);
    const sent = d.notice?.at && d.notice.at.kind !== 'unknown' ? atOf(d.notice.at) : undefined;
    if (d.deadline && (d.state === 'met' || d.state === 'late') && sent !== undefined) d.margin = d.deadline.due - sent;
    else if (d.deadline && (d.state === 'due' || d.state === 'overdue' || d.state === 'may apply')) d.margin = d.deadline.due - now.ms;
  }
  return { duties, unknownDuty, regimes: regimes.map((r) => r.id) };
}

function stateOf(d: Duty, now: Now): DutyState {
  if (d.applies === 'no') return 'not applicable';
  const n = d.notice;
  if (n) {
    if (n.state === 'not required') return 'not applicable';
    if (n.state === 'decided not to') return 'decided not to';
    if (n.state === 'unknown') return 'unknown';
    if (n.state === 'sent, time unknown') return 'sent, time unknown';
    if (n.at && n.at.kind !== 'unknown') {
      if (!d.deadline) return 'sent';
      // Late only when it was certainly sent after the deadline.
      return n.at.earliest >= d.deadline.due ? 'late' : 'met';
    }
  }
  if (d.applies === 'maybe') return 'may apply';
  if (!d.deadline) return 'waiting';
  return now.ms >= d.deadline.due ? 'overdue' : 'due';
}

/** Whether a duty still asks something of the team: not discharged, not excused. */
export function outstandingDuty(d: Duty): boolean {
  return d.state === 'due' || d.state === 'overdue' || d.state === 'waiting' || d.state === 'may apply';
}

const cache = new WeakMap<object, { now: number; config: object; model: object; value: Duties }>();

/** The duties of an incident, computed once per check (the rules all ask). */
export function dutiesFor(doc: IncidentDoc, model: Model, config: Pick<Config, 'regimes' | 'regimeDefinitions' | 'policy'>, now: Now): Duties {
  const known = cache.get(doc.data);
  if (known && known.now === now.ms && known.config === config && known.model === model) return known.value;
  const value = dutiesOf(doc, model, config, now);
  cache.set(doc.data, { now: now.ms, config, model, value });
  return value;
}

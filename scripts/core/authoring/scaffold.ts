// The text of a new document: front matter in the schema's order with explicit values, and
// every required section with a prompt of what belongs there. Pure.

import { stringify } from 'yaml';
import { atOf, parseTime, type TimeContext } from '../time/parse.js';
import { readZone } from '../time/zones.js';
import type { Channel, Model } from '../model/types.js';
import { PLAYBOOKS } from './playbooks.js';
import { prompt } from './prompts.js';

/** Front matter and sections; `asIs` writes the given section lines unchanged, else as numbered steps. */
function document(front: Record<string, unknown>, sections: readonly string[], bodies: Record<string, string[]> = {}, asIs = false): string {
  const yaml = stringify(front, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const body = sections.map((s) => `## ${s}\n\n${bodies[s]?.map((l, i) => (asIs || l.startsWith('TODO') ? l : `${i + 1}. ${l}`)).join('\n') ?? prompt(s)}\n`).join('\n');
  return `---\n${yaml}---\n\n${body}`;
}

function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

export interface IncidentInput {
  id: string;
  kind: 'incident' | 'exercise';
  title: string;
  severity: string;
  visibility: string;
  commander: string;
  detected: string;
  started?: string;
  declared?: string;
  /** The zone of times written without one (`timezone:` in the front matter). */
  timezone?: string;
  category?: string;
  plan?: string;
  /** Unknown unless the responder says: a wrong `false` would hide the regulator's deadline. */
  personalData?: boolean | 'unknown';
  format?: string;
  /** What the responder knows now, in a sentence or two. */
  summary?: string;
}

function contextOf(input: IncidentInput): TimeContext {
  const z = input.timezone === undefined ? undefined : readZone(input.timezone);
  return z && 'zone' in z ? { zone: z.zone, zoneFrom: 'timezone' } : {};
}

/** The first timeline items: the times the responder gave, and nothing more. */
function firstItems(input: IncidentInput): string[] {
  const ctx = contextOf(input);
  const at = (t: string) => { const p = parseTime(t, ctx); return 'error' in p ? undefined : atOf(p.value); };
  const items: [string, string][] = [];
  if (input.started) items.push([input.started, `${input.kind === 'exercise' ? 'Exercise started' : 'Started'}.`]);
  items.push([input.detected, input.kind === 'exercise' ? '[detection] Scenario begins.' : `[detection] Detected: ${input.title.replace(/\.$/, '')}.`]);
  if (input.declared) items.push([input.declared, `[analysis] Declared an incident; @${input.commander} in command.`]);
  // An unknown time has no place in the order; it is in the front matter, not the timeline.
  return items.filter(([t]) => at(t) !== undefined).sort((a, b) => at(a[0])! - at(b[0])!).map(([t, text]) => `- ${t} ${text}`);
}

/** A new incident or exercise; from a plan, its roles become participants and its duties pending notifications. */
export function scaffoldIncident(input: IncidentInput, model: Model, sections: readonly string[]): string {
  const plan = input.plan ? model.plans.get(input.plan) : undefined;
  const participants = plan ? [...new Set(Object.values(plan.data.roles).map((ids) => ids.find((id) => model.contacts.get(id)?.data.status === 'active') ?? ids[0]!))].filter((id) => id !== input.commander) : [];
  const personalData = input.personalData ?? 'unknown';
  // Notification duties (the plan's and the declared regimes') are not written as stubs: the
  // incident page and `check` show each with its deadline, from the times recorded here.
  const front = clean({
    id: input.id,
    kind: input.kind,
    title: input.title,
    status: 'open',
    severity: input.severity,
    category: input.category,
    plan: input.plan,
    commander: input.commander,
    participants,
    visibility: input.visibility,
    timezone: input.timezone,
    started: input.started,
    detected: input.detected,
    declared: input.declared,
    detection: input.kind === 'exercise' ? undefined : { source: 'TODO: what detected it' },
    impact: input.kind === 'exercise' ? undefined : { summary: 'TODO: effects so far', personal_data: personalData },
    exercise: input.kind === 'exercise' ? { format: input.format ?? 'tabletop', scenario: 'TODO: the scenario played' } : undefined,
  });
  const bodies: Record<string, string[]> = { Timeline: firstItems(input) };
  if (input.summary) bodies.Summary = [input.summary];
  return document(front, sections, bodies, true);
}

export interface ContactInput {
  id: string;
  type: string;
  name: string;
  title?: string;
  team?: string;
  roles?: string[];
  channels: Channel[];
  verifiedBy: string;
  today: string;
}

export function scaffoldContact(input: ContactInput, sections: readonly string[]): string {
  return document(clean({
    id: input.id, kind: 'contact', type: input.type, name: input.name, title: input.title, team: input.team, roles: input.roles,
    channels: input.channels, status: 'active', last_verified: input.today, verified_by: input.verifiedBy, verified_method: 'call',
  }), sections);
}

export interface PlanInput {
  id: string;
  title?: string;
  owner: string;
  playbook?: string;
  today: string;
}

/** A new plan; from a playbook, roles are filled from active contacts that declare them. */
export function scaffoldPlan(input: PlanInput, model: Model, sections: readonly string[]): { text: string; unfilled: string[] } {
  const book = input.playbook ? PLAYBOOKS[input.playbook] : undefined;
  const active = [...model.contacts.values()].filter((c) => c.data.status === 'active');
  const roles: Record<string, string[]> = {};
  const unfilled: string[] = [];
  for (const role of book?.roles ?? ['incident-commander']) {
    // People first (they take the call), then teams; at most three, in name order.
    const who = active.filter((c) => c.data.roles?.includes(role)).sort((a, b) => (a.data.type === b.data.type ? a.data.name.localeCompare(b.data.name) : a.data.type === 'person' ? -1 : 1)).slice(0, 3).map((c) => c.id);
    if (who.length > 0) roles[role] = who;
    else unfilled.push(role);
  }
  if (!roles['incident-commander']) roles['incident-commander'] = [input.owner];
  const front = clean({
    id: input.id, kind: 'plan', title: input.title ?? book?.title ?? input.id, owner: input.owner,
    scope: book ? { categories: book.categories, summary: book.summary } : undefined,
    roles, notify: book?.notify.map((n) => clean({ ...n })), last_reviewed: input.today,
  });
  const bodies: Record<string, string[]> = {};
  if (book) for (const [section, steps] of Object.entries(book.steps)) bodies[section] = steps;
  let text = document(front, sections, bodies);
  if (unfilled.length > 0) text = text.replace(/^roles:\n/m, `# TODO: no active contact declares ${unfilled.join(', ')}; add those roles when someone takes them.\nroles:\n`);
  return { text, unfilled };
}
